import type { Item, SearchQuery, SearchResult, Sort } from '@disan/schemas';
import { canReadRecord, PUBLIC } from '../../access/index.ts';
import { yearOf } from '../../indexing/search-document.ts';
import { harvestedFilters, isHarvestedKind } from '../harvested-kinds.ts';
import { DIAGNOSTIC, SruDiagnostic } from './diagnostics.ts';
import type { Leaf } from './indexes.ts';
import type { Plan, SruSearch } from './plan.ts';

export interface SruSearchDeps {
  /** The archive's search as the public sees it (searchArchive with PUBLIC: read filter and hidden collections applied). */
  find(query: SearchQuery): Promise<SearchResult>;
  /** Records by id, in any order; missing ones left out. */
  records(ids: readonly string[]): Promise<Item[]>;
}

/**
 * Records a combined query or a check may look through: the engine's candidates for one
 * leaf, read 100 at a time. A query that needs more is refused (diagnostic 60) rather
 * than answered from a part of the archive.
 */
export const MAX_CANDIDATES = 5000;
/** The engine's pages: 100 hits, up to page 1000 (SearchQuery's limits). */
const ENGINE_PAGE = 100;
const ENGINE_MAX_PAGE = 1000;

/** Where the window of results starts (1-based, SRU's startRecord) and how many it holds. */
export interface ResultWindow {
  start: number;
  count: number;
}

/**
 * Runs a planned search as the public: the total, and the records of the window in
 * order. A single leaf the engine answers alone pages through the engine (any size of
 * result); anything else (checks, or, not, rec.identifier) is evaluated as sets of ids.
 */
export async function runSearch(deps: SruSearchDeps, search: SruSearch, window: ResultWindow, now = new Date()): Promise<{ total: number; records: Item[] }> {
  const { plan, sort } = search;
  if (plan.type === 'leaf' && plan.leaf.checks.length === 0 && !plan.leaf.ids) return engineWindow(deps, plan.leaf, sort, window, now);
  let ids = await evaluate(deps, plan, sort, now);
  if (sort !== 'relevance') ids = sortIds(await readableRecords(deps, ids, now), sort).map((record) => record.id);
  const page = ids.slice(window.start - 1, window.start - 1 + window.count);
  return { total: ids.length, records: await readableRecords(deps, page, now) };
}

async function engineWindow(deps: SruSearchDeps, leaf: Leaf, sort: Sort, window: ResultWindow, now: Date): Promise<{ total: number; records: Item[] }> {
  const query = (page: number, pageSize: number): SearchQuery => ({ q: leaf.q, filters: leaf.filters, facets: [], sort, page, pageSize });
  if (window.count === 0) return { total: (await findHarvested(deps, query(1, 1))).total, records: [] };
  const offset = window.start - 1;
  // A client stepping by its page size (the usual way) costs one engine page; any other window, one or two pages of 100.
  const aligned = offset % window.count === 0 && offset / window.count + 1 <= ENGINE_MAX_PAGE;
  const pageSize = aligned ? window.count : ENGINE_PAGE;
  const first = Math.floor(offset / pageSize) + 1;
  const last = Math.floor((offset + window.count - 1) / pageSize) + 1;
  if (last > ENGINE_MAX_PAGE) throw new SruDiagnostic(DIAGNOSTIC.firstRecordOutOfRange, String(window.start), `Records past position ${ENGINE_MAX_PAGE * ENGINE_PAGE} cannot be reached; narrow the query`);
  const results: SearchResult[] = [];
  for (let page = first; page <= last; page++) results.push(await findHarvested(deps, query(page, pageSize)));
  const skip = offset - (first - 1) * pageSize;
  const ids = results.flatMap((result) => result.hits.map((hit) => hit.id)).slice(skip, skip + window.count);
  return { total: results[0]!.total, records: await readableRecords(deps, ids, now) };
}

async function evaluate(deps: SruSearchDeps, plan: Plan, sort: Sort, now: Date): Promise<string[]> {
  if (plan.type === 'leaf') return leafIds(deps, plan.leaf, sort, now);
  const left = await evaluate(deps, plan.left, sort, now);
  const right = new Set(await evaluate(deps, plan.right, sort, now));
  switch (plan.type) {
    case 'and':
      return left.filter((id) => right.has(id));
    case 'not':
      return left.filter((id) => !right.has(id));
    case 'or': {
      const seen = new Set(left);
      return [...left, ...[...right].filter((id) => !seen.has(id))];
    }
  }
}

async function leafIds(deps: SruSearchDeps, leaf: Leaf, sort: Sort, now: Date): Promise<string[]> {
  const passes = (record: Item) => leaf.checks.every((check) => check(record));
  if (leaf.ids) return (await readableRecords(deps, leaf.ids, now)).filter(passes).map((record) => record.id);
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await findHarvested(deps, { q: leaf.q, filters: leaf.filters, facets: [], sort, page, pageSize: ENGINE_PAGE });
    if (result.total > MAX_CANDIDATES) {
      throw new SruDiagnostic(DIAGNOSTIC.tooManyMatchingRecords, String(MAX_CANDIDATES), `This query has to look through ${result.total} records, more than ${MAX_CANDIDATES}; add words or a full-text clause (cql.serverChoice) to narrow it`);
    }
    ids.push(...result.hits.map((hit) => hit.id));
    if (result.hits.length < ENGINE_PAGE || ids.length >= result.total) break;
  }
  if (leaf.checks.length === 0) return ids;
  return (await readableRecords(deps, ids, now)).filter(passes).map((record) => record.id);
}

/** The engine's answer among the kinds harvesters see (no dictionary words, no inventory elements). */
async function findHarvested(deps: SruSearchDeps, query: SearchQuery): Promise<SearchResult> {
  const filters = harvestedFilters(query.filters);
  if (filters === null) return { query: query.q, total: 0, page: query.page ?? 1, pageSize: query.pageSize ?? ENGINE_PAGE, hits: [], facets: {}, engine: 'none', tookMs: 0 };
  return deps.find({ ...query, filters });
}

/**
 * The records of `ids` in that order, each read from the catalog and kept only if the
 * public may read it now and it is of a harvested kind: the engine already scoped its
 * answer, and this holds even when the index lags behind the catalog (a record withdrawn
 * a moment ago) and for records named by identifier.
 */
async function readableRecords(deps: SruSearchDeps, ids: readonly string[], now: Date): Promise<Item[]> {
  const byId = new Map<string, Item>();
  for (let i = 0; i < ids.length; i += 500) for (const record of await deps.records(ids.slice(i, i + 500))) byId.set(record.id, record);
  return ids.map((id) => byId.get(id)).filter((record): record is Item => record !== undefined && isHarvestedKind(record.kind) && canReadRecord(PUBLIC, record, now));
}

const titleOf = (record: Item) => record.title[0]?.value ?? '';

function sortIds(records: Item[], sort: Sort): Item[] {
  if (sort === 'title') return records.toSorted((a, b) => titleOf(a).localeCompare(titleOf(b), 'vi'));
  const direction = sort === 'date:desc' ? -1 : 1;
  // Undated records last, either way, as the engine puts them.
  return records.toSorted((a, b) => {
    const ya = yearOf(a.date);
    const yb = yearOf(b.date);
    if (ya === null || yb === null) return ya === yb ? 0 : ya === null ? 1 : -1;
    return (ya - yb) * direction;
  });
}
