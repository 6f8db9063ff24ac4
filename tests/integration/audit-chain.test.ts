import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, writeAudit } from '@disan/ingest/catalog';
import { loadMigrations, migrate } from '@disan/ingest/database';
import { createTestDatabase, DRIVERS, uniqueId, type TestDatabase } from './drivers.ts';

describe.each(DRIVERS)('the audit chain (%s)', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('stays one chain when two connections write at once', async () => {
    const other = await t.connect();
    const target = uniqueId('race');
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 === 0 ? t.db : other).transaction(async (tx) => {
          await writeAudit(tx, { actor: `writer-${i % 2}`, action: 'item.update', target, details: { i }, address: '192.0.2.1', requestId: `r${i}` });
        }),
      ),
    );
    const audit = createCatalog(t.db).audit;
    expect(await audit.verify()).toMatchObject({ ok: true });
    const { entries, total } = await audit.list({ target, limit: 5, offset: 5 });
    expect(total).toBe(30);
    expect(entries).toHaveLength(5);
    expect(entries[0]).toMatchObject({ address: '192.0.2.1', hash: expect.stringMatching(/^[0-9a-f]{64}$/) as string });
  });

  it('filters by actor, action family and time, newest first', async () => {
    const actor = uniqueId('who');
    const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 0, minute));
    await writeAudit(t.db, { actor, action: 'auth.sign-in', target: 'x', at: at(0) });
    await writeAudit(t.db, { actor, action: 'auth.sign-out', target: 'x', at: at(10) });
    await writeAudit(t.db, { actor, action: 'user.update', target: 'x', at: at(20) });
    const audit = createCatalog(t.db).audit;
    expect((await audit.list({ actor, action: 'auth.*' })).entries.map((e) => e.action)).toEqual(['auth.sign-out', 'auth.sign-in']);
    expect((await audit.list({ actor, from: at(5).toISOString(), to: at(20).toISOString() })).entries.map((e) => e.action)).toEqual(['auth.sign-out']);
    let csv = '';
    for await (const chunk of audit.csv({ actor })) csv += chunk;
    expect(csv.split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('names the first entry whose content changed, or that follows a removed one', async () => {
    const target = uniqueId('tamper');
    for (let i = 0; i < 4; i++) await writeAudit(t.db, { actor: 'cli', action: 'user.update', target, details: { i } });
    const audit = createCatalog(t.db).audit;
    const ids = (await audit.list({ target })).entries.map((e) => e.id).reverse();
    await t.db.query(`UPDATE audit_log SET details = '{"i": 99}' WHERE id = $1`, [ids[1]]);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenId: ids[1], reason: expect.stringMatching(/changed after it was written/) as string });
    await t.db.query(`UPDATE audit_log SET details = '{"i": 1}' WHERE id = $1`, [ids[1]]);
    expect(await audit.verify()).toMatchObject({ ok: true });
    await t.db.query('DELETE FROM audit_log WHERE id = $1', [ids[2]]);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenId: ids[3], reason: expect.stringMatching(/does not follow/) as string });
  });
});

describe.each(DRIVERS)('entries from before the chain (%s)', (driver) => {
  it('are sealed into it when the archive opens', async () => {
    const t = await createTestDatabase(driver, { migrate: false });
    try {
      const shipped = await loadMigrations();
      await migrate(t.db, shipped.slice(0, 2));
      await t.db.query(`INSERT INTO audit_log (actor, action, target, details) VALUES ('importer', 'item.create', 'a', '{"version": 1}'), ('importer', 'item.update', 'a', '{"version": 2}')`);
      await migrate(t.db, shipped);
      const audit = createCatalog(t.db).audit;
      expect(await audit.verify()).toMatchObject({ ok: false, brokenId: 1, reason: expect.stringMatching(/no hash/) as string });
      expect(await audit.seal()).toBe(2);
      await writeAudit(t.db, { actor: 'cli', action: 'user.create', target: 'u' });
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 3 });
      expect(await audit.seal()).toBe(0);
    } finally {
      await t.dispose();
    }
  });
});
