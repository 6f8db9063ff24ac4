import type { Collection, Item, SearchQuery } from '@disan/schemas';
import { canReadCollection, canReadMedia, canReadRecord, withTiedRecording, type Viewer } from '@disan/ingest/access';
import { NotFoundError } from '@disan/ingest';
import { searchArchive } from '@disan/ingest/search';
import type { BrowseDeps } from './browse.ts';

/** The most records one export holds: a search or a collection past it gives its first EXPORT_CAP hits (the answer's headers say so). */
export const EXPORT_CAP = 1000;
/** Hits read per search while gathering an export. */
const BATCH = 100;

/** The item to cite, or the item route's own 404: a hidden record and a missing one answer alike (metadata-only records are citable). */
export async function citableItem(deps: BrowseDeps, viewer: Viewer, id: string): Promise<Item> {
  const item = await deps.catalog.items.get(id);
  if (!item || !canReadRecord(viewer, item)) throw new NotFoundError(`Item ${id} not found`);
  return item;
}

/** The media types of the item's files, when the viewer may fetch them (Dublin Core's dc:format); none for a metadata-only record. */
export async function readableFormats(deps: BrowseDeps, viewer: Viewer, item: Item): Promise<string[]> {
  if (!canReadMedia(viewer, item)) return [];
  const media = await deps.catalog.media.listForItem(item.id);
  const readable = media.filter((medium) => canReadMedia(viewer, item, withTiedRecording(medium, media)));
  return [...new Set(readable.map((media) => media.mimeType))];
}

export interface ExportBatch {
  /** The records, in the search's order, each readable by the viewer. */
  items: Item[];
  /** Hits the search found, before the cap. */
  total: number;
}

/**
 * A search's first EXPORT_CAP hits as records: the search runs in the viewer's scope (as
 * GET /search does), and each record read from the catalog is checked once more with
 * canReadRecord, so a record that changed since it was indexed never leaves.
 */
export async function searchExport(deps: BrowseDeps, viewer: Viewer, query: Omit<SearchQuery, 'page' | 'pageSize' | 'facets'>, limits = { cap: EXPORT_CAP, batch: BATCH }): Promise<ExportBatch> {
  const { cap, batch } = limits;
  const ids: string[] = [];
  let total = 0;
  for (let page = 1; ids.length < cap; page++) {
    const result = await searchArchive(deps, { ...query, facets: [], page, pageSize: batch }, viewer);
    total = result.total;
    ids.push(...result.hits.map((hit) => hit.id).slice(0, cap - ids.length));
    if (result.hits.length < batch || page * batch >= total) break;
  }
  return { items: await readable(deps, viewer, ids), total };
}

/** A collection's records the viewer may read, in the collection's own order when it has one (then by title), or the same 404 as GET /collections/:id. */
export async function collectionExport(deps: BrowseDeps, viewer: Viewer, id: string): Promise<{ collection: Collection } & ExportBatch> {
  const collection = await deps.catalog.collections.get(id);
  if (!collection || !canReadCollection(viewer, collection)) throw new NotFoundError(`Collection ${id} not found`);
  const batch = await searchExport(deps, viewer, { q: '', filters: { collections: [id] }, sort: 'title' });
  const rank = new Map((collection.itemOrder ?? []).map((itemId, index) => [itemId, index]));
  // A stable sort: records the order does not list keep their title order, after the listed ones.
  const items = batch.items.sort((a, b) => (rank.get(a.id) ?? rank.size) - (rank.get(b.id) ?? rank.size));
  return { collection, items, total: batch.total };
}

async function readable(deps: BrowseDeps, viewer: Viewer, ids: readonly string[]): Promise<Item[]> {
  const now = new Date();
  const byId = new Map((await deps.catalog.items.getMany(ids)).map((item) => [item.id, item]));
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item && canReadRecord(viewer, item, now) ? [item] : [];
  });
}
