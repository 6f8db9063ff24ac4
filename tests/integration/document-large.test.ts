import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, ingest } from '@disan/ingest';
import { PAGE_IMAGE_CAP } from '../../ingest/src/processing/document-job.ts';
import type { IngestReport } from '../../ingest/src/registration/files.ts';
import { temporaryArchive } from '../support/archive.ts';
import { writeBadPdfs } from '../support/generate-documents.ts';

/** A 5 000-page PDF: every page's text, page images only up to the cap, and a note saying so. */
describe('a 5 000-page PDF', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let report: IngestReport;
  let seconds: number;
  let heapGrowthMb: number;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-large-pdf-'));
    const { huge } = await writeBadPdfs(folder);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    report = await ingest(archive, { inputs: [huge] });
    seconds = (performance.now() - started) / 1000;
    heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  }, 180_000);

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('is ingested, with the text of every page stored against its page number', async () => {
    expect(report.failures).toEqual([]);
    expect(report.outcomes.ingested).toBe(1);
    const passages = await archive.catalog.texts.listForItem('nam-nghin-trang');
    expect(passages).toHaveLength(5000);
    expect(passages[4999]).toMatchObject({ page: 5000, text: 'Trang 5000 cua so tay lon', source: 'pdf-text' });
  });

  it(`gets a cover and page images for the first ${PAGE_IMAGE_CAP} pages only, with a note`, async () => {
    const [media] = await archive.catalog.media.listForItem('nam-nghin-trang');
    expect(media).toMatchObject({ status: 'ready', pageCount: 5000 });
    expect(media!.derivatives.map((d) => d.page ?? 0).sort((a, b) => a - b).at(-1)).toBe(PAGE_IMAGE_CAP);
    // The pages, the cover and the thumbnail cards and search results show.
    expect(media!.derivatives).toHaveLength(PAGE_IMAGE_CAP + 2);
    expect(media!.derivatives.filter((d) => d.page === undefined).map((d) => d.name).sort()).toEqual(['cover-webp', 'thumb']);
    expect(media!.technical?.pageImagesNote).toBe(`page images for the first ${PAGE_IMAGE_CAP} of 5000 pages only; the text of every page is searchable`);
  });

  it('stays within bounded memory and time', () => {
    console.log(`5000-page PDF ingested in ${seconds.toFixed(1)} s, heap +${heapGrowthMb.toFixed(0)} MB`);
    expect(heapGrowthMb).toBeLessThan(300);
    expect(seconds).toBeLessThan(150);
  });
});
