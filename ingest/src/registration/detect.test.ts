import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectType } from './detect.ts';
import { slugify } from './slug.ts';
import { sha256File } from './hash.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1');
const ZIP = Buffer.from('504b0304140000000800', 'hex');

describe('detectType', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disan-detect-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['a PNG named .jpg', 'x.jpg', PNG, { mimeType: 'image/png', kind: 'image' }],
    ['a JPEG named .pdf', 'x.pdf', JPEG, { mimeType: 'image/jpeg', kind: 'image' }],
    ['a PDF with no extension', 'x', PDF, { mimeType: 'application/pdf', kind: 'document' }],
    ['an empty file', 'empty.jpg', Buffer.alloc(0), { code: 'empty', reason: 'the file is empty (0 bytes)' }],
    ['text named .jpg', 'notes.jpg', Buffer.from('Lễ hội Ok Om Bok\n'), { code: 'not-media', reason: 'not a media file: the content is plain text' }],
    ['random bytes', 'noise.jpg', Buffer.from([1, 2, 3, 0, 250, 13, 7, 99]), { code: 'unrecognised', reason: expect.stringMatching(/unrecognised/) as unknown }],
  ])('judges %s by its content', async (_name, file, bytes, expected) => {
    await writeFile(join(dir, file), bytes);
    expect(await detectType(join(dir, file))).toEqual(expected);
  });

  it('names a recognised format it does not accept', async () => {
    await writeFile(join(dir, 'a.zip'), Buffer.concat([ZIP, Buffer.alloc(100)]));
    expect(await detectType(join(dir, 'a.zip'))).toMatchObject({ code: 'unsupported-format', reason: expect.stringMatching(/is not a format the archive accepts/) as unknown });
  });

  it('hashes a file in 1 MiB chunks to the same digest as a one-shot hash', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    await writeFile(join(dir, 'big.bin'), big);
    const { createHash } = await import('node:crypto');
    expect(await sha256File(join(dir, 'big.bin'))).toBe(createHash('sha256').update(big).digest('hex'));
  });
});

describe('slugify', () => {
  it.each([
    ['Lễ hội Đua ghe ngo/01', 'le-hoi-dua-ghe-ngo-01'],
    ['  Chùa Dơi (Mahatup)  ', 'chua-doi-mahatup'],
    ['khmer/ok-om-bok', 'khmer-ok-om-bok'],
  ])('%s becomes %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each(['បុណ្យអកអំបុក', '關帝廟', 'caf\uFFFD'])('gives a distinct, stable id to %s', (name) => {
    expect(slugify(name)).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(slugify(name)).toBe(slugify(name));
    expect(slugify(name)).not.toBe(slugify(`${name}2`));
  });
});
