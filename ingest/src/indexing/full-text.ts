import type { Media, TextPassage } from '@disan/schemas';
import { analyze } from '../analyzer/index.ts';
import { inReadingOrder } from '../search/passages.ts';

/**
 * Most words of media text one item sends to the index. Meilisearch indexes at most
 * 65 535 positions per attribute and silently ignores words past that (docs: "Known
 * limitations", maximum number of words per attribute); the embedded engine gets the same
 * cap, so both find the same items, and stored documents stay a few hundred KB.
 * 50 000 leaves room for Meilisearch's own tokenizer splitting a few analyzer words.
 */
export const MAX_FULL_TEXT_WORDS = 50_000;

/**
 * The text inside an item's media, as the index sees it: media captions, then document
 * pages and caption cues in reading order. Media text of a metadata-only record is left
 * out: whoever may not open its media must not find the record by words inside them (its
 * description and media captions, written by the archive, stay searchable).
 */
export function mediaText(media: readonly Media[], passages: readonly TextPassage[], metadataOnly: boolean): string[] {
  const captions = media.map((m) => m.caption).filter((c): c is string => Boolean(c));
  if (metadataOnly || passages.length === 0) return captions;
  const order = new Map(media.map((m) => [m.id, m.position]));
  return capWords([...captions, ...inReadingOrder(passages, order).map((p) => p.text)]);
}

/**
 * Texts up to `maxWords` words. A longer text (a 5 000-page book) keeps its first half
 * budget as written, so snippets and proximity work there, then every other distinct word
 * once, in order of first appearance, until the budget is spent: a word on page 4 000
 * still finds the book, and the search service still locates its page from the catalog.
 */
export function capWords(texts: readonly string[], maxWords = MAX_FULL_TEXT_WORDS): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  let used = 0;
  let next = 0;
  for (; next < texts.length; next++) {
    const tokens = analyze(texts[next]!);
    if (used + tokens.length > maxWords / 2) break;
    kept.push(texts[next]!);
    used += tokens.length;
    for (const token of tokens) seen.add(token.exact);
  }
  // One analysis of the rest serves both questions: does it all fit, and which words are new.
  const fresh: string[] = [];
  let rest = 0;
  for (const text of texts.slice(next)) {
    for (const token of analyze(text)) {
      rest++;
      if (seen.has(token.exact)) continue;
      seen.add(token.exact);
      fresh.push(token.exact);
    }
  }
  if (used + rest <= maxWords) return [...texts];
  return fresh.length === 0 ? kept : [...kept, fresh.slice(0, maxWords - used).join(' ')];
}
