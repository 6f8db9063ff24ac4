import { FILTER_FACETS, type SearchFilters } from '@disan/schemas';

/** Query parameters that take several values, repeated or comma-separated. */
export const LIST_PARAMS = [...FILTER_FACETS, 'facets'] as const;
const FILTER_PARAMS = FILTER_FACETS;

/**
 * `kind=a,b&kind=c` becomes `kind: ['a', 'b', 'c']` before validation, so both spellings
 * reach the same schema check (and its limits).
 */
export function splitLists(query: Record<string, unknown>): void {
  for (const name of LIST_PARAMS) {
    const value = query[name];
    if (value === undefined) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    query[name] = values.flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [v]));
  }
}

/** The filter parameters of a validated query, as search filters. */
export function filtersOf(query: Partial<Record<(typeof FILTER_PARAMS)[number], string[]>>): SearchFilters {
  const filters: SearchFilters = {};
  for (const name of FILTER_PARAMS) {
    const values = query[name];
    if (values && values.length > 0) filters[name] = values;
  }
  return filters;
}
