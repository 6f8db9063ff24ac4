import type { Facet, ItemPage, ItemSummary, SearchFilters, SearchHit, SearchQuery, SearchResult, Sort } from '@disan/schemas';
import { accessView, canReadMedia, type Viewer } from '@disan/ingest/access';
import type { Archive } from '@disan/ingest';
import { searchArchive } from '@disan/ingest/search';
import { thumbnailUrl } from '../views/urls.ts';

export type BrowseDeps = Pick<Archive, 'search' | 'catalog'>;

/**
 * Every list the API shows goes through the search service with the viewer's scope,
 * so a list can never show what a search would hide; an empty query matches every
 * document the filters and scope allow.
 */
export function browse(deps: BrowseDeps, viewer: Viewer, query: Partial<SearchQuery>): Promise<SearchResult> {
  return searchArchive(deps, { q: '', facets: [], ...query }, viewer);
}

/**
 * Hits as the viewer may see them, from the catalog's record of today: the stored cover
 * turned into a URL, or null when the viewer may see the item but not its media
 * (metadata-only: the thumbnail would only answer 404); the state and who may read it,
 * as the item answer says it (an embargo that ended since indexing reads `public`).
 */
export async function forViewer<H extends SearchHit>(deps: BrowseDeps, viewer: Viewer, hits: readonly H[]): Promise<H[]> {
  const now = new Date();
  const items = new Map((await deps.catalog.items.getMany(hits.map((hit) => hit.id))).map((item) => [item.id, item]));
  return hits.map((hit) => {
    const item = items.get(hit.id);
    // Gone from the catalog since the search: nothing of its media to show, its state as indexed.
    if (!item) return { ...hit, thumbnail: null };
    const thumbnail = hit.thumbnail !== null && canReadMedia(viewer, item, undefined, now) ? thumbnailUrl(hit.thumbnail) : null;
    return { ...hit, thumbnail, status: item.status, access: accessView(item.access, now) };
  });
}

export async function summaries(deps: BrowseDeps, viewer: Viewer, hits: readonly SearchHit[]): Promise<ItemSummary[]> {
  return (await forViewer(deps, viewer, hits)).map(({ id, kind, ethnicGroups, title, thumbnail, geo, status, access }) => ({ id, kind, ethnicGroups, title, thumbnail, geo, status, access }));
}

export interface PageRequest {
  filters?: SearchFilters;
  sort?: Sort | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function itemPage(deps: BrowseDeps, viewer: Viewer, request: PageRequest): Promise<ItemPage> {
  const result = await browse(deps, viewer, {
    filters: request.filters ?? {},
    sort: request.sort ?? 'title',
    page: request.page ?? 1,
    pageSize: request.pageSize ?? 24,
  });
  return { items: await summaries(deps, viewer, result.hits), total: result.total, page: result.page, pageSize: result.pageSize };
}

/** Visible items per value of one facet, e.g. per collection or per ethnic group. */
export async function countsBy(deps: BrowseDeps, viewer: Viewer, facet: Facet, filters: SearchFilters = {}): Promise<Record<string, number>> {
  const result = await browse(deps, viewer, { facets: [facet], filters, pageSize: 1 });
  return result.facets[facet] ?? {};
}
