/** A row as the driver returns it: column name to value (jsonb parsed, timestamptz as Date). */
export type Row = Record<string, unknown>;

/**
 * The one SQL surface the catalog uses. PostgreSQL dialect only, `$1` placeholders.
 * Both drivers (PGlite in-process, node-postgres for a server) implement it.
 */
export interface Sql {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements with no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<R>(fn: (tx: Sql) => Promise<R>): Promise<R>;
}

export interface Database extends Sql {
  readonly driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}
