import type { Facet, ItemPage, ItemSummary, SearchFilters, SearchHit, SearchQuery, SearchResult, Sort } from '@disan/schemas';
import { canReadMedia, type Viewer } from '@disan/ingest/access/index.ts';
import type { Archive } from '@disan/ingest/archive.ts';
import { searchArchive } from '@disan/ingest/search/service.ts';
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
 * Hits with the stored cover turned into a URL, or null when the viewer may see the
 * item but not its media (metadata-only): the thumbnail would only answer 404.
 */
export async function withThumbnails<H extends SearchHit>(deps: BrowseDeps, viewer: Viewer, hits: readonly H[]): Promise<H[]> {
  const covered = hits.filter((hit) => hit.thumbnail !== null).map((hit) => hit.id);
  const items = await deps.catalog.items.getMany(covered);
  const readable = new Set(items.filter((item) => canReadMedia(viewer, item)).map((item) => item.id));
  return hits.map((hit) => ({ ...hit, thumbnail: readable.has(hit.id) ? thumbnailUrl(hit.thumbnail) : null }));
}

export async function summaries(deps: BrowseDeps, viewer: Viewer, hits: readonly SearchHit[]): Promise<ItemSummary[]> {
  return (await withThumbnails(deps, viewer, hits)).map(({ id, kind, ethnicGroups, title, thumbnail, geo }) => ({ id, kind, ethnicGroups, title, thumbnail, geo }));
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
