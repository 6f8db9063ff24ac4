import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdfAdapter } from '../media/pdf.ts';
import { createPopplerAdapter } from '../media/poppler.ts';
import { readPageTexts } from './document-pages.ts';

const REPORT = join(import.meta.dirname, '..', '..', '..', 'media-samples', 'khmer', 'bao-cao-bao-ton-ok-om-bok.pdf');

/** Real pdfjs and real pdftotext on the sample report, whose page 7 alone names the Sampot. */
describe('readPageTexts', () => {
  const pdf = createPdfAdapter();

  const read = async (poppler: Parameters<typeof readPageTexts>[1]) => {
    const bytes = await readFile(REPORT);
    const opened = await pdf.open(bytes);
    try {
      return { ...(await readPageTexts(opened, poppler, bytes)), pageCount: opened.facts.pageCount };
    } finally {
      await opened.close();
    }
  };
  const pagesNaming = (texts: string[], word: string) => texts.flatMap((text, index) => (text.includes(word) ? [index + 1] : []));

  it('reads every page with pdftotext, tones intact, in page order', async () => {
    const { texts, via, pageCount } = await read(createPopplerAdapter());
    expect(via).toBe('pdftotext');
    expect(texts).toHaveLength(pageCount);
    expect(pagesNaming(texts, 'Sampot')).toEqual([7]);
    expect(texts.join('\n')).toMatch(/lễ hội/i);
    expect(texts.every((text) => text === text.normalize('NFC') && !/\n\s*\n/.test(text))).toBe(true);
  });

  it.each([
    ['poppler fails', () => Promise.reject(new Error('pdftotext: not found'))],
    ['poppler sees another page count', () => Promise.resolve(['only one page'])],
  ])('falls back to pdfjs when %s', async (_case, pageTexts) => {
    const { texts, via, pageCount } = await read({ pageTexts });
    expect(via).toBe('pdfjs');
    expect(texts).toHaveLength(pageCount);
    expect(pagesNaming(texts, 'Sampot')).toEqual([7]);
  });
});
