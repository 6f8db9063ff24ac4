import pg from 'pg';
import { UpstreamError } from '../errors.ts';
import type { Database, DedicatedConnection, Row, Sql } from './database.ts';
import { toDatabaseError, withSavepoint } from './driver-support.ts';

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
}

/** A PostgreSQL server through a node-postgres pool. Fails fast if the server cannot be reached. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection emits 'error' on the pool; unhandled, that
  // would kill the process. The next query checks out a fresh client and reports.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new UpstreamError(`Could not connect to PostgreSQL at ${redact(url)}`, { cause: error });
  }
  return {
    driver: 'postgres',
    ...clientSql(pool),
    transaction: (fn) => transaction(pool, fn),
    dedicated: () => dedicated(url),
    close: () => run(() => pool.end()),
  };
}

/** A client of its own, outside the pool; its 'error' is reported once to onLost instead of killing the process. */
async function dedicated(url: string): Promise<DedicatedConnection> {
  const client = new pg.Client({ connectionString: url });
  const lostHandlers: ((error: Error) => void)[] = [];
  let lost: Error | undefined;
  const loseWith = (error: Error) => {
    if (lost !== undefined) return;
    lost = error;
    for (const handler of lostHandlers) handler(error);
  };
  client.on('error', loseWith);
  client.on('end', () => { loseWith(new Error('the dedicated PostgreSQL connection ended')); });
  await run(() => client.connect());
  const listeners = new Map<string, (payload: string) => void>();
  client.on('notification', ({ channel, payload }) => listeners.get(channel)?.(payload ?? ''));
  return {
    ...clientSql(client),
    async listen(channel, onPayload) {
      listeners.set(channel, onPayload);
      await run(() => client.query(`LISTEN ${client.escapeIdentifier(channel)}`));
    },
    onLost(handler) {
      if (lost !== undefined) handler(lost);
      else lostHandlers.push(handler);
    },
    async close() {
      lostHandlers.length = 0;
      await run(() => client.end());
    },
  };
}

/** Checks out one client for the whole transaction: every statement of `fn` runs on it. */
async function transaction<R>(pool: pg.Pool, fn: (tx: Sql) => Promise<R>): Promise<R> {
  const client = await run(() => pool.connect());
  const tx: Sql = { ...clientSql(client), transaction: (inner) => withSavepoint(tx, inner) };
  let broken: Error | undefined;
  try {
    await tx.exec('BEGIN');
    const result = await fn(tx);
    await tx.exec('COMMIT');
    return result;
  } catch (error) {
    await tx.exec('ROLLBACK').catch((rollbackError: unknown) => {
      // The connection is unusable; destroy it rather than hand it to the next caller.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

function clientSql(client: pg.Pool | pg.PoolClient | pg.Client): Omit<Sql, 'transaction'> {
  return {
    query: <T extends Row = Row>(text: string, params: readonly unknown[] = []) =>
      run(async () => (await client.query<T>(text, [...params])).rows),
    exec: (text) =>
      run(async () => {
        // Without parameters node-postgres uses the simple protocol, which allows several statements.
        await client.query(text);
      }),
  };
}

async function run<R>(fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (error) {
    throw toDatabaseError(error);
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
