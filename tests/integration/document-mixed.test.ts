import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Media, TextPassage } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, ingest } from '@disan/ingest';
import { SYSTEM } from '@disan/ingest/access';
import { createJobHandlers, runWorker } from '@disan/ingest/jobs';
import { searchArchive } from '@disan/ingest/search';
import { temporaryArchive } from '../support/archive.ts';
import { scanImage } from '../support/generate-documents.ts';
import { writeRawPdf } from '../support/pdf-writer.ts';

/** Each word is on one page only, so a hit's page says which page the pipeline numbered it. */
const PAGES = [
  { page: 1, source: 'pdf-text', word: 'Kathina', text: 'Page one of the register\nKathina robes offered at the pagoda' },
  { page: 2, source: 'ocr', word: 'Chhaydam', text: 'BIEN BAN KIEM KE\n\nTrong Chhaydam cua chua Doi\nSo luong: hai chiec' },
  { page: 3, source: 'pdf-text', word: 'Maspero', text: 'Page three of the register\nNgo boats on the Maspero river' },
] as const;

/**
 * A PDF that mixes text pages and a scanned page (text, scan, text), as registers
 * often are once a missing page was photocopied in: every passage and every hit must
 * carry its page in the document, the scan's OCR text page 2 and the last text page
 * page 3, not numbered by text pages only.
 */
describe('a PDF mixing text pages and a scanned page', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let media: Media;
  let passages: TextPassage[];

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-mixed-'));
    const scan = await scanImage(PAGES[1].text, 'Noto Serif 16');
    await writeFile(join(folder, 'so-kiem-ke-hon-hop.pdf'), writeRawPdf([{ text: PAGES[0].text }, scan, { text: PAGES[2].text }], { title: 'So kiem ke' }));
    const report = await ingest(archive, { inputs: [folder] });
    expect(report.failures).toEqual([]);
    // OCR is a follow-up job at a lower priority; a worker runs what ingest left.
    await runWorker({ queue: archive.jobs, handlers: createJobHandlers(archive), stopWhenIdle: true, pollMs: 50 });
    media = (await archive.catalog.media.listByStatus('ready'))[0]!;
    passages = await archive.catalog.texts.listForMedia(media.id);
  }, 240_000);

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('counts two text pages and one scanned page out of three', () => {
    expect(media).toMatchObject({ pageCount: 3 });
    expect(media.technical).toMatchObject({ textPages: 2, scannedPages: 1, ocrPages: 1 });
  });

  it.each(PAGES)('stores page $page as $source, holding its own word', ({ page, source, word }) => {
    const onPage = passages.filter((passage) => passage.page === page);
    expect(onPage.map((passage) => passage.source)).toEqual([source]);
    expect(onPage[0]!.text).toContain(word);
    expect(passages.filter((passage) => passage.text.includes(word)).map((passage) => passage.page)).toEqual([page]);
  });

  it.each(PAGES)('a search for "$word" locates it on page $page', async ({ page, source, word }) => {
    const result = await searchArchive(archive, { q: word.toLowerCase() }, SYSTEM);
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]!.passages.map((passage) => [passage.page, passage.source])).toEqual([[page, source]]);
  });
});
