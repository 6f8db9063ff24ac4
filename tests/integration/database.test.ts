import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, UpstreamError } from '@disan/ingest';
import { loadMigrations, migrate, openDatabase, openPostgres } from '@disan/ingest/database';
import { createCatalog } from '@disan/ingest/catalog';
import { startPostgres } from '../support/postgres.ts';
import { createTestDatabase, DRIVERS, uniqueId, type TestDatabase } from './drivers.ts';

const shipped = await loadMigrations();
const shippedVersions = shipped.map((m) => m.version);

const appliedVersions = async (t: TestDatabase) =>
  (await t.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);

describe.each(DRIVERS)('database (%s)', (driver) => {
  describe('migrations', () => {
    it('applies every migration once, even when two openers race', async () => {
      const t = await createTestDatabase(driver, { migrate: false });
      try {
        const other = await t.connect();
        const results = await Promise.all([migrate(t.db), migrate(other)]);
        expect(results.flat()).toEqual(shipped.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`));
        expect(await appliedVersions(t)).toEqual(shippedVersions);
        expect(await migrate(t.db)).toEqual([]);
      } finally {
        await t.dispose();
      }
    });

    it('rolls back a failing migration entirely and keeps the earlier ones', async () => {
      const t = await createTestDatabase(driver);
      try {
        const broken = [...shipped, { version: shipped.at(-1)!.version + 1, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_column FROM items;' }];
        await expect(migrate(t.db, broken)).rejects.toBeInstanceOf(UpstreamError);
        expect(await appliedVersions(t)).toEqual(shippedVersions);
        expect(await t.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")).toEqual([]);
      } finally {
        await t.dispose();
      }
    });

    it('refuses a database whose schema is newer than the code', async () => {
      const t = await createTestDatabase(driver);
      try {
        await t.db.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')");
        await expect(migrate(t.db)).rejects.toThrow(/schema version 99, newer than this Disan/);
      } finally {
        await t.dispose();
      }
    });
  });

  describe('queries and transactions', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(driver);
      await t.db.exec('CREATE TABLE scratch (id text PRIMARY KEY, note text)');
    });
    afterAll(() => t.dispose());

    it('commits a transaction that resolves', async () => {
      const id = uniqueId('c');
      const result = await t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO scratch (id) VALUES ($1)', [id]);
        return 'ok';
      });
      expect(result).toBe('ok');
      expect(await t.db.query('SELECT id FROM scratch WHERE id = $1', [id])).toEqual([{ id }]);
    });

    it('rolls back a transaction that throws, rethrowing the same error', async () => {
      const id = uniqueId('r');
      const reason = new Error('stop here');
      await expect(
        t.db.transaction(async (tx) => {
          await tx.query('INSERT INTO scratch (id) VALUES ($1)', [id]);
          throw reason;
        }),
      ).rejects.toBe(reason);
      expect(await t.db.query('SELECT id FROM scratch WHERE id = $1', [id])).toEqual([]);
    });

    it('never lets a query outside the transaction see its uncommitted rows', async () => {
      const id = uniqueId('i');
      let outside: Promise<unknown[]> | undefined;
      await t.db
        .transaction(async (tx) => {
          await tx.query('INSERT INTO scratch (id) VALUES ($1)', [id]);
          outside = t.db.query('SELECT id FROM scratch WHERE id = $1', [id]);
          // Give a concurrent connection time to run its query before we roll back.
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new Error('roll back');
        })
        .catch(() => undefined);
      expect(await outside).toEqual([]);
    });

    it('undoes only the inner work when a nested transaction fails', async () => {
      const outer = uniqueId('o');
      const inner = uniqueId('n');
      await t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO scratch (id) VALUES ($1)', [outer]);
        await tx
          .transaction(async (nested) => {
            await nested.query('INSERT INTO scratch (id) VALUES ($1)', [inner]);
            throw new Error('inner fails');
          })
          .catch(() => undefined);
      });
      const rows = await t.db.query<{ id: string }>('SELECT id FROM scratch WHERE id IN ($1, $2)', [outer, inner]);
      expect(rows.map((r) => r.id)).toEqual([outer]);
    });

    it('maps a unique violation to ConflictError and other failures to UpstreamError, keeping the cause', async () => {
      const id = uniqueId('u');
      await t.db.query('INSERT INTO scratch (id) VALUES ($1)', [id]);
      const conflict = await t.db.query('INSERT INTO scratch (id) VALUES ($1)', [id]).catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(ConflictError);
      expect((conflict as ConflictError).cause).toMatchObject({ code: '23505' });
      const broken = await t.db.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
      expect(broken).toBeInstanceOf(UpstreamError);
      expect((broken as UpstreamError).cause).toMatchObject({ code: '42P01' });
    });

    it('runs several statements with exec', async () => {
      const [a, b] = [uniqueId('e'), uniqueId('e')];
      await t.db.exec(`INSERT INTO scratch (id) VALUES ('${a}'); INSERT INTO scratch (id) VALUES ('${b}');`);
      expect(await t.db.query('SELECT id FROM scratch WHERE id IN ($1, $2)', [a, b])).toHaveLength(2);
    });
  });
});

describe('PGlite on disk', () => {
  it('keeps the catalog across close and reopen, without re-running migrations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'disan-pglite-'));
    try {
      const first = await openDatabase({ driver: 'pglite', dir: join(dir, 'catalog') });
      await createCatalog(first).collections.ensure('kept', 'Bộ sưu tập ខ្មែរ 中文');
      await first.close();
      const second = await openDatabase({ driver: 'pglite', dir: join(dir, 'catalog') });
      try {
        expect((await createCatalog(second).collections.get('kept'))?.title).toEqual([{ lang: 'und', value: 'Bộ sưu tập ខ្មែរ 中文' }]);
        expect(await second.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(shippedVersions.map((version) => ({ version })));
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL connection', () => {
  it('fails with UpstreamError, without the password, when the server cannot be reached', async () => {
    const server = await startPostgres();
    const url = new URL(server.url);
    await server.close();
    url.port = '1';
    url.password = 'secret-pw';
    const error = await openPostgres(url.toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).not.toContain('secret-pw');
  });
});
