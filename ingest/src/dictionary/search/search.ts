import { DictionarySearchQuery, type DictionarySearchResult } from '@disan/schemas';
import { Value } from 'typebox/value';
import { readFilter, toSearchScope, type Viewer } from '../../access/index.ts';
import type { Catalog } from '../../catalog/catalog.ts';
import { ValidationError } from '../../errors.ts';
import { entryForms } from '../../indexing/entry-fields.ts';
import type { SearchEngine } from '../../search/engine.ts';
import { queryHeadwordKeys } from '../../search/query.ts';
import { entryExactKeys } from '../script/index.ts';
import { toEntrySummary } from './entry-summary.ts';

/** What the search reads: the engine, and the catalog's bulk reads of items and their media. */
export interface DictionarySearchDeps {
  search: SearchEngine;
  catalog: { items: Pick<Catalog['items'], 'getMany'>; media: Pick<Catalog['media'], 'listForItems'> };
}

const DEFAULT_LIMIT = 20;
/** The engines' own bounds on a page (SearchQuery's page and pageSize). */
const MAX_PAGE = 1000;
const MAX_PAGE_SIZE = 100;

/**
 * Finds dictionary entries: the archive's search (the one shared analyzer, either engine)
 * narrowed to kind `word` and to what the viewer may read (the same scope as searchArchive),
 * the word a query names exactly first (the engines' headword tier). Each hit is then built
 * from the catalog (one read of the items, one of their media) with the first recording the
 * viewer may hear; `exact` says the query is one of its headwords or romanisations.
 */
export async function searchDictionary(deps: DictionarySearchDeps, viewer: Viewer, query: DictionarySearchQuery): Promise<DictionarySearchResult> {
  const startedAt = performance.now();
  assertQuery(query);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  const window = pagesCovering(offset, limit);
  const filters = { kind: ['word'], ...(query.language ? { languages: query.language } : {}) };
  const scope = toSearchScope(readFilter(viewer));
  const pages = await Promise.all(window.pages.map((page) => deps.search.search({ q: query.q, filters, facets: [], page, pageSize: window.pageSize }, scope)));
  const total = pages[0]!.total;
  const ids = pages
    .flatMap((page) => page.hits.map((hit) => hit.id))
    .slice(window.skip, window.skip + limit);
  const [items, media] = await Promise.all([deps.catalog.items.getMany(ids), deps.catalog.media.listForItems(ids)]);
  const byId = new Map(items.map((item) => [item.id, item]));
  const [key] = queryHeadwordKeys(query.q);
  const hits = ids.flatMap((id) => {
    const item = byId.get(id);
    // Gone from the catalog since it was indexed, or no longer a word: not an entry to show.
    if (!item?.entry) return [];
    const exact = key !== undefined && entryExactKeys(entryForms(item.entry)).includes(key);
    return [{ ...toEntrySummary(viewer, item, media.get(id) ?? []), exact }];
  });
  return { q: query.q, total, hits, tookMs: Math.round((performance.now() - startedAt) * 100) / 100 };
}

/**
 * The engine pages (of one size) that hold the entries from `offset` to `offset + limit`:
 * one page when the offset falls on a page's start, else the two it straddles.
 * @example pagesCovering(30, 20) // { pageSize: 20, pages: [2, 3], skip: 10 }
 */
export function pagesCovering(offset: number, limit: number): { pageSize: number; pages: number[]; skip: number } {
  for (const pageSize of [limit, MAX_PAGE_SIZE]) {
    const first = Math.floor(offset / pageSize) + 1;
    const last = Math.floor((offset + limit - 1) / pageSize) + 1;
    if (last > MAX_PAGE) continue;
    const pages = Array.from({ length: last - first + 1 }, (_, index) => first + index);
    return { pageSize, pages, skip: offset - (first - 1) * pageSize };
  }
  throw new ValidationError(`offset ${offset} with limit ${limit} is beyond the last page a search can reach`);
}

function assertQuery(query: DictionarySearchQuery): void {
  if (Value.Check(DictionarySearchQuery, query)) return;
  const problems = Value.Errors(DictionarySearchQuery, query)
    .slice(0, 5)
    .map((error) => `${error.instancePath || 'query'} ${error.message}`);
  throw new ValidationError(`Invalid dictionary search: ${problems.join('; ')}`);
}

