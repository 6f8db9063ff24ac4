import { FILTER_FACETS, type SearchFilters } from '@disan/schemas';

const FILTER_PARAMS = FILTER_FACETS;

interface ObjectSchema {
  properties?: Record<string, { type?: unknown }>;
}

const listParamsBySchema = new WeakMap<object, readonly string[]>();

/**
 * The query parameters a route's querystring schema declares as arrays: only those take
 * several values. Read from the schema, not from a list of names, since a name means
 * different things on different routes (`status` is a list of record statuses on
 * `/api/search` but one job status on `/api/jobs`, where a list answered 400).
 *
 * @example listParamsOf(Type.Object({ kind: Type.Array(Type.String()), q: Type.String() })) // ['kind']
 */
export function listParamsOf(schema: unknown): readonly string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const known = listParamsBySchema.get(schema);
  if (known) return known;
  const properties = (schema as ObjectSchema).properties ?? {};
  const names = Object.entries(properties)
    .filter(([, property]) => property.type === 'array')
    .map(([name]) => name);
  listParamsBySchema.set(schema, names);
  return names;
}

/**
 * `kind=a,b&kind=c` becomes `kind: ['a', 'b', 'c']` before validation, for the parameters
 * named (a route's list parameters), so both spellings reach the same schema check (and
 * its limits). Any other parameter is left as sent.
 */
export function splitLists(query: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) {
    const value = query[name];
    if (value === undefined) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (WHOLE_VALUES.has(name)) query[name] = values;
    else query[name] = values.flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [v]));
  }
}

/**
 * Facets whose values are names as catalogued ("Nhà xuất bản Chính trị quốc gia, Sự thật"):
 * a comma belongs to the value, so these are repeated, never comma-separated.
 */
const WHOLE_VALUES: ReadonlySet<string> = new Set(['issuer', 'publisher', 'subjectHeadings']);

/** The filter parameters of a validated query, as search filters. */
export function filtersOf(query: Partial<Record<(typeof FILTER_PARAMS)[number], string[]>>): SearchFilters {
  const filters: SearchFilters = {};
  for (const name of FILTER_PARAMS) {
    const values = query[name];
    if (values && values.length > 0) filters[name] = values;
  }
  return filters;
}
