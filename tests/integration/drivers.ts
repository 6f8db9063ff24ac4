/**
 * The two catalog drivers the contract suites run against: PGlite in memory and a real
 * PostgreSQL (tests/support/postgres.ts). `describe.each(DRIVERS)` runs a suite on both.
 */
import { type Database, openDatabase, openPglite, openPostgres } from '@disan/ingest/database';
import { startPostgres } from '../support/postgres.ts';

export const DRIVERS = ['pglite', 'postgres'] as const;
export type Driver = (typeof DRIVERS)[number];

/** One empty database; `connect` opens another connection (PostgreSQL: another pool) to it. */
export interface TestDatabase {
  /** A migrated connection, opened once and closed by `dispose`. */
  db: Database;
  /** Opens an extra connection, unmigrated; PGlite (one per process) returns the same instance. */
  connect(): Promise<Database>;
  dispose(): Promise<void>;
}

export async function createTestDatabase(driver: Driver, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (driver === 'pglite') {
    const db = migrate ? await openDatabase({ driver: 'pglite', dir: 'memory://' }) : await openPglite('memory://');
    return { db, connect: () => Promise.resolve(db), dispose: () => db.close() };
  }
  const server = await startPostgres();
  const extra: Database[] = [];
  const db = migrate ? await openDatabase({ driver: 'postgres', url: server.url }) : await openPostgres(server.url);
  return {
    db,
    connect: async () => {
      const another = await openPostgres(server.url);
      extra.push(another);
      return another;
    },
    dispose: async () => {
      await Promise.all([db, ...extra].map((d) => d.close()));
      await server.close();
    },
  };
}

/** A fresh id per test, so tests sharing a database never collide. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}
