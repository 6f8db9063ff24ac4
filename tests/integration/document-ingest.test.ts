import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Media, TextPassage } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, ingest } from '@disan/ingest';
import { PUBLIC } from '@disan/ingest/access';
import { createJobHandlers, runWorker } from '@disan/ingest/jobs';
import { readDocumentWords } from '@disan/ingest/reader';
import { searchArchive } from '@disan/ingest/search';
import { IMAGE_RENDITIONS } from '../../ingest/src/media/renditions.ts';
import { createDocumentJobHandler } from '../../ingest/src/processing/document-job.ts';
import type { IngestReport } from '../../ingest/src/registration/files.ts';
import { temporaryArchive } from '../support/archive.ts';
import { PAGE_7_WORD, scanImage, writeBadPdfs } from '../support/generate-documents.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'media-samples');
const SAMPLE_FILES = ['khmer/bao-cao-bao-ton-ok-om-bok.pdf', 'khmer/quyet-dinh-ho-tro-ok-om-bok-ban-quet.pdf', 'hoa/dieu-le-hoi-quan-trieu-chau.pdf'];

/**
 * Documents through the real pipeline: pdfjs text layers, poppler page images,
 * tesseract on scans (a PDF without text layer and a JPEG on a document item),
 * and the bad PDFs refused with reasons in `disan ingest`'s report.
 */
describe('documents through the job pipeline', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let first: IngestReport;
  let second: IngestReport;

  const mediaOf = async (itemId: string): Promise<Media> => (await archive.catalog.media.listForItem(itemId))[0]!;
  const textsOf = async (itemId: string): Promise<TextPassage[]> => archive.catalog.texts.listForItem(itemId);

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-docs-'));
    for (const file of SAMPLE_FILES) await cp(join(SAMPLES, file), join(folder, file));
    await writeBadPdfs(join(folder, 'bad'), 60);
    await mkdir(join(folder, 'scans'));
    await writeFile(join(folder, 'scans', 'hoi-quan-trang-1.jpg'), (await scanImage('潮州會館\n天后聖母 元宵節', 'Noto Serif CJK TC 20')).jpeg);
    const sheet = (await readFile(join(SAMPLES, 'metadata.csv'), 'utf8')).split('\n');
    const rows = sheet.filter((line) => SAMPLE_FILES.some((file) => line.startsWith(`${file},`)));
    const columns = sheet[0]!.split(',').length;
    const scanRow = ['scans/hoi-quan-trang-1.jpg', 'so-hoi-quan-ban-quet', 'document', 'hoa', 'Sổ hội quán (bản quét)', ...Array<string>(13).fill(''), 'zh-Hant'];
    await writeFile(join(folder, 'metadata.csv'), [sheet[0], ...rows, [...scanRow, ...Array<string>(columns - scanRow.length).fill('')].join(',')].join('\n') + '\n');
    first = await ingest(archive, { inputs: [folder] });
    // OCR is queued at a lower priority than uploads; a worker runs what ingest left.
    await runWorker({ queue: archive.jobs, handlers: createJobHandlers(archive), stopWhenIdle: true, pollMs: 50 });
    second = await ingest(archive, { inputs: [folder] });
  }, 240_000);

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  const reasonFor = (file: string) => first.failures.find((f) => f.file.includes(file))?.reason;

  it.each([
    ['bad/mat-khau.pdf', /password-protected/],
    ['bad/bi-cat.pdf', /truncated or damaged.*%%EOF/],
  ])('refuses %s in the ingest report with a reason, and keeps its original', async (file, reason) => {
    expect(reasonFor(file)).toMatch(reason);
    const media = (await archive.catalog.media.findBySha((await archive.catalog.media.listForItem(`bad-${file.slice(4, -4)}`))[0]!.sha256))[0]!;
    expect(media.status).toBe('failed');
    expect(await archive.storage.head(media.originalKey)).toBeTruthy();
  });

  it('ingests every other file', () => {
    expect(first.failures).toHaveLength(2);
    expect(first.outcomes.ingested).toBe(6);
  });

  it('stores the text of every page of the report with tones intact and the right page numbers', async () => {
    const passages = await textsOf('bao-cao-bao-ton-ok-om-bok');
    expect(passages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(passages.every((p) => p.source === 'pdf-text')).toBe(true);
    expect(passages[0]!.text).toContain('Báo cáo bảo tồn lễ hội Ok Om Bok');
    expect(passages.filter((p) => p.text.includes(PAGE_7_WORD)).map((p) => p.page)).toEqual([7]);
    expect(passages[6]!.text).toContain('Trang phục truyền thống');
  });

  it('records page count and the PDF metadata, and makes a cover and one image per page', async () => {
    const media = await mediaOf('bao-cao-bao-ton-ok-om-bok');
    expect(media).toMatchObject({ status: 'ready', pageCount: 8 });
    expect(media.technical).toMatchObject({ title: 'Báo cáo bảo tồn lễ hội Ok Om Bok', textPages: 8, scannedPages: 0, javascript: false });
    expect(media.technical?.producer).toMatch(/Skia/);
    expect(media.technical?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const names = media.derivatives.map((d) => d.name);
    expect(names).toEqual(['cover-webp', 'thumb', 'page-1-webp', ...Array.from({ length: 7 }, (_, i) => `page-${i + 2}-webp`)]);
    expect(media.derivatives.find((d) => d.name === 'page-7-webp')).toMatchObject({ page: 7, mimeType: 'image/webp', width: 566, height: 800 });
    const { body } = await archive.storage.get(media.derivatives[0]!.key);
    const head: Buffer[] = [];
    for await (const chunk of body) head.push(chunk as Buffer);
    expect(Buffer.concat(head).subarray(8, 12).toString()).toBe('WEBP');
  });

  it('reads the scanned PDF with OCR in Vietnamese, stored per page as ocr', async () => {
    const passages = await textsOf('quyet-dinh-ho-tro-ok-om-bok-2023');
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ page: 1, source: 'ocr', lang: 'vi' });
    for (const words of ['QUYẾT ĐỊNH', 'lễ hội Ok Om Bok', 'đua', 'chùa Khmer']) expect(passages[0]!.text).toContain(words);
    const media = await mediaOf('quyet-dinh-ho-tro-ok-om-bok-2023');
    expect(media.technical).toMatchObject({ scannedPages: 1, textPages: 0, ocrLanguages: 'vie', ocrPages: 1 });
    expect(media.derivatives.map((d) => d.name)).toEqual(['cover-webp', 'thumb', 'page-1-webp', 'words']);
    // Every OCR word with its box on the page, for the reader to highlight hits on the scan.
    const { pages } = await readDocumentWords(archive.storage, media);
    expect(pages.map((p) => p.page)).toEqual([1]);
    const words = pages[0]!.lines.flat();
    expect(words.map((w) => w.text).join(' ')).toBe(passages[0]!.text.replace(/\n/g, ' '));
    const title = words.find((w) => w.text === 'QUYẾT')!;
    expect(title.x).toBeGreaterThan(0.05);
    expect(title.y).toBeGreaterThan(0.05);
    expect(title.y).toBeLessThan(0.25);
  });

  it("makes a thumbnail of page 1 the size and format of a photo's, and search results show it rather than the cover", async () => {
    const media = await mediaOf('bao-cao-bao-ton-ok-om-bok');
    const photoThumb = IMAGE_RENDITIONS.find((r) => r.name === 'thumb')!;
    const thumb = media.derivatives.find((d) => d.name === 'thumb')!;
    expect(thumb).toMatchObject({ mimeType: 'image/jpeg', key: expect.stringMatching(/thumb\.jpg$/) as string });
    expect(thumb.page).toBeUndefined();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(photoThumb.size);
    expect(thumb.size).toBeLessThan(media.derivatives.find((d) => d.name === 'cover-webp')!.size);
    const { hits } = await searchArchive(archive, { q: 'Báo cáo bảo tồn lễ hội Ok Om Bok' }, PUBLIC);
    expect(hits.find((hit) => hit.id === 'bao-cao-bao-ton-ok-om-bok')?.thumbnail).toBe(`${media.id}/thumb`);
  });

  it('OCRs a scanned JPEG on a document item in its language (traditional Chinese), without spaces between characters', async () => {
    const passages = await textsOf('so-hoi-quan-ban-quet');
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ page: 1, source: 'ocr', lang: 'zh-Hant' });
    expect(passages[0]!.text).toMatch(/潮州會館|會館/);
    expect((await mediaOf('so-hoi-quan-ban-quet')).technical).toMatchObject({ ocrLanguages: 'chi_tra' });
  });

  it('extracts CJK and Vietnamese from the Hoa statutes', async () => {
    const passages = await textsOf('dieu-le-hoi-quan-trieu-chau');
    expect(passages.map((p) => p.page)).toEqual([1, 2]);
    expect(passages[0]!.text).toContain('潮州會館章程');
    expect(passages[1]!.text).toContain('rằm tháng Giêng');
  });

  it('records embedded JavaScript without running it, and still extracts the text', async () => {
    const media = await mediaOf('bad-co-javascript');
    expect(media.status).toBe('ready');
    expect(media.technical).toMatchObject({ javascript: true, title: 'Scripted' });
    expect(media.technical?.javascriptNote).toMatch(/never run/);
    expect((await textsOf('bad-co-javascript'))[0]!.text).toContain('Bao cao co kich ban JavaScript');
  });

  it('extracts text from every page of a long PDF but makes page images only up to the cap, and says so', async () => {
    const media = await mediaOf('bad-nam-nghin-trang');
    const passages = await textsOf('bad-nam-nghin-trang');
    expect(passages).toHaveLength(60);
    expect(passages[59]).toMatchObject({ page: 60, text: 'Trang 60 cua so tay lon' });
    expect(media.derivatives.filter((d) => d.page !== undefined)).toHaveLength(50);
    expect(media.technical?.pageImagesNote).toBe('page images for the first 50 of 60 pages only; the text of every page is searchable');
  });

  it('a second ingest changes nothing', () => {
    expect(second.outcomes).toMatchObject({ ingested: 0, skipped: 6, failed: 2 });
  });

  it('re-running the document job replaces its text instead of adding to it, and keeps the OCR text', async () => {
    for (const itemId of ['bao-cao-bao-ton-ok-om-bok', 'quyet-dinh-ho-tro-ok-om-bok-2023']) {
      const media = await mediaOf(itemId);
      const before = await textsOf(itemId);
      await archive.catalog.media.update(media.id, { status: 'pending' });
      await createDocumentJobHandler(archive)({ mediaId: media.id });
      expect(await textsOf(itemId)).toEqual(before);
      if (itemId.startsWith('quyet-dinh')) expect((await mediaOf(itemId)).derivatives.map((d) => d.name)).toContain('words');
    }
  });
});
