import type { Collection, ItemPage, SearchHit } from '@disan/schemas';
import type { Viewer } from '@disan/ingest/access';
import { browse, itemPage, summaries, type BrowseDeps } from './browse.ts';

/** Hits read per search while gathering a collection to put in its order. */
const GATHER = 100;

/**
 * A page of a collection's items as the viewer may see them, in the collection's own
 * order (itemOrder, chosen in the workspace) when it has one and no other sort is asked
 * for; items the order does not list follow, by title. The order is applied to what the
 * search lets the viewer see, so it can never show a hidden item. Gathering costs a search
 * per hundred items: collections hold hundreds, not millions.
 */
export async function collectionItemPage(deps: BrowseDeps, viewer: Viewer, collection: Collection, request: { sort?: Parameters<typeof itemPage>[2]['sort']; page?: number | undefined; pageSize?: number | undefined }): Promise<ItemPage> {
  const filters = { collections: [collection.id] };
  const order = collection.itemOrder ?? [];
  if (order.length === 0 || request.sort !== undefined) return itemPage(deps, viewer, { filters, sort: request.sort, page: request.page, pageSize: request.pageSize });
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? 24;
  const hits: SearchHit[] = [];
  let total = 0;
  for (let p = 1; p <= 1000; p++) {
    const result = await browse(deps, viewer, { filters, sort: 'title', page: p, pageSize: GATHER });
    total = result.total;
    hits.push(...result.hits);
    if (hits.length >= total || result.hits.length < GATHER) break;
  }
  const rank = new Map(order.map((id, index) => [id, index]));
  // A stable sort: the items the order does not list keep their title order, after the listed ones.
  const ordered = hits.sort((a, b) => (rank.get(a.id) ?? order.length) - (rank.get(b.id) ?? order.length));
  const slice = ordered.slice((page - 1) * pageSize, page * pageSize);
  return { items: await summaries(deps, viewer, slice), total, page, pageSize };
}
