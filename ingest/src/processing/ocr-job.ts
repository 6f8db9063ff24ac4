import type { DocumentWords, Media, PageWords, Rendition, TextPassage } from '@disan/schemas';
import type { Catalog } from '../catalog/catalog.ts';
import { isPermanent } from '../errors.ts';
import type { Indexer } from '../indexing/indexer.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { DONE, JOB_PRIORITY, skipped, type JobOutcome } from '../jobs/types.ts';
import type { ImageAdapter } from '../media/image.ts';
import { tesseractLanguages, type OcrAdapter } from '../media/ocr.ts';
import type { PopplerAdapter } from '../media/poppler.ts';
import { WORDS_RENDITION } from '../reader/words.ts';
import { derivativeKey } from '../storage/keys.ts';
import type { ObjectStorage } from '../storage/storage.ts';
import { hasText, mergePassages } from './document-text.ts';
import { readAll } from './read-all.ts';

export interface OcrJobDeps {
  catalog: Catalog;
  storage: ObjectStorage;
  images: ImageAdapter;
  poppler: PopplerAdapter;
  ocr: OcrAdapter;
  indexer: Indexer;
}

/** Scans are read at 300 dpi, tesseract's sweet spot for body text. */
const OCR_DPI = 300;
/** Pages rendered per pdftoppm call: few enough to keep temp files small, many enough to parse the PDF rarely. */
const RENDER_BATCH = 10;
/** Longest edge of a scanned image handed to tesseract (larger ones are shrunk, smaller ones kept). */
const OCR_IMAGE_EDGE = 4000;

/**
 * `document.ocr`: reads the pages of a PDF that have no text layer, or a scanned
 * image on a document item, with tesseract in the item's languages, and stores
 * the text per page (`source: 'ocr'`) beside the text layer's passages, and the
 * words' positions (the `words` derivative, see storeWords) for the reader. A page
 * tesseract cannot read is noted in `technical.ocrError`; the document stays
 * usable, since its original, page images and text layer are already there.
 */
export function createOcrJobHandler(deps: OcrJobDeps) {
  const { catalog, indexer } = deps;
  return async function documentOcr(payload: { mediaId: string }): Promise<JobOutcome> {
    const media = await catalog.media.get(payload.mediaId);
    if (!media) return skipped('the media no longer exists');
    if (media.status !== 'ready') return skipped('the media is not ready: OCR reads its renditions and text layer');
    const item = await catalog.items.get(media.itemId);
    const languages = tesseractLanguages(item?.languages);
    const existing = await catalog.texts.listForMedia(media.id);
    const bytes = await readAll((await deps.storage.get(media.originalKey)).body);
    const lang = ocrLang(item?.languages);
    const fresh: Omit<TextPassage, 'seq'>[] = [];
    const words: PageWords[] = [];
    let ocrError: string | undefined;
    try {
      const pages = media.kind === 'image' ? readImage(deps, bytes, languages) : readScannedPages(deps, media, existing, bytes, languages);
      for await (const { page, read } of pages) {
        if (!hasText(read.text)) continue;
        fresh.push({ mediaId: media.id, itemId: media.itemId, source: 'ocr', page, ...(lang ? { lang } : {}), text: read.text });
        words.push({ page, lines: read.lines });
      }
    } catch (error) {
      if (!isPermanent(error)) throw error;
      ocrError = error.message;
    }
    await catalog.texts.replace(media.id, mergePassages(existing, 'ocr', fresh));
    const derivatives = await storeWords(deps.storage, media, { pages: words });
    const { ocrError: _previous, ...technical } = media.technical ?? {};
    await catalog.media.update(media.id, { derivatives, technical: { ...technical, ocrLanguages: languages, ocrPages: fresh.length, ...(ocrError ? { ocrError } : {}) } });
    await indexer.indexItems([media.itemId]);
    return DONE;
  };
}

async function* readImage(deps: OcrJobDeps, bytes: Buffer, languages: string) {
  // Upright and in a format tesseract reads, whatever the upload was (WebP, AVIF, rotated JPEG).
  const [upright] = await deps.images.renditions(bytes, [{ name: 'ocr', format: 'jpeg', size: OCR_IMAGE_EDGE, quality: 92 }]);
  yield { page: 1, read: await deps.ocr.recognise(upright!.data, languages) };
}

/** Pages without a text layer: every page the text layer job stored nothing for. */
async function* readScannedPages(deps: OcrJobDeps, media: Media, existing: readonly TextPassage[], bytes: Buffer, languages: string) {
  const withText = new Set(existing.filter((p) => p.source === 'pdf-text').map((p) => p.page));
  const pages = Array.from({ length: media.pageCount ?? 0 }, (_, i) => i + 1).filter((page) => !withText.has(page));
  for (const run of contiguousRuns(pages, RENDER_BATCH)) {
    for await (const { page, png } of deps.poppler.renderPages(bytes, { first: run[0]!, last: run.at(-1)!, dpi: OCR_DPI, gray: true })) {
      if (run.includes(page)) yield { page, read: await deps.ocr.recognise(png, languages) };
    }
  }
}

/**
 * The OCR words of every read page, as one small JSON derivative (`words`) at a fixed
 * key, so a re-run overwrites it; the medium's derivatives with it, or without it when
 * OCR read nothing.
 */
async function storeWords(storage: ObjectStorage, media: Media, words: DocumentWords): Promise<Rendition[]> {
  const others = media.derivatives.filter((d) => d.name !== WORDS_RENDITION);
  if (words.pages.length === 0) return others;
  const key = derivativeKey(media.id, WORDS_RENDITION, 'json');
  const info = await storage.put(key, Buffer.from(JSON.stringify(words)), { contentType: 'application/json' });
  return [...others, { name: WORDS_RENDITION, key, mimeType: 'application/json', size: info.size }];
}

/** @example contiguousRuns([1, 2, 3, 7, 8], 2) // [[1, 2], [3], [7, 8]] */
export function contiguousRuns(pages: readonly number[], max: number): number[][] {
  const runs: number[][] = [];
  for (const page of pages) {
    const last = runs.at(-1);
    if (last && last.length < max && last.at(-1) === page - 1) last.push(page);
    else runs.push([page]);
  }
  return runs;
}

/** The text's language when the item names exactly one; tesseract does not say which of several it used. */
function ocrLang(languages: readonly string[] | undefined): string | undefined {
  return languages?.length === 1 ? languages[0] : undefined;
}

/**
 * Follows a document or image job: a PDF with pages that have no text layer, or an
 * image on an item catalogued as a document (a scanned page), is read by OCR once
 * its renditions exist. Queueing is idempotent: a done OCR job is left alone.
 */
export async function queueOcr(archive: { catalog: Catalog; jobs: JobQueue }, mediaId: string): Promise<void> {
  const media = await archive.catalog.media.get(mediaId);
  if (media?.status !== 'ready' || !(await needsOcr(archive.catalog, media))) return;
  await archive.jobs.enqueue('document.ocr', media.id, { mediaId: media.id }, { priority: JOB_PRIORITY.normal });
}

async function needsOcr(catalog: Catalog, media: Media): Promise<boolean> {
  if (media.kind === 'document') return Number(media.technical?.scannedPages ?? 0) > 0;
  if (media.kind !== 'image') return false;
  return (await catalog.items.get(media.itemId))?.kind === 'document';
}
