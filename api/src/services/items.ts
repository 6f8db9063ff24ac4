import type { Collection, CollectionSummary, Item, ItemSummary, ItemView, Media, MediaView, SearchFilters } from '@disan/schemas';
import { accessView, canReadCollection, canReadMedia, canReadRecord, canSeeMedium, withTiedRecording, type Viewer } from '@disan/ingest/access';
import { NotFoundError } from '@disan/ingest';
import { coverOf } from '@disan/ingest/search';
import { toMediaView } from '../views/media.ts';
import { mediaUrl } from '../views/urls.ts';
import { browse, countsBy, summaries, type BrowseDeps } from './browse.ts';
import { elementFields } from './elements.ts';
import { libraryFields } from './legal-links.ts';
import { nextOccurrenceOf, todayInVietnam } from './next-occurrence.ts';

const RELATED = 6;

/** The item as the viewer may see it, or NotFoundError: a hidden item and a missing one answer alike. */
export async function itemView(deps: BrowseDeps, viewer: Viewer, id: string): Promise<ItemView> {
  const item = await deps.catalog.items.get(id);
  if (!item || !canReadRecord(viewer, item)) throw new NotFoundError(`Item ${id} not found`);
  const [media, related, collections, library, inventory] = await Promise.all([
    deps.catalog.media.listForItem(id),
    relatedItems(deps, viewer, item),
    collectionSummaries(deps, viewer, item.collections ?? []),
    libraryFields(deps, viewer, item),
    elementFields(deps, viewer, item),
  ]);
  const next = nextOccurrenceOf(item, todayInVietnam());
  return { ...publicFields(item), media: visibleMedia(viewer, item, media), related, collections, ...library, ...inventory, ...(next ? { nextOccurrence: next } : {}) };
}

/** The media the viewer may know of (canSeeMedium), each with its files when the viewer may read them. */
function visibleMedia(viewer: Viewer, item: Item, media: readonly Media[]): MediaView[] {
  return media
    .map((m) => withTiedRecording(m, media))
    .filter((m) => canSeeMedium(viewer, item, m))
    .map((m) => toMediaView(m, canReadMedia(viewer, item, m)));
}

function publicFields(item: Item): Omit<ItemView, 'media' | 'related' | 'collections' | 'library' | 'legalLinks' | 'element' | 'elements'> {
  return {
    id: item.id,
    kind: item.kind,
    ethnicGroups: item.ethnicGroups,
    title: item.title,
    description: item.description ?? [],
    subjects: item.subjects ?? [],
    alternativeNames: item.alternativeNames ?? [],
    agents: item.agents ?? [],
    date: item.date ?? null,
    recurrence: item.recurrence ?? [],
    places: item.places ?? [],
    languages: item.languages ?? [],
    rights: item.rights ?? null,
    source: item.source ?? null,
    status: item.status,
    access: accessView(item.access),
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/**
 * Items sharing the collection, then the group and kind, then the group, then the
 * kind: the closest first, through the viewer's scope, never the item itself. Each
 * tier is read in the engine's own order (no sort), so it costs the same whatever
 * the archive's size: sorting a tier of 25 000 festivals took 14 ms at 100 000 items.
 */
async function relatedItems(deps: BrowseDeps, viewer: Viewer, item: Item): Promise<ItemSummary[]> {
  const tiers: SearchFilters[] = [
    ...(item.collections?.length ? [{ collections: item.collections }] : []),
    ...(item.ethnicGroups.length ? [{ ethnicGroups: item.ethnicGroups, kind: [item.kind] }, { ethnicGroups: item.ethnicGroups }] : []),
    { kind: [item.kind] },
  ];
  const found = new Map<string, Awaited<ReturnType<typeof browse>>['hits'][number]>();
  for (const filters of tiers) {
    if (found.size >= RELATED) break;
    const result = await browse(deps, viewer, { filters, sort: 'relevance', pageSize: RELATED + 1 + found.size });
    for (const hit of result.hits) if (hit.id !== item.id && found.size < RELATED && !found.has(hit.id)) found.set(hit.id, hit);
  }
  return summaries(deps, viewer, [...found.values()]);
}

/** The named collections the viewer may see, with the number of their items the viewer may see. */
export async function collectionSummaries(deps: BrowseDeps, viewer: Viewer, ids: readonly string[] | 'all'): Promise<CollectionSummary[]> {
  const all = ids === 'all' ? await deps.catalog.collections.list() : await Promise.all(ids.map((id) => deps.catalog.collections.get(id)));
  const visible = all.filter((c): c is Collection => c !== null && canReadCollection(viewer, c));
  if (visible.length === 0) return [];
  const [counts, covers] = await Promise.all([countsBy(deps, viewer, 'collections'), collectionCovers(deps, viewer, visible)]);
  return visible.map((c) => toCollectionSummary(c, counts[c.id] ?? 0, covers.get(c.id) ?? null));
}

/**
 * Each collection's chosen cover as the viewer may see it: the URL of the record's chosen
 * file (or of the record's own picture), from the face the public sees, or nothing when
 * the viewer may not read that record or its files (a collection's cover never shows a
 * restricted record's picture to someone who could not open it).
 */
export async function collectionCovers(deps: BrowseDeps, viewer: Viewer, collections: readonly Collection[]): Promise<Map<string, string>> {
  const wanted = collections.flatMap((c) => (c.cover ? [{ collection: c.id, ...c.cover }] : []));
  const covers = new Map<string, string>();
  if (wanted.length === 0) return covers;
  const now = new Date();
  const items = new Map((await deps.catalog.items.getMany(wanted.map((w) => w.itemId))).map((item) => [item.id, item]));
  const readable = [...items.values()].filter((item) => canReadRecord(viewer, item, now) && canReadMedia(viewer, item, undefined, now));
  const media = await deps.catalog.media.listForItems(readable.map((item) => item.id), 'face');
  for (const { collection, itemId, mediaId } of wanted) {
    const item = items.get(itemId);
    const ready = (media.get(itemId) ?? []).filter((m) => m.status === 'ready' && (mediaId === undefined || m.id === mediaId) && item !== undefined && canReadMedia(viewer, item, m, now));
    const cover = coverOf(ready);
    if (cover) covers.set(collection, mediaUrl(cover.media.id, cover.rendition));
  }
  return covers;
}

export function toCollectionSummary(collection: Collection, itemCount: number, cover: string | null): CollectionSummary {
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description ?? [],
    ethnicGroups: collection.ethnicGroups ?? [],
    itemCount,
    cover,
  };
}
