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

/**
 * A connection of its own, outside the pool, for what lives as long as a session does:
 * session-level advisory locks and LISTEN. Closing it (or losing it) releases them all.
 */
export interface DedicatedConnection extends Omit<Sql, 'transaction'> {
  /** Calls `onPayload` with each NOTIFY payload on `channel`. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
  /** Called once when the connection breaks; it is then unusable. */
  onLost(handler: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface Database extends Sql {
  readonly driver: 'pglite' | 'postgres';
  /**
   * PostgreSQL only: a dedicated connection. PGlite has no use for one: it lives in one
   * process with one connection, whose session locks would be re-entered by every caller.
   */
  dedicated?: () => Promise<DedicatedConnection>;
  close(): Promise<void>;
}
