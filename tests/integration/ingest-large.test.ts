import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, ingest } from '@disan/ingest';
import { readAll } from '../../ingest/src/processing/read-all.ts';
import { temporaryArchive } from '../support/archive.ts';

/**
 * What archivists really bring: a 50 MP camera photo shot upright (EXIF
 * orientation 6), a 16-bit TIFF scan in Adobe-RGB-like wide gamut, a CMYK JPEG
 * from a print shop. Fixtures are made here with sharp so the repository stays small.
 */
describe('large and awkward images', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-large-'));
    const noise = (width: number, height: number) =>
      sharp({ create: { width: Math.round(width / 50), height: Math.round(height / 50), channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 50 } } })
        .png()
        .toBuffer()
        .then((small) => sharp(small).resize(width, height));
    await (await noise(8640, 5760)).jpeg({ quality: 85 }).withMetadata({ orientation: 6 }).toFile(join(folder, 'upright-50mp.jpg'));
    await (await noise(6000, 4500)).toColourspace('rgb16').tiff({ compression: 'lzw' }).toFile(join(folder, 'scan-16bit.tif'));
    await (await noise(1200, 800)).toColourspace('cmyk').jpeg({ quality: 90 }).toFile(join(folder, 'cmyk.jpg'));
    const report = await ingest(archive, { inputs: [folder] });
    expect(report.failures).toEqual([]);
  }, 240_000);

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  const mediaOf = async (name: string) => (await archive.catalog.media.listByStatus('ready')).find((m) => m.originalName === name)!;

  it('applies EXIF orientation: a 50 MP upright photo is stored taller than wide', async () => {
    const media = await mediaOf('upright-50mp.jpg');
    expect([media.width, media.height]).toEqual([5760, 8640]);
    const largest = media.derivatives.find((d) => d.name === 'webp-2048')!;
    expect([largest.width, largest.height]).toEqual([1365, 2048]);
    const { body } = await archive.storage.get(largest.key);
    const meta = await sharp(await readAll(body)).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([1365, 2048, 1]);
  });

  it.each(['scan-16bit.tif', 'cmyk.jpg'])('turns %s into 8-bit sRGB renditions', async (name) => {
    const media = await mediaOf(name);
    for (const rendition of media.derivatives) {
      const { body } = await archive.storage.get(rendition.key);
      const meta = await sharp(await readAll(body)).metadata();
      expect(meta.space).toBe('srgb');
      expect(meta.depth).toBe('uchar');
    }
  });

  it('never enlarges a small image', async () => {
    const media = await mediaOf('cmyk.jpg');
    expect(media.derivatives.find((d) => d.name === 'webp-2048')?.width).toBe(1200);
    expect(media.derivatives.find((d) => d.name === 'webp-1024')?.width).toBe(1024);
  });
});
