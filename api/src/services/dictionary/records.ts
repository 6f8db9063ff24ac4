import type { Item, ItemSummary } from '@disan/schemas';
import { accessView, canReadMedia, canReadRecord, type Viewer } from '@disan/ingest/access';
import type { Archive } from '@disan/ingest';
import { coverOf } from '@disan/ingest/search';
import { mediaUrl } from '../../views/urls.ts';

/**
 * Records named by id (an entry's heritage links) as cards, from the catalog rather than
 * from search (search has no filter by id): those the viewer may read, in the order given,
 * with the picture search would show (the chosen cover, else the first thumbnail) when the
 * viewer may see the record's files.
 */
export async function recordCards(deps: Pick<Archive, 'catalog'>, viewer: Viewer, ids: readonly string[], now: Date = new Date()): Promise<ItemSummary[]> {
  const byId = new Map((await deps.catalog.items.getMany(ids)).map((item) => [item.id, item]));
  const readable = ids.flatMap((id) => {
    const item = byId.get(id);
    return item && canReadRecord(viewer, item, now) ? [item] : [];
  });
  const media = await deps.catalog.media.listForItems(readable.map((item) => item.id), 'face');
  return readable.map((item) => toCard(item, (media.get(item.id) ?? []).filter((m) => m.status === 'ready'), viewer, now));
}

function toCard(item: Item, ready: Parameters<typeof coverOf>[0], viewer: Viewer, now: Date): ItemSummary {
  const cover = coverOf(ready.filter((medium) => canReadMedia(viewer, item, medium, now)));
  const geo = item.places?.find((p) => p.geo)?.geo ?? ready.find((m) => m.geo)?.geo ?? null;
  return {
    id: item.id,
    kind: item.kind,
    ethnicGroups: item.ethnicGroups,
    title: item.title,
    thumbnail: cover ? mediaUrl(cover.media.id, cover.rendition) : null,
    geo: geo ? { lat: geo.lat, lon: geo.lon } : null,
    status: item.status,
    access: accessView(item.access, now),
  };
}
