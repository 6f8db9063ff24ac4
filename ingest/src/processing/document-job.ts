import type { Media, Rendition, TextPassage } from '@disan/schemas';
import type { Catalog } from '../catalog/catalog.ts';
import type { Indexer } from '../indexing/indexer.ts';
import type { ImageAdapter } from '../media/image.ts';
import type { OpenedPdf, PdfAdapter, PdfFacts } from '../media/pdf.ts';
import type { PopplerAdapter } from '../media/poppler.ts';
import { IMAGE_RENDITIONS, type ImageRendition, RENDITION_EXTENSION } from '../media/renditions.ts';
import { derivativeKey } from '../storage/keys.ts';
import type { ObjectStorage } from '../storage/storage.ts';
import { readPageTexts } from './document-pages.ts';
import { hasText, mergePassages } from './document-text.ts';
import { createMediaJobHandler } from './media-job.ts';
import { readAll } from './read-all.ts';
import { WORDS_RENDITION } from '../reader/words.ts';

export interface DocumentJobDeps {
  catalog: Catalog;
  storage: ObjectStorage;
  images: ImageAdapter;
  pdf: PdfAdapter;
  poppler: PopplerAdapter;
  indexer: Indexer;
}

/**
 * Page images are made for the first 50 pages only: enough to leaf through a
 * report, while a 5 000-page register does not become 5 000 files. Text is
 * extracted from every page regardless.
 */
export const PAGE_IMAGE_CAP = 50;
const COVER_SIZE = 1024;
const PAGE_SIZE = 800;
/**
 * The same small JPEG photos get, so search results and cards (shown at 96×64)
 * are sent a few KiB rather than the 724×1024 cover the item page needs.
 */
const THUMB = IMAGE_RENDITIONS.find((r) => r.name === 'thumb')!;

/**
 * `document.derivatives` for a PDF: facts and metadata (→ `technical`), the text
 * layer of every page as one passage per page, a cover and low-resolution page
 * images. Pages without a text layer are handed to `document.ocr` (a follow-up,
 * see follow-ups.ts), a separate, lower-priority job, so a big scan never holds up
 * fresh uploads. A PDF that
 * cannot be read (password, damage) is a permanent outcome: the media is marked
 * failed with the reason and its original is kept.
 */
export function createDocumentJobHandler(deps: DocumentJobDeps) {
  const { catalog, storage, pdf } = deps;
  return createMediaJobHandler(deps, async (media) => {
    const bytes = await readAll((await storage.get(media.originalKey)).body);
    const opened = await pdf.open(bytes);
    const { passages, scanned } = await readPages(deps, opened, media, bytes).finally(() => opened.close());
    const derivatives = await renderPageImages(deps, media, bytes, opened.facts.pageCount);
    const existing = await catalog.texts.listForMedia(media.id);
    await catalog.texts.replace(media.id, mergePassages(existing, 'pdf-text', passages));
    // The OCR words belong to the OCR job, which a re-run of this one does not repeat.
    const ocrWords = media.derivatives.filter((d) => d.name === WORDS_RENDITION);
    return {
      pageCount: opened.facts.pageCount,
      derivatives: [...derivatives, ...ocrWords],
      technical: technical(opened.facts, passages.length, scanned, media.technical),
    };
  });
}

async function readPages(deps: DocumentJobDeps, opened: OpenedPdf, media: Media, bytes: Uint8Array) {
  const passages: Omit<TextPassage, 'seq'>[] = [];
  let scanned = 0;
  const { texts } = await readPageTexts(opened, deps.poppler, bytes);
  texts.forEach((text, index) => {
    if (hasText(text)) passages.push({ mediaId: media.id, itemId: media.itemId, source: 'pdf-text', page: index + 1, text });
    else scanned++;
  });
  return { passages, scanned };
}

/** Cover and thumbnail (page 1) and page images up to the cap: pdftoppm renders, sharp encodes. */
async function renderPageImages(deps: DocumentJobDeps, media: Media, bytes: Buffer, pageCount: number): Promise<Rendition[]> {
  const last = Math.min(pageCount, PAGE_IMAGE_CAP);
  const derivatives: Rendition[] = [];
  for await (const { page, png } of deps.poppler.renderPages(bytes, { first: 1, last, scaleTo: COVER_SIZE })) {
    const specs: ImageRendition[] = [
      ...(page === 1 ? [{ name: 'cover-webp', format: 'webp' as const, size: COVER_SIZE, quality: 80 }, THUMB] : []),
      { name: `page-${page}-webp`, format: 'webp' as const, size: PAGE_SIZE, quality: 75 },
    ];
    for (const encoded of await deps.images.renditions(png, specs)) {
      const format = specs.find((spec) => spec.name === encoded.name)!.format;
      const key = derivativeKey(media.id, encoded.name, RENDITION_EXTENSION[format]);
      const info = await deps.storage.put(key, encoded.data, { contentType: encoded.mimeType });
      const ofPage = encoded.name.startsWith('page-') ? { page } : {};
      derivatives.push({ name: encoded.name, key, mimeType: encoded.mimeType, size: info.size, width: encoded.width, height: encoded.height, ...ofPage });
    }
  }
  return derivatives;
}

function technical(facts: PdfFacts, textPages: number, scanned: number, previous: Media['technical']): NonNullable<Media['technical']> {
  const result: NonNullable<Media['technical']> = { ...previous, textPages, scannedPages: scanned, javascript: facts.javascript };
  const fields: [string, string | undefined][] = [
    ['title', facts.title], ['author', facts.author], ['subject', facts.subject], ['producer', facts.producer],
    ['creator', facts.creator], ['createdAt', facts.createdAt], ['pdfVersion', facts.pdfVersion],
  ];
  for (const [key, value] of fields) if (value !== undefined) result[key] = value;
  if (facts.pageCount > PAGE_IMAGE_CAP) {
    result.pageImagesNote = `page images for the first ${PAGE_IMAGE_CAP} of ${facts.pageCount} pages only; the text of every page is searchable`;
  }
  if (facts.javascript) result.javascriptNote = 'the PDF contains JavaScript; it was never run, and the original is served as a download';
  return result;
}
