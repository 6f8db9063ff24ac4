import type { Sort } from '@disan/schemas';
import type { DocColumns } from './doc-columns.ts';
import { firstInOrder } from './select.ts';
import { sortLanguageKey } from './sort.ts';

/**
 * Candidates in rowid order with their relevance bucket (lower is better: tone-exact,
 * then fewer typos, then words in the names); relevance breaks ties by rowid.
 */
export interface Candidates {
  rowids: Uint32Array;
  relevance: Uint8Array;
}

/**
 * The rowids of one page of results, by the requested sort with relevance breaking ties.
 * Relevance alone is a counting sort over the buckets; other sorts select just the
 * first `offset + limit` candidates instead of sorting them all.
 */
export function pageRowids(candidates: Candidates, columns: DocColumns, sort: Sort, lang: string | undefined, offset: number, limit: number): Uint32Array {
  const { rowids, relevance } = candidates;
  const order = sort === 'relevance' ? bucketOrder(relevance) : firstInOrder(rowids.length, offset + limit, comparator(candidates, columns, sort, lang));
  return Uint32Array.from(order.subarray(offset, offset + limit), (index) => rowids[index]!);
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

type Compare = (a: number, b: number) => number;

function comparator({ rowids, relevance }: Candidates, columns: DocColumns, sort: Exclude<Sort, 'relevance'>, lang: string | undefined): Compare {
  const byRelevance: Compare = (a, b) => relevance[a]! - relevance[b]! || a - b;
  switch (sort) {
    case 'title': {
      const key = sortLanguageKey(lang);
      const titles = Array.from(rowids, (rowid) => columns.meta(rowid)?.titleSort[key]);
      return (a, b) => compareText(titles[a], titles[b]) || byRelevance(a, b);
    }
    case 'date:asc':
    case 'date:desc': {
      const direction = sort === 'date:asc' ? 1 : -1;
      const years = Float64Array.from(rowids, (rowid) => columns.year(rowid));
      return (a, b) => compareYears(years[a]!, years[b]!, direction) || byRelevance(a, b);
    }
    case 'updated:desc': {
      const updated = Array.from(rowids, (rowid) => columns.meta(rowid)?.updatedAt);
      return (a, b) => compareText(updated[b], updated[a]) || byRelevance(a, b);
    }
  }
}

function compareText(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

/** Documents without a year (NaN) come last in both directions. */
function compareYears(a: number, b: number, direction: 1 | -1): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
  return (a - b) * direction;
}
