import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { UpstreamError } from '../errors.ts';
import type { Database, Row, Sql } from './database.ts';
import { toDatabaseError, withSavepoint } from './driver-support.ts';
import { lockCatalog, type ProcessLock } from './process-lock.ts';

/** In-memory database for tests; anything else is a folder PGlite keeps its files in. */
export const PGLITE_MEMORY = 'memory://';

/**
 * The embedded catalog: PostgreSQL compiled to WASM, in this process. PGlite runs one
 * statement at a time and its `transaction` holds that lock until commit, so a
 * transaction is isolated from every other query of the process.
 */
export async function openPglite(dir: string): Promise<Database> {
  let pg: PGlite;
  let lock: ProcessLock | undefined;
  if (dir !== PGLITE_MEMORY) {
    await mkdir(dir, { recursive: true });
    // Before PGlite reads anything: a second process must never load the folder at all.
    lock = await lockCatalog(dir);
  }
  try {
    pg = await PGlite.create(dir);
  } catch (error) {
    lock?.release();
    throw new UpstreamError(`Could not open the embedded catalog in ${dir}`, { cause: error });
  }
  return {
    driver: 'pglite',
    ...pgliteSql(pg),
    transaction: (fn) => transaction(pg, fn),
    close: () =>
      run(async () => {
        try {
          await pg.close();
        } finally {
          lock?.release();
        }
      }),
  };
}

/** PGlite rolls back when the callback throws; the callback's own error is rethrown as is, never wrapped. */
async function transaction<R>(pg: PGlite, fn: (tx: Sql) => Promise<R>): Promise<R> {
  let failure: { error: unknown } | undefined;
  try {
    return await pg.transaction(async (tx) => {
      try {
        return await fn(transactionSql(tx));
      } catch (error) {
        failure = { error };
        throw error;
      }
    });
  } catch (error) {
    throw failure ? failure.error : toDatabaseError(error);
  }
}

function pgliteSql(target: PGlite | Transaction): Omit<Sql, 'transaction'> {
  return {
    query: <T extends Row = Row>(text: string, params: readonly unknown[] = []) =>
      run(async () => (await target.query<T>(text, [...params])).rows),
    exec: (text) =>
      run(async () => {
        await target.exec(text);
      }),
  };
}

function transactionSql(tx: Transaction): Sql {
  const sql: Sql = { ...pgliteSql(tx), transaction: (fn) => withSavepoint(sql, fn) };
  return sql;
}

async function run<R>(fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (error) {
    throw toDatabaseError(error);
  }
}
