import type { TextPassage, TextSource } from '@disan/schemas';

/**
 * A document's text comes from two jobs: the text layer (document.derivatives)
 * and OCR of the pages without one (document.ocr). Each replaces only its own
 * source's passages, so running either again never drops the other's text.
 * Passages are ordered by page (then time) and numbered again from 0.
 */
export function mergePassages(existing: readonly TextPassage[], source: TextSource, fresh: readonly Omit<TextPassage, 'seq'>[]): TextPassage[] {
  const kept: Omit<TextPassage, 'seq'>[] = existing.filter((p) => p.source !== source);
  return [...kept, ...fresh]
    .sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || (a.startSeconds ?? 0) - (b.startSeconds ?? 0))
    .map((passage, seq) => ({ ...passage, seq }));
}

/** Fewer letters or digits than this and a page counts as having no text layer (a scan, or a blank page). */
const MIN_TEXT_CHARS = 3;

export function hasText(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_TEXT_CHARS;
}
