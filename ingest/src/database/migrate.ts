import { readdir, readFile } from 'node:fs/promises';
import { DisanError } from '../errors.ts';
import type { Sql } from './database.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Any fixed number; every Disan process takes this lock before touching the schema. */
const MIGRATION_LOCK = 7_346_012_001;
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files, in version order. */
export async function loadMigrations(dir: URL = new URL('./migrations/', import.meta.url)): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) continue;
    migrations.push({ version: Number(match[1]), name: match[2]!, sql: await readFile(new URL(file, dir), 'utf8') });
  }
  assertOrdered(migrations);
  return migrations;
}

// Versions rise strictly; a gap is allowed (branches written in parallel are given
// numbers ahead of time, and a number left unused must not stop the archive opening).
function assertOrdered(migrations: Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = index === 0 ? 0 : migrations[index - 1]!.version;
    if (migration.version <= previous) {
      throw new DisanError(`Migration versions must rise (1, 2, 3...); found ${migration.version} after ${previous}`);
    }
  });
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in one transaction
 * under an advisory lock: when two processes start at once, the second waits, then
 * finds everything applied. A failed migration leaves the schema as it was.
 * @returns the names of the migrations applied by this call.
 */
export async function migrate(db: Sql, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const done = new Set(rows.map((row) => row.version));
    const newest = rows.at(-1)?.version ?? 0;
    const shipped = all.at(-1)?.version ?? 0;
    if (newest > shipped) {
      throw new DisanError(`The catalog database is at schema version ${newest}, newer than this Disan (${shipped}); upgrade Disan.`);
    }
    const applied: string[] = [];
    for (const migration of all.filter((m) => !done.has(m.version))) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(`${String(migration.version).padStart(4, '0')}_${migration.name}`);
    }
    return applied;
  });
}
