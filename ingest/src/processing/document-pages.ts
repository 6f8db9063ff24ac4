import { normaliseText, type OpenedPdf } from '../media/pdf.ts';
import type { PopplerAdapter } from '../media/poppler.ts';

export interface PageTexts {
  /** Text of page n at index n - 1, normalised alike whichever tool read it. */
  texts: string[];
  via: 'pdftotext' | 'pdfjs';
}

/**
 * Every page's text layer. pdftotext reads it 2-3x faster than pdfjs (see the PDF
 * bench), so it goes first; pdfjs, which has already opened and checked the file, reads
 * it when poppler fails or sees a different number of pages than pdfjs did.
 */
export async function readPageTexts(opened: OpenedPdf, poppler: Pick<PopplerAdapter, 'pageTexts'>, bytes: Uint8Array): Promise<PageTexts> {
  const fromPoppler = await poppler.pageTexts(bytes).catch(() => null);
  if (fromPoppler?.length === opened.facts.pageCount) return { texts: fromPoppler.map(normaliseText), via: 'pdftotext' };
  const texts: string[] = [];
  for await (const { page, text } of opened.pages()) texts[page - 1] = text;
  return { texts: Array.from({ length: opened.facts.pageCount }, (_, index) => texts[index] ?? ''), via: 'pdfjs' };
}
