import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, registerOriginal, type Registration } from '@disan/ingest';
import { sha256File } from '../../ingest/src/registration/hash.ts';
import { originalKey } from '@disan/ingest/storage';
import { temporaryArchive } from '../support/archive.ts';
import { decompressionBombPng } from '../support/bad-files.ts';

/** Peak growth of JavaScript memory (heap and Buffers) and of the whole process while `work` runs. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; js: number; rss: number }> {
  const measure = () => {
    const usage = process.memoryUsage();
    return { js: usage.heapUsed + usage.arrayBuffers, rss: usage.rss };
  };
  const base = measure();
  let peak = base;
  const timer = setInterval(() => {
    const now = measure();
    peak = { js: Math.max(peak.js, now.js), rss: Math.max(peak.rss, now.rss) };
  }, 2);
  try {
    const result = await work();
    const now = measure();
    return { result, js: Math.max(peak.js, now.js) - base.js, rss: Math.max(peak.rss, now.rss) - base.rss };
  } finally {
    clearInterval(timer);
  }
}

const MB = 1024 * 1024;

describe('registering an original from a stream', () => {
  let archive: Archive;
  let dataDir: string;
  let dispose: () => Promise<void>;
  let folder: string;
  let scan: string;
  let scanSize: number;

  beforeAll(async () => {
    ({ archive, dataDir, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-register-'));
    // A 300 MB uncompressed TIFF scan: libvips writes its directory after the pixels,
    // so its header cannot be read from the first bytes alone.
    scan = join(folder, 'scan.tif');
    await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#a0522d' } }).tiff({ compression: 'none' }).toFile(scan);
    scanSize = (await stat(scan)).size;
    for (const id of ['scan-from-disk', 'scan-from-stream', 'broken', 'bomb', 'text']) {
      await archive.catalog.items.upsert({ id, kind: 'document', ethnicGroups: [], title: [{ lang: 'vi', value: id }], status: 'draft', access: { level: 'public' } }, { author: 'test' });
    }
  }, 120_000);

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  const spoolLeft = async () => (await readdir(join(dataDir, 'tmp')).catch(() => [])).length;

  it('registers a 300 MB TIFF read in place with flat memory: hashed, probed from its header, stored once, its job queued', async () => {
    expect(scanSize).toBeGreaterThan(280 * MB);
    const { result, js, rss } = await peakGrowth(() => registerOriginal(archive, { path: scan, size: scanSize, name: 'scan.tif' }, { itemId: 'scan-from-disk', position: 0 }));
    console.log(`registered 300 MB in place: JS +${(js / MB).toFixed(1)} MB, RSS +${(rss / MB).toFixed(1)} MB`);
    expect(result).toMatchObject({ status: 'queued' });
    // Garbage from streaming in 1 MiB chunks comes and goes (20-50 MB seen); reading the
    // whole image into memory, as registration once did, grows both by 300 MB.
    expect(js, 'JavaScript heap and Buffers, bytes').toBeLessThan(96 * MB);
    expect(rss, 'resident memory, bytes').toBeLessThan(128 * MB);
    const sha256 = await sha256File(scan);
    expect(await archive.storage.head(originalKey(sha256))).toMatchObject({ size: scanSize, contentType: 'image/tiff' });
    const media = await archive.catalog.media.get((result as Extract<Registration, { status: 'queued' }>).mediaId);
    expect(media).toMatchObject({ itemId: 'scan-from-disk', sha256, kind: 'image', mimeType: 'image/tiff', size: scanSize, originalName: 'scan.tif', status: 'pending' });
    expect(await archive.jobs.get(`image.derivatives:${media!.id}`)).toMatchObject({ status: 'queued' });
  }, 120_000);

  it('registers the same scan sent as a stream with flat memory, spooled and hashed on the way, sharing the stored original', async () => {
    const stream = createReadStream(scan, { highWaterMark: MB });
    const { result, js } = await peakGrowth(() => registerOriginal(archive, { stream, size: scanSize, name: 'uploads/scan.tif' }, { itemId: 'scan-from-stream', position: 0 }));
    expect(result).toMatchObject({ status: 'queued' });
    expect(js, 'JavaScript heap and Buffers, bytes').toBeLessThan(96 * MB);
    const media = await archive.catalog.media.get((result as Extract<Registration, { status: 'queued' }>).mediaId);
    expect(media).toMatchObject({ itemId: 'scan-from-stream', sha256: await sha256File(scan), originalName: 'uploads/scan.tif' });
    const stored = [];
    for await (const object of archive.storage.list('originals/')) stored.push(object.key);
    expect(stored).toEqual([originalKey(media!.sha256)]);
    expect(await spoolLeft()).toBe(0);
  }, 120_000);

  it('refuses a stream that ends before its announced size, storing nothing and leaving no spool file', async () => {
    const before = await archive.catalog.media.listForItem('broken');
    const cut = Readable.from([Buffer.alloc(1000, 1)]);
    await expect(registerOriginal(archive, { stream: cut, size: 5000, name: 'cut.jpg' }, { itemId: 'broken', position: 0 })).rejects.toThrow(
      'cut.jpg: received 1000 bytes where 5000 were announced; nothing was stored, send it again',
    );
    expect(await archive.catalog.media.listForItem('broken')).toEqual(before);
    expect(await spoolLeft()).toBe(0);
  });

  it('refuses a decompression bomb from its header before storing it', async () => {
    const bomb = decompressionBombPng();
    await expect(registerOriginal(archive, { stream: Readable.from([bomb]), size: bomb.length, name: 'bomb.png' }, { itemId: 'bomb', position: 0 })).rejects.toThrow(
      /image is 100000×100000 \(10000.0 MP\), above the limit/,
    );
    expect(await archive.storage.head(originalKey(sha256Of(bomb)))).toBeNull();
    expect(await archive.catalog.media.listForItem('bomb')).toEqual([]);
  });

  it('answers a reason for content that is no media, and for an empty or oversized announcement', async () => {
    const text = Buffer.from('just some notes, not a photo\n'.repeat(20));
    expect(await registerOriginal(archive, { stream: Readable.from([text]), size: text.length, name: 'notes.jpg' }, { itemId: 'text', position: 0 })).toEqual({
      status: 'failed',
      code: 'not-media',
      reason: 'not a media file: the content is plain text',
    });
    expect(await registerOriginal(archive, { stream: Readable.from([]), size: 0, name: 'empty.jpg' }, { itemId: 'text', position: 0 })).toEqual({ status: 'failed', code: 'empty', reason: 'the file is empty (0 bytes)' });
    const huge = archive.config.ingest.maxFileBytes + 1;
    expect(await registerOriginal(archive, { stream: Readable.from([]), size: huge, name: 'huge.mp4' }, { itemId: 'text', position: 0 })).toMatchObject({ status: 'failed', code: 'too-large', reason: expect.stringMatching(/above the limit .*DISAN_MAX_FILE_BYTES/) as unknown });
    expect(await archive.catalog.media.listForItem('text')).toEqual([]);
  });
});

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
