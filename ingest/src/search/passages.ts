import type { HitPassage, TextPassage } from '@disan/schemas';
import { markMatches, probesFor, type Marked } from './highlight.ts';
import type { QueryWord } from './query.ts';

/** Passages shown under one hit. */
export const MAX_HIT_PASSAGES = 3;
/**
 * Passages fully analyzed per hit, at most: a word found on every page of a 5 000-page
 * book must not cost 5 000 tokenizations. The probe already says which passages hold the
 * most query words, so the best ones are among these.
 */
export const MAX_ANALYZED_PASSAGES = 24;

/**
 * The places inside an item's media that hold the query words, best first: the most
 * distinct query words, then reading order. Matching is the engines' own (the
 * highlighter's matcher over the shared analyzer), so a passage is marked exactly where
 * the engines would match. `passages` must be in reading order.
 */
export function locatePassages(passages: readonly TextPassage[], words: readonly QueryWord[], limit = MAX_HIT_PASSAGES): HitPassage[] {
  if (words.length === 0 || passages.length === 0) return [];
  const probes = probesFor(words);
  const hopeful: { index: number; probed: number }[] = [];
  passages.forEach((passage, index) => {
    let probed = 0;
    for (const probe of probes) if (probe.test(passage.text)) probed++;
    if (probed > 0) hopeful.push({ index, probed });
  });
  const analyzed: { index: number; marked: Marked }[] = [];
  for (const { index } of hopeful.sort((a, b) => b.probed - a.probed || a.index - b.index).slice(0, MAX_ANALYZED_PASSAGES)) {
    const marked = markMatches(passages[index]!.text, words, probes);
    if (marked) analyzed.push({ index, marked });
  }
  return analyzed
    .sort((a, b) => b.marked.score - a.marked.score || a.index - b.index)
    .slice(0, limit)
    .map(({ index, marked }) => toHitPassage(passages[index]!, marked.html));
}

function toHitPassage(passage: TextPassage, html: string): HitPassage {
  return {
    mediaId: passage.mediaId,
    source: passage.source,
    ...(passage.page === undefined ? {} : { page: passage.page }),
    ...(passage.startSeconds === undefined ? {} : { startSeconds: passage.startSeconds }),
    ...(passage.endSeconds === undefined ? {} : { endSeconds: passage.endSeconds }),
    html,
  };
}

/**
 * Media text in reading order: media by their position in the item, then each medium's
 * passages by sequence. The catalog lists passages by media id, which is not the order
 * a reader meets them.
 */
export function inReadingOrder(passages: readonly TextPassage[], mediaOrder: ReadonlyMap<string, number>): TextPassage[] {
  const rank = (passage: TextPassage) => mediaOrder.get(passage.mediaId) ?? Number.MAX_SAFE_INTEGER;
  return [...passages].sort((a, b) => rank(a) - rank(b) || a.mediaId.localeCompare(b.mediaId) || a.seq - b.seq);
}
