import { DocumentWords, type Media } from '@disan/schemas';
import { Compile } from 'typebox/compile';
import { readAll } from '../processing/read-all.ts';
import type { ObjectStorage } from '../storage/storage.ts';

/** The derivative holding a scanned document's OCR words and their boxes (written by the OCR job). */
export const WORDS_RENDITION = 'words';

const validWords = Compile(DocumentWords);

/**
 * The OCR words of a medium's scanned pages, or no pages when OCR made none (a born-digital
 * PDF, or a scan read before word boxes were kept). A stored file that is not what the OCR job
 * writes is treated as absent rather than sent on: it came from storage, not from a person.
 */
export async function readDocumentWords(storage: ObjectStorage, media: Media): Promise<DocumentWords> {
  const derivative = media.derivatives.find((d) => d.name === WORDS_RENDITION);
  if (!derivative) return { pages: [] };
  const { body } = await storage.get(derivative.key);
  const parsed = parseJson((await readAll(body)).toString('utf8'));
  return validWords.Check(parsed) ? parsed : { pages: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
