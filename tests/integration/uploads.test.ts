/**
 * Resumable uploads (tus) against the real API on loopback, with the real tus-js-client
 * reading real files from disk, through a proxy that cuts the connection like a weak
 * mobile link; the real job worker registers what arrives.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadOutcome, UploadQuota } from '@disan/schemas';
import { type BackgroundWorker, startBackgroundWorker } from '@disan/ingest';
import { SYSTEM } from '@disan/ingest/access';
import { createExpireUploadsJobHandler, createUploadRows, createUploadStore } from '@disan/ingest/uploads';
import { readAll } from '../../ingest/src/processing/read-all.ts';
import { addAccount, signIn, type SignedIn } from '../support/accounts.ts';
import { apiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { decompressionBombPng } from '../support/bad-files.ts';
import { startCuttingProxy } from '../support/cutting-proxy.ts';
import { registerApiProxy } from '../../site/src/server/proxy.ts';
import { tusUpload, waitFor } from '../support/tus-client.ts';

const CHUNK = 1024 * 1024;
const MAX_FILE = 12 * 1024 * 1024;
const QUOTA = 40 * 1024 * 1024;

let fixture: ApiFixture;
let worker: BackgroundWorker;
let base: string;
let archivist: SignedIn;
let other: SignedIn;
let files: string;

/** A photo of noise: megabytes that JPEG cannot shrink, and a real image for the pipeline. */
async function noisePhoto(path: string, side: number, seed: number): Promise<void> {
  const pixels = randomBytes(side * side * 3);
  pixels[0] = seed;
  await sharp(pixels, { raw: { width: side, height: side, channels: 3 } }).jpeg({ quality: 95 }).toFile(path);
}

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
const tusHeaders = (who: SignedIn) => ({ ...who.writes });
const outcomeOf = async (id: string, who: SignedIn = archivist): Promise<UploadOutcome> => (await fetch(`${base}/api/uploads/${id}/outcome`, { headers: who.reads })).json() as Promise<UploadOutcome>;
const settled = (id: string) => waitFor(() => outcomeOf(id), (o) => o.state === 'done' || o.state === 'failed');

/** A tus creation by hand: what the client sends before any byte. */
const create = (who: SignedIn, size: number, metadata: Record<string, string>) =>
  fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: {
      ...who.writes,
      'tus-resumable': '1.0.0',
      'upload-length': String(size),
      'upload-metadata': Object.entries(metadata).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(','),
    },
  });

beforeAll(async () => {
  fixture = await apiFixture({ DISAN_MAX_FILE_BYTES: String(MAX_FILE), DISAN_UPLOAD_QUOTA_BYTES: String(QUOTA), DISAN_UPLOAD_CHUNK_BYTES: String(CHUNK) });
  files = join(fixture.archive.config.dataDir, 'to-upload');
  await (await import('node:fs/promises')).mkdir(files, { recursive: true });
  await addAccount(fixture.archive, { email: 'archivist@example.org', roles: ['archivist'] });
  await addAccount(fixture.archive, { email: 'other@example.org', roles: ['archivist'] });
  archivist = await signIn(fixture.app, 'archivist@example.org');
  other = await signIn(fixture.app, 'other@example.org');
  base = await fixture.app.listen({ host: '127.0.0.1', port: 0 });
  worker = await startBackgroundWorker(fixture.archive, { pollMs: 100 });
});

afterAll(async () => {
  await worker.stop();
  await fixture.close();
});

describe('resumable uploads', () => {
  it('resumes an upload cut every 700 KB from where it stopped: the stored SHA-256 is the source’s and a cut costs at most one chunk', async () => {
    const path = join(files, 'den-long.jpg');
    await noisePhoto(path, 1500, 1);
    const proxy = await startCuttingProxy({ host: '127.0.0.1', port: Number(new URL(base).port) }, { cutEveryBytes: 700_000 });
    try {
      const result = await tusUpload(path, { endpoint: `${proxy.url}/api/uploads`, headers: tusHeaders(archivist), metadata: { record: 'ban-nhap', caption: 'Đèn lồng' }, chunkSize: CHUNK });
      expect(proxy.cuts()).toBeGreaterThanOrEqual(3);
      expect(result.worstResend).toBeLessThanOrEqual(CHUNK);
      const outcome = await settled(result.id);
      expect(outcome).toMatchObject({ state: 'done', record: 'ban-nhap', name: 'den-long.jpg', offset: outcome.size, duplicate: false });
      const media = await fixture.archive.catalog.media.get(outcome.mediaId!);
      expect(media?.sha256).toBe(await sha256(path));
      const stored = await readAll((await fixture.archive.storage.get(media!.originalKey)).body);
      expect(createHash('sha256').update(stored).digest('hex')).toBe(await sha256(path));
      // On the record's head, as a version of its own, with the caption the uploader gave.
      const head = await fixture.archive.workspace.get(SYSTEM, 'ban-nhap');
      expect(head?.media.find((m) => m.id === outcome.mediaId)).toMatchObject({ caption: 'Đèn lồng', originalName: 'den-long.jpg' });
      // The bytes left the upload store once registered.
      expect(existsSync(join(fixture.archive.config.uploads.directory, result.id))).toBe(false);
    } finally {
      await proxy.close();
    }
  });

  it('resumes through the site’s /api proxy as well: PATCH bodies stream through and the relative Location works', async () => {
    const site = Fastify({ logger: false });
    await registerApiProxy(site, { apiUrl: base, headersTimeoutMs: 10_000, idleTimeoutMs: 30_000 });
    const siteUrl = await site.listen({ host: '127.0.0.1', port: 0 });
    const proxy = await startCuttingProxy({ host: '127.0.0.1', port: Number(new URL(siteUrl).port) }, { cutEveryBytes: 1_000_000 });
    try {
      const path = join(files, 'qua-site.jpg');
      await noisePhoto(path, 1800, 4);
      const result = await tusUpload(path, { endpoint: `${proxy.url}/api/uploads`, headers: tusHeaders(archivist), metadata: { record: 'ban-nhap' }, chunkSize: CHUNK });
      expect(proxy.cuts()).toBeGreaterThanOrEqual(2);
      expect(result.worstResend).toBeLessThanOrEqual(CHUNK);
      const outcome = await settled(result.id);
      expect(outcome.state).toBe('done');
      expect((await fixture.archive.catalog.media.get(outcome.mediaId!))?.sha256).toBe(await sha256(path));
    } finally {
      await proxy.close();
      await site.close();
    }
  });

  it('stores the same file uploaded twice once, and says it was already there', async () => {
    const path = join(files, 'twice.jpg');
    await noisePhoto(path, 600, 2);
    const first = await settled((await tusUpload(path, { endpoint: `${base}/api/uploads`, headers: tusHeaders(archivist), metadata: { record: 'ban-nhap' }, chunkSize: CHUNK })).id);
    const second = await settled((await tusUpload(path, { endpoint: `${base}/api/uploads`, headers: tusHeaders(archivist), metadata: { record: 'ban-nhap' }, chunkSize: CHUNK })).id);
    expect(first).toMatchObject({ state: 'done', duplicate: false });
    expect(second).toMatchObject({ state: 'done', duplicate: true, mediaId: first.mediaId });
    const sha = await sha256(path);
    expect((await fixture.archive.catalog.media.listForItem('ban-nhap')).filter((m) => m.sha256 === sha)).toHaveLength(1);
    expect((await fixture.archive.workspace.get(SYSTEM, 'ban-nhap'))?.media.filter((m) => m.id === first.mediaId)).toHaveLength(1);
  });

  it('fails hostile and broken files with the command line’s reason while the others go on', async () => {
    const bomb = join(files, 'bomb.png');
    const broken = join(files, 'broken.jpg');
    const good = join(files, 'good.jpg');
    await writeFile(bomb, decompressionBombPng());
    await writeFile(broken, randomBytes(50_000));
    await noisePhoto(good, 400, 3);
    const ids = await Promise.all([bomb, broken, good].map(async (path) => (await tusUpload(path, { endpoint: `${base}/api/uploads`, headers: tusHeaders(archivist), metadata: { record: 'ban-nhap' }, chunkSize: CHUNK })).id));
    const [bombOutcome, brokenOutcome, goodOutcome] = await Promise.all(ids.map(settled));
    expect(bombOutcome).toMatchObject({ state: 'failed', reasonCode: 'unreadable', reason: expect.stringMatching(/above the limit of 250.0 MP \(DISAN_MAX_IMAGE_PIXELS\)/) as unknown });
    expect(brokenOutcome).toMatchObject({ state: 'failed', reasonCode: 'unrecognised', reason: expect.stringMatching(/unrecognised format/) as unknown });
    expect(goodOutcome).toMatchObject({ state: 'done' });
  });

  it('refuses a file above the size limit, an empty one, and one past the quota, with a message a person understands', async () => {
    const tooBig = await create(archivist, MAX_FILE + 1, { record: 'ban-nhap', filename: 'huge.tif' });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain('above the limit of 12582912 bytes per file (DISAN_MAX_FILE_BYTES)');
    const empty = await create(archivist, 0, { record: 'ban-nhap', filename: 'empty.jpg' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('empty (0 bytes)');

    const quota = (await (await fetch(`${base}/api/uploads/quota`, { headers: other.reads })).json()) as UploadQuota;
    expect(quota).toEqual({ usedBytes: 0, quotaBytes: QUOTA, maxFileBytes: MAX_FILE, chunkBytes: CHUNK });
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await create(other, MAX_FILE, { record: 'ban-nhap', filename: `part-${i}.tif` })).status);
    expect(answers).toEqual([201, 201, 201, 413]);
    const refused = await create(other, MAX_FILE, { record: 'ban-nhap', filename: 'one-more.tif' });
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('quota_exceeded');
    expect(body.error.message).toContain('does not fit in your upload quota: 37748736 of 41943040 bytes are used');
    expect(((await (await fetch(`${base}/api/uploads/quota`, { headers: other.reads })).json()) as UploadQuota).usedBytes).toBe(3 * MAX_FILE);
  });

  it('lets no one else touch an upload, and no one add files to a record in review', async () => {
    const created = await create(archivist, 1000, { record: 'ban-nhap', filename: 'mine.jpg' });
    const id = created.headers.get('location')!.split('/').pop()!;
    expect(created.headers.get('location')).toBe(`/api/uploads/${id}`);
    expect((await fetch(`${base}/api/uploads/${id}`, { method: 'HEAD', headers: { ...other.reads, 'tus-resumable': '1.0.0' } })).status).toBe(404);
    expect((await fetch(`${base}/api/uploads/${id}/outcome`, { headers: other.reads })).status).toBe(404);
    const head = await fetch(`${base}/api/uploads/${id}`, { method: 'HEAD', headers: { ...archivist.reads, 'tus-resumable': '1.0.0' } });
    expect(head.headers.get('upload-offset')).toBe('0');
    const inReview = await create(archivist, 1000, { record: 'dang-duyet', filename: 'late.jpg' });
    expect(inReview.status).toBe(403);
    expect(await inReview.text()).toContain('while it is in-review');
    expect((await create(archivist, 1000, { filename: 'nowhere.jpg' })).status).toBe(400);
    // The public meets a door that does not exist.
    expect((await fetch(`${base}/api/uploads`, { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } })).status).toBe(404);
  });

  it('expires an unfinished upload: its row says so, its bytes are removed, its quota comes back and it cannot be resumed', async () => {
    const created = await create(other, 2000, { record: 'ban-nhap', filename: 'left-behind.jpg' });
    const id = created.headers.get('location')!.split('/').pop()!;
    const patch = await fetch(`${base}/api/uploads/${id}`, {
      method: 'PATCH',
      headers: { ...other.writes, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: randomBytes(500),
    });
    expect(patch.status).toBe(204);
    const file = join(fixture.archive.config.uploads.directory, id);
    expect(existsSync(file)).toBe(true);

    const expire = createExpireUploadsJobHandler({ rows: createUploadRows(fixture.archive.db), store: createUploadStore(fixture.archive.config, fixture.archive.storage), now: () => new Date(Date.now() + 25 * 3_600_000) });
    expect(await expire()).toEqual({ status: 'done' });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.json`)).toBe(false);
    expect(await outcomeOf(id, other)).toMatchObject({ state: 'expired', offset: 0 });
    // Every unfinished upload of this account expired (the quota test's three as well): its quota is whole again.
    expect(((await (await fetch(`${base}/api/uploads/quota`, { headers: other.reads })).json()) as UploadQuota).usedBytes).toBe(0);
    const late = await fetch(`${base}/api/uploads/${id}`, {
      method: 'PATCH',
      headers: { ...other.writes, 'tus-resumable': '1.0.0', 'upload-offset': '500', 'content-type': 'application/offset+octet-stream' },
      body: randomBytes(500),
    });
    expect(late.status).toBe(410);
  });
});
