import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPdfAdapter } from '../../ingest/src/media/pdf.ts';
import { createPopplerAdapter } from '../../ingest/src/media/poppler.ts';
import { readPageTexts } from '../../ingest/src/processing/document-pages.ts';
import { htmlPagesToPdf, longReportPages, withChromium } from '../support/generate-documents.ts';

/**
 * PDF text extraction, pages per second, on the same generated 200-page Vietnamese
 * report in the same run, best of three runs each: the document job's text step
 * (pdfjs opens and checks the file, pdftotext reads the pages through a temp copy,
 * text normalised) and the pdfjs adapter alone, each against bare pdftotext.
 */
const PAGES = 200;
const RUNS = 3;

export async function benchPdf(): Promise<{ label: string; value: string }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'disan-bench-pdf-'));
  try {
    const path = join(dir, 'report.pdf');
    await writeFile(path, await withChromium((browser) => htmlPagesToPdf(browser, 'Báo cáo dài', longReportPages(PAGES))));
    const bytes = await readFile(path);
    const pdf = createPdfAdapter();
    const poppler = createPopplerAdapter();

    const pipeline = await best(async () => {
      const opened = await pdf.open(bytes);
      const { texts, via } = await readPageTexts(opened, poppler, bytes);
      await opened.close();
      if (via !== 'pdftotext') throw new Error('the text step fell back to pdfjs');
      return texts.filter((text) => text.length > 0).length;
    });
    const ours = await best(async () => {
      const opened = await pdf.open(bytes);
      let pages = 0;
      for await (const page of opened.pages()) if (page.text.length > 0) pages++;
      await opened.close();
      return pages;
    });
    const reference = await best(async () => (await poppler.extractText(path)).filter((text) => text.trim() !== '').length);
    return [
      { label: `document job text step (${PAGES} pages)`, value: `${pipeline.toFixed(0)} pages/s` },
      { label: 'pdfjs adapter alone', value: `${ours.toFixed(0)} pages/s` },
      { label: 'pdftotext (reference)', value: `${reference.toFixed(0)} pages/s` },
      { label: 'ratio text step / pdftotext', value: (pipeline / reference).toFixed(2) },
      { label: 'ratio pdfjs alone / pdftotext', value: (ours / reference).toFixed(2) },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Highest pages/s of several runs; throws if a run did not see every page. */
async function best(extract: () => Promise<number>): Promise<number> {
  let top = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const pages = await extract();
    const seconds = (performance.now() - started) / 1000;
    if (pages !== PAGES) throw new Error(`extracted text from ${pages} of ${PAGES} pages`);
    top = Math.max(top, pages / seconds);
  }
  return top;
}
