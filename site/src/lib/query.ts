import { FACETS } from '@disan/schemas';

/** Facets a visitor can filter by on the search page (status, access and communities are staff matters). */
export const PUBLIC_FACETS = FACETS.filter((f) => f !== 'status' && f !== 'access' && f !== 'communities');
export type PublicFacet = (typeof PUBLIC_FACETS)[number];

const WHOLE_VALUES: ReadonlySet<string> = new Set(['issuer', 'publisher', 'subjectHeadings']);

/**
 * The page number in a query string, 1 when missing or not a whole number in range.
 * @example pageNumber(new URLSearchParams('page=3')) // 3
 */
export function pageNumber(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
}

/**
 * The facet filters chosen in a query string (repeated parameters), only known facets, at most 50 values each.
 * @example selectedFilters(new URLSearchParams('kind=festival&kind=ritual&x=1')) // { kind: ['festival', 'ritual'] }
 */
export function selectedFilters(params: URLSearchParams): Partial<Record<PublicFacet, string[]>> {
  const out: Partial<Record<PublicFacet, string[]>> = {};
  for (const facet of PUBLIC_FACETS) {
    const raw = params.getAll(facet);
    // Catalogued names (publishers, issuing bodies, headings) may hold commas: never split them.
    const split = WHOLE_VALUES.has(facet) ? raw : raw.flatMap((v) => v.split(','));
    const values = split.map((v) => v.trim()).filter((v) => v !== '' && v.length <= 200);
    if (values.length > 0) out[facet] = [...new Set(values)].slice(0, 50);
  }
  return out;
}
