import type { Facet, SearchDocument, Sort } from '@disan/schemas';
import { facetPredicate, facetValues, type FacetValues } from './filters.ts';
import { withinRadius } from './geo.ts';
import type { PreparedQuery } from './query.ts';
import type { FacetCounts } from './result.ts';
import { sortLanguageKey, titleSortKeys } from './sort.ts';

/** What the embedded engine filters, counts and sorts by, kept in memory per document. */
export interface DocMeta {
  facets: FacetValues;
  year: number | null;
  updatedAt: string;
  geo: { lat: number; lon: number } | null;
  titleSort: Record<string, string>;
}

export function docMeta(document: SearchDocument): DocMeta {
  return { facets: facetValues(document), year: document.year, updatedAt: document.updatedAt, geo: document.geo, titleSort: titleSortKeys(document.title) };
}

/** A candidate with its relevance buckets: exact tones (1 first), fewer typos, better attribute. */
export interface Ranked {
  rowid: number;
  exact: number;
  typos: number;
  attribute: number;
}

/** Keeps the candidates that pass the filters, the scope and the geo circle. */
export function keep(candidates: readonly Ranked[], metas: ReadonlyMap<number, DocMeta>, query: PreparedQuery): Ranked[] {
  const passes = facetPredicate(query.filters, query.scope);
  const geo = query.geo;
  return candidates.filter((candidate) => {
    const meta = metas.get(candidate.rowid);
    if (!meta || !passes(meta.facets)) return false;
    return !geo || (meta.geo !== null && withinRadius(geo, meta.geo.lat, meta.geo.lon));
  });
}

/** Counts facet values over the whole filtered result set, like facetDistribution. */
export function countFacets(rows: readonly Ranked[], metas: ReadonlyMap<number, DocMeta>, facets: readonly Facet[]): FacetCounts {
  const counts: FacetCounts = Object.fromEntries(facets.map((facet) => [facet, {}]));
  for (const row of rows) {
    const meta = metas.get(row.rowid);
    if (!meta) continue;
    for (const facet of facets) {
      const bucket = counts[facet]!;
      const values = meta.facets[facet];
      for (const value of values.length > 1 ? new Set(values) : values) bucket[value] = (bucket[value] ?? 0) + 1;
    }
  }
  return counts;
}

const byRelevance = (a: Ranked, b: Ranked): number =>
  b.exact - a.exact || a.typos - b.typos || a.attribute - b.attribute || a.rowid - b.rowid;

/** Orders rows by the requested sort, relevance breaking ties. */
export function sortRows(rows: Ranked[], metas: ReadonlyMap<number, DocMeta>, sort: Sort, lang: string | undefined): Ranked[] {
  const meta = (row: Ranked): DocMeta => metas.get(row.rowid)!;
  switch (sort) {
    case 'relevance':
      return rows.sort(byRelevance);
    case 'title': {
      const key = sortLanguageKey(lang);
      return rows.sort((a, b) => compareText(meta(a).titleSort[key], meta(b).titleSort[key]) || byRelevance(a, b));
    }
    case 'date:asc':
      return rows.sort((a, b) => compareYears(meta(a).year, meta(b).year, 1) || byRelevance(a, b));
    case 'date:desc':
      return rows.sort((a, b) => compareYears(meta(a).year, meta(b).year, -1) || byRelevance(a, b));
    case 'updated:desc':
      return rows.sort((a, b) => compareText(meta(b).updatedAt, meta(a).updatedAt) || byRelevance(a, b));
  }
}

function compareText(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

/** Documents without a year come last in both directions. */
function compareYears(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return (a - b) * direction;
}
