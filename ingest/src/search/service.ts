import type { SearchQuery, SearchResult } from '@disan/schemas';
import { searchScopeFor, type Viewer } from '../access/access.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { SearchEngine } from './engine.ts';

export interface SearchServiceDeps {
  search: SearchEngine;
  catalog: Catalog;
}

/**
 * The one way every door searches: the viewer's access scope is applied here, so
 * the API, the CLI and later doors cannot forget it, and the answer has the same
 * shape whichever engine is configured.
 */
export async function searchArchive(deps: SearchServiceDeps, query: SearchQuery, viewer: Viewer): Promise<SearchResult> {
  return deps.search.search(query, searchScopeFor(viewer));
}
