import type { ReadClause, ReadFilter } from './filter.ts';

/** SQL expressions for the fields the read filter looks at, in the table being filtered. */
export interface AccessColumns {
  status: string;
  level: string;
  /** Text, YYYY-MM-DD, or NULL. */
  embargoUntil: string;
  /** A jsonb array of community codes, or NULL. */
  communities: string;
}

export interface SqlCondition {
  /** A boolean SQL expression using placeholders from `$firstParam` on. */
  sql: string;
  params: unknown[];
}

/**
 * The read filter as a WHERE condition, so catalog lists (OAI-PMH, exports) apply the very
 * rule search applies. The level is the one that applies on `now`'s date: an embargo that
 * ended that day or before counts as public, as in effectiveLevel.
 * @example toSqlWhere(readFilter(PUBLIC), columns, { now, firstParam: 3 }) // { sql: '((status = ANY($4::text[]) AND ...))', params: [today, ...] }
 */
export function toSqlWhere(filter: ReadFilter, columns: AccessColumns, options: { now: Date; firstParam?: number }): SqlCondition {
  if (filter === true) return { sql: 'TRUE', params: [] };
  if (filter === false || filter.length === 0) return { sql: 'FALSE', params: [] };
  const params: unknown[] = [options.now.toISOString().slice(0, 10)];
  const placeholder = (value: unknown) => `$${(options.firstParam ?? 1) + params.push(value) - 1}`;
  const today = `$${options.firstParam ?? 1}::text`;
  const level = `(CASE WHEN ${columns.level} = 'embargo' AND ${columns.embargoUntil} <= ${today} THEN 'public' ELSE ${columns.level} END)`;
  const clause = (c: ReadClause) => {
    const parts = [`${columns.status} = ANY(${placeholder(c.status)}::text[])`, `${level} = ANY(${placeholder(c.access)}::text[])`];
    // ?| : the jsonb array holds at least one of the codes; a NULL array matches nothing.
    if (c.communities !== undefined) parts.push(`COALESCE(${columns.communities} ?| ${placeholder(c.communities)}::text[], FALSE)`);
    return `(${parts.join(' AND ')})`;
  };
  return { sql: `(${filter.map(clause).join(' OR ')})`, params };
}
