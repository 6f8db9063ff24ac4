/** What the document reader needs from the engine: OCR word boxes and search inside one document. */
export { findInDocument, lineText } from './find.ts';
export { readDocumentWords, WORDS_RENDITION } from './words.ts';
