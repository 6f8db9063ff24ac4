import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordDraft } from '@disan/schemas';
import type { Archive } from '@disan/ingest';
import { SYSTEM } from '@disan/ingest/access';
import { createHarvestStore, harvestedItemId, runHarvest } from '@disan/ingest/library';
import { buildApp } from '../../api/src/app.ts';
import { temporaryArchive } from '../support/archive.ts';

const book = (id: string, title: string): RecordDraft => ({
  id,
  kind: 'book',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'vi', value: title }, { lang: 'km', value: 'សៀវភៅ' }],
  agents: [{ name: 'Nguyễn Văn A', role: 'author' }],
  date: '2024',
  access: { level: 'public' },
  library: { publisher: 'NXB Dân tộc', identifiers: [{ scheme: 'isbn', value: '978-604-0-12345-9' }] },
});

/** One Disan archive harvesting another through its OAI-PMH provider (/api/oai): records, deletions, incremental runs. */
describe('harvesting a second Disan archive', () => {
  let provider: Archive;
  let harvester: Archive;
  let app: FastifyInstance;
  let baseUrl: string;
  let sourceId: string;
  let firstDatestamp: string | undefined;
  const disposers: (() => Promise<void>)[] = [];

  const publish = async (draft: RecordDraft) => {
    const created = await provider.workspace.create(SYSTEM, draft);
    return provider.workspace.publish(SYSTEM, draft.id, { ifMatch: created.version });
  };

  beforeAll(async () => {
    const a = await temporaryArchive({ LOG_LEVEL: 'silent' });
    const b = await temporaryArchive({ LOG_LEVEL: 'silent' });
    provider = a.archive;
    harvester = b.archive;
    disposers.push(a.dispose, b.dispose);
    app = await buildApp({ archive: provider, config: provider.config, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/oai`;
    await publish(book('sach-mot', 'Sách một về người Khmer'));
    await publish(book('sach-hai', 'Sách hai về lễ hội'));
    await publish(book('sach-ba', 'Sách ba về nghề dệt'));
    // A draft never reaches a harvester.
    await provider.workspace.create(SYSTEM, book('ban-nhap', 'Bản nháp chưa công bố'));
    sourceId = (await createHarvestStore(harvester.db).findOrCreate({ baseUrl, metadataPrefix: 'oai_dc' }, 'system')).id;
  });
  afterAll(async () => {
    await app.close();
    for (const dispose of disposers) await dispose();
  });

  const harvest = () => runHarvest(harvester, sourceId, { trigger: 'command', client: { delayMs: 0 } });

  it('brings in the published records as published library records, with their kind, authors and ISBN', async () => {
    const summary = await harvest();
    expect(summary.error).toBeUndefined();
    expect(summary.counts).toMatchObject({ created: 3, refused: 0 });
    firstDatestamp = summary.datestamp;
    expect(firstDatestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const [origin] = (await harvester.db.query<{ identifier: string }>('SELECT identifier FROM harvest_records ORDER BY identifier')).map((row) => row.identifier);
    expect(origin).toMatch(/sach-ba$/);
    const record = await harvester.workspace.get(SYSTEM, harvestedItemId(baseUrl, origin!));
    expect(record?.faceStatus).toBe('published');
    expect(record?.item).toMatchObject({ kind: 'book', ethnicGroups: ['khmer'], date: '2024', agents: [{ name: 'Nguyễn Văn A', role: 'author' }] });
    expect(record?.item.title).toEqual(expect.arrayContaining([{ lang: 'km', value: 'សៀវភៅ' }]));
    expect(record?.item.library?.identifiers).toEqual(expect.arrayContaining([{ scheme: 'isbn', value: '978-604-0-12345-9' }]));
    expect(await harvester.db.query('SELECT 1 FROM harvest_records WHERE identifier LIKE $1', ['%ban-nhap'])).toEqual([]);
  });

  it('on the next run fetches only what changed: an edit and a withdrawal', async () => {
    // OAI-PMH datestamps have second granularity: the changes come a second after the first run.
    await sleep(1_100);
    const current = (await provider.workspace.get(SYSTEM, 'sach-mot'))!;
    const { status: _status, ...draft } = current.item;
    const saved = await provider.workspace.save(SYSTEM, 'sach-mot', { ...draft, title: [{ lang: 'vi', value: 'Sách một, in lần hai' }] }, { ifMatch: current.version });
    await provider.workspace.publish(SYSTEM, 'sach-mot', { ifMatch: saved.record.version });
    const hai = (await provider.workspace.get(SYSTEM, 'sach-hai'))!;
    await provider.workspace.withdraw(SYSTEM, 'sach-hai', { ifMatch: hai.version, reason: 'trùng lặp' });

    const summary = await harvest();
    expect(summary.error).toBeUndefined();
    expect(summary.counts).toMatchObject({ created: 0, updated: 1, deleted: 1, refused: 0 });
    // `from` is inclusive: only a record stamped in the very second the last run reached comes
    // again (and is left alone); a record older than that is not fetched at all.
    expect(summary.counts.unchanged).toBeLessThanOrEqual(1);
    expect(summary.from).toBe(firstDatestamp);
    const identifiers = (await harvester.db.query<{ identifier: string; item_id: string; deleted: boolean }>('SELECT identifier, item_id, deleted FROM harvest_records ORDER BY identifier'));
    const byTail = (tail: string) => identifiers.find((row) => row.identifier.endsWith(tail))!;
    expect((await harvester.workspace.get(SYSTEM, byTail('sach-mot').item_id))?.item.title).toEqual([{ lang: 'vi', value: 'Sách một, in lần hai' }]);
    expect((await harvester.workspace.get(SYSTEM, byTail('sach-hai').item_id))?.faceStatus).toBe('withdrawn');
    expect(byTail('sach-hai').deleted).toBe(true);
  });
});
