import { existsSync } from 'node:fs';
import { mkdir, readdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/**
 * Synthetic 24 MP camera photos for the ingest bench: smooth colour fields with
 * grain (so JPEG decode costs what a real photo costs, unlike a flat test card),
 * some with EXIF orientation 6 like a phone held upright. Cached between runs.
 */
export async function benchPhotos(count: number, width = 6000, height = 4000): Promise<string[]> {
  const folder = join(tmpdir(), `disan-bench-photos-${width}x${height}`);
  await mkdir(folder, { recursive: true });
  let grain: Buffer | undefined;
  for (let index = 0; index < count; index++) {
    const path = join(folder, `photo-${String(index).padStart(3, '0')}.jpg`);
    if (existsSync(path)) continue;
    // Film grain is made once at half size (libvips' gaussian noise is slow) and shared by every photo.
    grain ??= await sharp({ create: { width: width / 2, height: height / 2, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 6 } } })
      .resize(width, height, { kernel: 'nearest' })
      .raw()
      .toBuffer();
    const field = await sharp({ create: { width: width / 40, height: height / 40, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120 + (index % 7) * 10, sigma: 60 } } })
      .png()
      .toBuffer();
    await sharp(field)
      .resize(width, height, { kernel: 'cubic' })
      .composite([{ input: grain, raw: { width, height, channels: 3 }, blend: 'overlay' }])
      .jpeg({ quality: 88 })
      .withMetadata({ orientation: index % 4 === 0 ? 6 : 1 })
      .toFile(`${path}.part`);
    await rename(`${path}.part`, path);
  }
  return (await readdir(folder)).filter((name) => name.endsWith('.jpg')).sort().slice(0, count).map((name) => join(folder, name));
}
