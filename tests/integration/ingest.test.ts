import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../ingest/src/pipeline/ingest.ts';
import { ingest } from '../../ingest/src/pipeline/run-ingest.ts';
import { PUBLIC, SYSTEM, searchScopeFor } from '../../ingest/src/access/index.ts';
import { IMAGE_RENDITIONS } from '../../ingest/src/media/renditions.ts';
import type { Archive } from '../../ingest/src/archive.ts';
import { decompressionBombPng } from '../support/bad-files.ts';
import { temporaryArchive } from '../support/archive.ts';
import { SAMPLE_FILES } from '../support/samples.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'media-samples');

/**
 * The archivist's journey on real files: the sample folder plus every kind of bad
 * input the issue names, in one run. Good files must all go through; each bad one
 * gets a one-line reason; nothing half-written is left; a second run changes nothing.
 */
describe('disan ingest on the sample archive with bad input mixed in', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let first: IngestReport;
  let second: IngestReport;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-input-'));
    await cp(SAMPLES, folder, { recursive: true });
    const good = await readFile(join(SAMPLES, 'khmer', 'chua-doi.jpg'));
    await mkdir(join(folder, 'bad'));
    await writeFile(join(folder, 'bad', 'truncated.jpg'), good.subarray(0, Math.floor(good.length / 2)));
    await writeFile(join(folder, 'bad', 'empty.jpg'), Buffer.alloc(0));
    await writeFile(join(folder, 'bad', 'notes.jpg'), 'Ghi chép điền dã: lễ hội Ok Om Bok, Sóc Trăng.\n');
    await writeFile(join(folder, 'bad', 'bomb.png'), decompressionBombPng());
    // Odd names: spaces, Vietnamese, brackets, and bytes that are not UTF-8 at all (Latin-1 "é").
    await writeFile(join(folder, 'bad', 'ảnh lễ hội #1 (bản sao).jpg'), good);
    await writeFile(Buffer.concat([Buffer.from(join(folder, 'bad', 'caf')), Buffer.from([0xe9]), Buffer.from('.jpg')]), good);
    const sheet = await readFile(join(folder, 'metadata.csv'), 'utf8');
    const header = sheet.split('\n')[0]!;
    const columns = header.split(',').length;
    const row = (cells: Record<number, string>) => Array.from({ length: columns }, (_, i) => cells[i] ?? '').join(',');
    await writeFile(
      join(folder, 'metadata.csv'),
      sheet +
        `${row({ 0: '../../etc/passwd', 1: 'escape-attempt', 2: 'festival', 3: 'khmer', 4: 'Thoát ra ngoài' })}\n` +
        `${row({ 0: 'khmer/chua-doi.jpg', 1: 'broken-row', 2: 'party', 3: 'martian', 4: 'Dòng hỏng' })}\n` +
        `${row({ 0: 'khmer/missing.jpg', 1: 'missing-file', 2: 'festival', 3: 'khmer', 4: 'Tệp không có' })}\n`,
    );
    first = await ingest(archive, { inputs: [folder] });
    second = await ingest(archive, { inputs: [folder] });
  });

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  const reasonFor = (report: IngestReport, file: string) => report.failures.find((f) => f.file.includes(file))?.reason;

  it.each([
    ['bad/truncated.jpg', /damaged|truncated|corrupt/i],
    ['bad/empty.jpg', /empty/i],
    ['bad/notes.jpg', /plain text/i],
    ['bad/bomb.png', /100000×100000.*limit/i],
    ['(../../etc/passwd)', /outside the folder/i],
    ['(khmer/chua-doi.jpg)', /kind.*|ethnic/i],
    ['(khmer/missing.jpg)', /does not exist/i],
  ])('refuses %s with a reason a person can act on', (file, reason) => {
    expect(reasonFor(first, file)).toMatch(reason);
  });

  it('ingests every good file, odd names included', async () => {
    expect(first.outcomes.ingested).toBe(SAMPLE_FILES.length + 2); // every sample file + 2 copies under odd names
    const odd = await archive.catalog.items.get('bad-anh-le-hoi-1-ban-sao');
    expect(odd?.title[0]?.value).toBe('ảnh lễ hội #1 (bản sao)');
    expect(first.failures.every((f) => !f.reason.startsWith('internal error'))).toBe(true);
  });

  it('stores the same content once however many times it appears', async () => {
    const media = await archive.catalog.media.findBySha((await archive.catalog.media.listForItem('chua-doi-mahatup'))[0]!.sha256);
    expect(media.length).toBe(3); // chua-doi.jpg, the odd-name copy, the non-UTF-8 copy
    expect(new Set(media.map((m) => m.originalKey)).size).toBe(1);
    const originals = [];
    for await (const object of archive.storage.list('originals/')) originals.push(object.key);
    expect(originals.length).toBe(SAMPLE_FILES.length + 1); // every distinct sample file + the truncated one, kept as sent
  });

  it('makes every rendition, in sRGB, with EXIF date and GPS read into the record', async () => {
    const [media] = await archive.catalog.media.listForItem('dua-ghe-ngo-soc-trang');
    expect(media?.status).toBe('ready');
    expect(media?.derivatives.map((d) => d.name).sort()).toEqual(IMAGE_RENDITIONS.map((r) => r.name).sort());
    expect(media?.capturedAt).toBe('2023-11-27T19:12:00');
    expect(media?.geo?.lat).toBeCloseTo(9.5991, 3);
    expect(media?.geo?.lon).toBeCloseTo(105.9806, 3);
    for (const rendition of media!.derivatives) {
      const head = await archive.storage.head(rendition.key);
      expect(head?.size).toBe(rendition.size);
      expect(head?.contentType).toBe(rendition.mimeType);
    }
  });

  it('keeps the original of a damaged image and marks it failed, never ready', async () => {
    const failed = await archive.catalog.media.listByStatus('failed');
    expect(failed.map((m) => m.originalName)).toEqual(['bad/truncated.jpg']);
    expect(await archive.storage.head(failed[0]!.originalKey)).not.toBeNull();
    expect(failed[0]!.derivatives).toEqual([]);
  });

  it('leaves nothing half-written: every ready medium has all its renditions, no temp files remain', async () => {
    for (const media of await archive.catalog.media.listByStatus('ready')) {
      if (media.kind === 'image') expect(media.derivatives.length).toBe(IMAGE_RENDITIONS.length);
      else expect(media.derivatives.length).toBeGreaterThan(0);
    }
    expect(await archive.catalog.media.listByStatus('pending')).toEqual([]);
    expect(await archive.catalog.media.listByStatus('processing')).toEqual([]);
    const tmp = await readdir(join(archive.config.dataDir, 'objects', '.tmp')).catch(() => []);
    expect(tmp).toEqual([]);
  });

  it('skips everything on a second run and writes no new versions', async () => {
    expect(second.outcomes.ingested).toBe(0);
    expect(second.outcomes.skipped).toBe(SAMPLE_FILES.length + 2);
    expect(second.items.created + second.items.updated).toBe(0);
    expect((await archive.catalog.items.versions('ok-om-bok-soc-trang')).length).toBe(1);
  });

  it.each([
    ['le hoi', 'ok-om-bok-soc-trang'],
    ['lễ hội', 'ok-om-bok-soc-trang'],
    ['ghe ngo', 'dua-ghe-ngo-soc-trang'],
    ['បុណ្យ', 'chol-chnam-thmay'],
    ['关帝庙', 'chua-ong-quang-trieu'],
    ['mahatub', 'chua-doi-mahatup'],
  ])('the public search "%s" finds %s', async (q, id) => {
    const result = await archive.search.search({ q }, searchScopeFor(PUBLIC));
    expect(result.hits.map((h) => h.id)).toContain(id);
  });

  it('never shows drafts or community-only records to the public, but does to operators', async () => {
    const q = { q: 'le hoi' };
    const publicIds = (await archive.search.search(q, searchScopeFor(PUBLIC))).hits.map((h) => h.id);
    const allIds = (await archive.search.search({ ...q, pageSize: 100 }, searchScopeFor(SYSTEM))).hits.map((h) => h.id);
    expect(publicIds).not.toContain('ban-nhap-le-hoi');
    expect(allIds).toContain('ban-nhap-le-hoi');
    const restricted = await archive.search.search({ q: 'nghi le' }, searchScopeFor(PUBLIC));
    expect(restricted.hits.map((h) => h.id)).not.toContain('nghi-le-noi-bo-chua');
  });
});
