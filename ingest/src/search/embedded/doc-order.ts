import type { Sort } from '@disan/schemas';
import type { DocColumns } from './doc-columns.ts';
import { firstInOrder } from './select.ts';
import { sortLanguageKey } from '../sort.ts';

/**
 * Candidates in rowid order. Their relevance buckets (lower is better: tone-exact, then
 * fewer typos, then words in the names; ties by rowid) cost FTS5 searches, so they are
 * asked for only when the order needs them.
 */
export interface Candidates {
  /** How many there are: cheaper than `rowids.length` where rowids are built on demand. */
  total: number;
  rowids: Uint32Array;
  relevance: () => Uint8Array;
  /** The first `count` candidate indices in relevance order when cheaper than all buckets, or null. */
  firstByRelevance?: (count: number) => Uint32Array | null;
  /**
   * Without words every candidate ranks alike, in rowid order: the first `count` rowids,
   * read straight from the set, so a page costs the same in a small archive or a large one.
   */
  firstRowids?: (count: number) => Uint32Array;
}

/**
 * The rowids of one page of results, by the requested sort with relevance breaking ties.
 * Relevance alone is a counting sort over the buckets. Other sorts select just the first
 * `offset + limit` candidates instead of sorting them all, and rank only when a document
 * of the page shares its sort key with another (dates do; update times seldom).
 */
export function pageRowids(candidates: Candidates, columns: DocColumns, sort: Sort, lang: string | undefined, offset: number, limit: number): Uint32Array {
  if (sort === 'relevance' && candidates.firstRowids) return candidates.firstRowids(offset + limit).subarray(offset);
  const { rowids } = candidates;
  const page = (order: Uint32Array): Uint32Array => Uint32Array.from(order.subarray(offset, offset + limit), (index) => rowids[index]!);
  if (sort === 'relevance') return page(candidates.firstByRelevance?.(offset + limit) ?? bucketOrder(candidates.relevance()));
  const key = sortKey(rowids, columns, sort, lang);
  const byKey = firstInOrder(rowids.length, offset + limit, (a, b) => key.compare(a, b) || a - b);
  if (!sharesKey(byKey.subarray(offset), key.values)) return page(byKey);
  const relevance = candidates.relevance();
  return page(firstInOrder(rowids.length, offset + limit, (a, b) => key.compare(a, b) || relevance[a]! - relevance[b]! || a - b));
}

/** Indices by bucket, ascending index within a bucket (a stable counting sort). */
function bucketOrder(relevance: Uint8Array): Uint32Array {
  const starts = new Uint32Array(257);
  for (const bucket of relevance) starts[bucket + 1]!++;
  for (let bucket = 1; bucket < starts.length; bucket++) starts[bucket]! += starts[bucket - 1]!;
  const order = new Uint32Array(relevance.length);
  relevance.forEach((bucket, index) => {
    order[starts[bucket]!++] = index;
  });
  return order;
}

/** Whether a key of the page belongs to more than one candidate (equal keys: NaN equals NaN). */
export function sharesKey(page: Uint32Array, values: ArrayLike<string | number>): boolean {
  const seen = new Map<string | number, number>(Array.from(page, (index) => [values[index]!, 0]));
  for (let index = 0; index < values.length; index++) {
    const count = seen.get(values[index]!);
    if (count === undefined) continue;
    if (count === 1) return true;
    seen.set(values[index]!, 1);
  }
  return false;
}

interface SortKey {
  /** Each candidate's key: missing titles and update times as '', missing years as NaN. */
  values: ArrayLike<string | number>;
  compare: (a: number, b: number) => number;
}

function sortKey(rowids: Uint32Array, columns: DocColumns, sort: Exclude<Sort, 'relevance'>, lang: string | undefined): SortKey {
  switch (sort) {
    case 'title': {
      const key = sortLanguageKey(lang);
      const titles = perCandidate(rowids, new Array<string>(rowids.length), (rowid) => columns.meta(rowid)?.titleSort[key] ?? '');
      return { values: titles, compare: (a, b) => compareText(titles[a]!, titles[b]!) };
    }
    case 'date:asc':
    case 'date:desc': {
      const direction = sort === 'date:asc' ? 1 : -1;
      const years = perCandidate(rowids, new Float64Array(rowids.length), (rowid) => columns.year(rowid));
      return { values: years, compare: (a, b) => compareYears(years[a]!, years[b]!, direction) };
    }
    case 'updated:desc': {
      const updated = perCandidate(rowids, new Array<string>(rowids.length), (rowid) => columns.meta(rowid)?.updatedAt ?? '');
      return { values: updated, compare: (a, b) => compareText(updated[b]!, updated[a]!) };
    }
  }
}

/** Fills `into` with a value per candidate (a plain loop: TypedArray.from with a map function is several times slower). */
function perCandidate<T, A extends { [index: number]: T }>(rowids: Uint32Array, into: A, value: (rowid: number) => T): A {
  for (let index = 0; index < rowids.length; index++) into[index] = value(rowids[index]!);
  return into;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Documents without a year (NaN) come last in both directions. */
function compareYears(a: number, b: number, direction: 1 | -1): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
  return (a - b) * direction;
}
