import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupArchive, openArchive, restoreArchive, type Archive, type BackupSummary } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { SYSTEM } from '@disan/ingest/access';
import type { Media } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { apiFixture, OPERATOR, OPERATOR_TOKEN, type ApiFixture } from '../support/api-fixture.ts';

/** Fields that differ between any two answers, restored or not: ids of the request, times. */
const VOLATILE = new Set(['requestId', 'tookMs', 'uptimeSeconds', 'processingTimeMs', 'ms']);

/** What a reader sees at a URL: status, type, and the body (bytes hashed; answer ids and timings left out). */
async function answer(app: FastifyInstance, url: string, headers: Record<string, string>) {
  const response = await app.inject({ url, headers });
  const type = response.headers['content-type'] ?? '';
  const body = type.includes('json')
    ? JSON.stringify(JSON.parse(response.body, (key, value: unknown) => (VOLATILE.has(key) ? undefined : value)))
    : createHash('sha256').update(type.includes('xml') ? withoutResponseTime(response.body) : response.rawPayload).digest('hex');
  return { status: response.statusCode, type, body };
}

/** OAI-PMH answers say when they were made (responseDate, a token's expirationDate): the rest must be as backed up. */
const withoutResponseTime = (xml: string) => xml.replace(/<responseDate>[^<]*<\/responseDate>/, '').replace(/ expirationDate="[^"]*"/g, '');

const BIN = join(import.meta.dirname, '..', '..', 'ingest', 'bin', 'disan.js');
const run = async (args: string[], env: NodeJS.ProcessEnv) => {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--no-warnings', BIN, ...args], { env });
  return { code: 0, stdout, stderr };
};

const VIEWERS = [['public', {}], ['operator', OPERATOR]] as const;

/** Every GET route of the OpenAPI document with real ids filled in, and a few URLs with queries. */
async function everyGetRoute(f: ApiFixture): Promise<string[]> {
  const doc = (await f.app.inject({ url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
  const media = await f.mediaOf('ok-om-bok');
  const fill = (path: string) =>
    path
      .replace(/^\/api\/media\/\{id\}/, `/api/media/${media}`)
      .replace(/^\/api\/collections\/\{id\}/, '/api/collections/khmer-festivals')
      .replace('{id}', 'ok-om-bok')
      .replace('{rendition}', 'thumb');
  const urls = Object.entries(doc.paths)
    // An XLSX export is a zip whose entries carry the time it was written: the same records give other bytes (its CSV twin is compared).
    .filter(([path, methods]) => 'get' in methods && !path.startsWith('/api/docs') && !path.startsWith('/api/backup') && path !== '/api/workspace/export.xlsx')
    .map(([path]) => fill(path));
  return [...urls, '/api/search?q=le%20hoi&facets=ethnicGroups,kind,collections', `/api/media/${media}/original`, `/api/media/${media}/webp-480`, '/api/items/ban-nhap', '/api/items?pageSize=100', '/api/oai?verb=ListRecords&metadataPrefix=oai_dc', '/api/oai?verb=ListRecords&metadataPrefix=marc21', '/api/oai?verb=ListSets'];
}

/**
 * Before people write into the archive by hand, an operator must be able to save it
 * and bring it back: a backup made while the archive serves (and writes), restored
 * into an empty folder, answers every API route the same.
 */
describe('backup and restore', () => {
  let f: ApiFixture;
  let work: string;
  let file: string;
  let restoredDir: string;
  let restored: Archive;
  let restoredApp: FastifyInstance;
  let backedUp: BackupSummary;
  /** What the archive answered when the backup was made, URL by URL, for the public and the operator. */
  const asBackedUp = new Map<string, Awaited<ReturnType<typeof answer>>>();
  let urls: string[];
  /** A file given a speaker (without consent) and its own access rule before the backup. */
  let voice: Media;

  beforeAll(async () => {
    f = await apiFixture();
    // Any file but the one the route walk reads may carry them (the fixture's samples have no recording).
    const walked = await f.mediaOf('ok-om-bok');
    const other = (await f.archive.catalog.media.listByStatus('ready')).find((m) => m.id !== walked);
    if (!other) throw new Error('the samples have a single file');
    voice = await f.archive.workspace.media.setRecording(SYSTEM, other.id, {
      recording: { speaker: 'Thạch Sa Rinh', consent: { given: false, note: 'chờ gia đình đồng ý' }, locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng' },
      access: { level: 'researchers' },
    });
    work = await mkdtemp(join(tmpdir(), 'disan-backup-'));
    file = join(work, 'archive.tar');
    // Readers keep the archive busy while the backup runs, and a record is written as it starts.
    const backup = backupArchive(f.archive, createWriteStream(file));
    const readers = Promise.all(Array.from({ length: 20 }, (_, i) => new Promise((resolve) => setTimeout(resolve, i * 5)).then(() => f.app.inject({ url: '/api/items?pageSize=50', headers: OPERATOR }))));
    const summary = await backup;
    backedUp = summary;
    expect((await readers).every((r) => r.statusCode === 200)).toBe(true);
    urls = await everyGetRoute(f);
    for (const url of urls) for (const [who, headers] of VIEWERS) asBackedUp.set(`${who} ${url}`, await answer(f.app, url, headers));
    // Written after the backup: the restored archive must not have it.
    await f.archive.catalog.items.upsert({ id: 'sau-sao-luu', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Ghi sau khi sao lưu' }], status: 'published', access: { level: 'public' } }, { author: 'test' });
    await f.archive.indexer.indexItems(['sau-sao-luu']);
    expect(summary.objects).toBeGreaterThan(10);
    restoredDir = join(work, 'restored');
    const report = await restoreArchive(loadConfig({ DISAN_DATA_DIR: restoredDir, LOG_LEVEL: 'silent' }), createReadStream(file));
    expect(report.reindexed).toBe(await f.archive.catalog.items.count() - 1);
    restored = await openArchive(loadConfig({ DISAN_DATA_DIR: restoredDir, LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN }));
    restoredApp = await buildApp({ archive: restored, config: restored.config, logger: false });
  }, 180_000);

  afterAll(async () => {
    // Each may be missing when beforeAll failed part-way.
    await (restoredApp as FastifyInstance | undefined)?.close();
    await (restored as Archive | undefined)?.close();
    await (f as ApiFixture | undefined)?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('answers every GET route of the API as the archive did when backed up, for the public and for the operator', async () => {
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      for (const [who, headers] of VIEWERS) {
        const after = await answer(restoredApp, url, headers);
        expect(after, `${who} ${url}`).toEqual(asBackedUp.get(`${who} ${url}`));
        expect(after.body, url).not.toContain('sau-sao-luu');
      }
    }
  });

  it('keeps every row of every table as it was when the backup began: versions, media, texts, jobs, the audit trail', async () => {
    expect(backedUp.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['items', 'item_versions', 'media', 'media_texts', 'collections', 'jobs', 'audit_log']));
    // Parents come before the tables that point at them.
    const names = backedUp.tables.map((t) => t.name);
    expect(names.indexOf('items')).toBeLessThan(names.indexOf('media'));
    expect(names.indexOf('media')).toBeLessThan(names.indexOf('media_texts'));
    // The operator's reads of restricted records through the restored archive's API (the
    // test above) are audited there; nothing read a record before the backup.
    const READS = `WHERE action NOT IN ('record.read', 'media.read')`;
    for (const { name, rows } of backedUp.tables) {
      const [row] = await restored.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} ${name === 'audit_log' ? READS : ''}`);
      expect(row!.n, name).toBe(rows);
    }
    expect(backedUp.tables.find((t) => t.name === 'items')!.rows).toBe((await f.archive.catalog.items.count()) - 1);
  });

  it('carries a recording\'s speaker and consent and a medium\'s own access rule', async () => {
    const restoredVoice = await restored.catalog.media.get(voice.id);
    expect(restoredVoice?.recording).toEqual(voice.recording);
    expect(restoredVoice?.access).toEqual({ level: 'researchers' });
  });

  it('refuses a backup cut short, leaving the target folder empty', async () => {
    const cut = join(work, 'cut.tar');
    await backupArchive(f.archive, createWriteStream(cut));
    await truncate(cut, Math.floor((await stat(cut)).size * 0.6));
    const target = join(work, 'from-cut');
    await expect(restoreArchive(loadConfig({ DISAN_DATA_DIR: target, LOG_LEVEL: 'silent' }), createReadStream(cut))).rejects.toThrow(/incomplete|cut short|damaged|Unexpected end/);
    const left = await readdir(join(target, 'objects')).catch(() => []);
    expect(left.filter((name) => name !== '.tmp' && name !== '.meta')).toEqual([]);
    expect(await readdir(join(target, 'catalog')).catch(() => [])).toEqual([]);
  });

  it('never restores over an archive', async () => {
    await expect(restoreArchive(loadConfig({ DISAN_DATA_DIR: restoredDir, LOG_LEVEL: 'silent' }), createReadStream(file))).rejects.toThrow(/not empty: restore into a new, empty data folder/);
  });

  it('backs up a served archive from the command line through the server, and restores it from the command line', async () => {
    const address = await f.app.listen({ host: '127.0.0.1', port: 0 });
    const env = { ...process.env, DISAN_DATA_DIR: f.archive.config.dataDir, DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN, DISAN_API_PORT: new URL(address).port, LOG_LEVEL: 'silent' };
    const saved = join(work, 'served.tar');
    const backup = await run(['backup', saved], env);
    expect(backup.stderr).toMatch(/the archive is being served \(process \d+\): asking it for the backup/);
    expect(backup.stdout).toBe(`backed up the served archive to ${saved}\n`);
    expect(await readdir(work)).not.toContain('served.tar.partial');
    const target = join(work, 'from-cli');
    const restore = await run(['restore', saved], { ...env, DISAN_DATA_DIR: target });
    expect(restore.stdout).toMatch(/^restored \d+ records and \d+ files \(.* MB\); search index rebuilt from \d+ records\n$/);
    const again = await openArchive(loadConfig({ DISAN_DATA_DIR: target, LOG_LEVEL: 'silent' }));
    try {
      expect(await again.catalog.items.count()).toBe(await f.archive.catalog.items.count());
    } finally {
      await again.close();
    }
    // Without the token the server cannot be asked, and the message says what to do.
    const { DISAN_OPERATOR_TOKEN: _token, ...withoutToken } = env;
    const refused = await run(['backup', join(work, 'refused.tar')], withoutToken).catch((error: unknown) => error as { code: number; stderr: string });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/set DISAN_OPERATOR_TOKEN to the token the server was started with/);
  });
});
