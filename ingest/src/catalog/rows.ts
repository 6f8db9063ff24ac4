/** Helpers shared by the repositories to turn driver rows into schema objects. */

/** timestamptz arrives as a Date (both drivers); the schemas want ISO 8601 text. */
export function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** bigint arrives as text from node-postgres and as a number from PGlite. */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Drops null and undefined values: the schemas mark such fields optional, never nullable. */
export function withoutNulls<T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

/** jsonb parameters are always sent as text: node-postgres would turn a JS array into a PostgreSQL array. */
export function jsonParam(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
