import type { SearchQuery, SearchResult } from '@disan/schemas';
import { canReadCollection, type Viewer } from '../access/index.ts';
import type { Catalog } from '../catalog/catalog.ts';

/**
 * Collections the viewer may not see, when the query could reveal them: a public record
 * may belong to a draft or community-only collection, so its id would show in the
 * collections facet, and a filter on it would list its public members. Other queries
 * cost no catalog read.
 */
export async function collectionsHiddenFrom(catalog: Catalog, viewer: Viewer, query: SearchQuery): Promise<ReadonlySet<string>> {
  const asks = (query.filters?.collections?.length ?? 0) > 0 || (query.facets ?? []).includes('collections');
  if (!asks) return new Set();
  const all = await catalog.collections.list();
  return new Set(all.filter((collection) => !canReadCollection(viewer, collection)).map((collection) => collection.id));
}

/**
 * The query without hidden collections in its filter, or null when it named only hidden
 * ones: such a filter matches nothing, exactly as for a collection that does not exist.
 */
export function withoutHiddenCollections(query: SearchQuery, hidden: ReadonlySet<string>): SearchQuery | null {
  const named = query.filters?.collections;
  if (hidden.size === 0 || !named || named.length === 0) return query;
  const visible = named.filter((id) => !hidden.has(id));
  if (visible.length === 0) return null;
  return { ...query, filters: { ...query.filters, collections: visible } };
}

/** The result's collections facet without the hidden ids. */
export function withoutHiddenFacets<R extends Pick<SearchResult, 'facets'>>(result: R, hidden: ReadonlySet<string>): R {
  const counts = result.facets.collections;
  if (hidden.size === 0 || !counts) return result;
  const visible = Object.fromEntries(Object.entries(counts).filter(([id]) => !hidden.has(id)));
  return { ...result, facets: { ...result.facets, collections: visible } };
}
