import type { HitPassage, TextPassage } from '@disan/schemas';
import { markMatches, probesFor, type Marked } from './highlight.ts';
import type { WordProbe } from './word-probe.ts';
import type { QueryWord } from './query.ts';

/** Passages shown under one hit. */
export const MAX_HIT_PASSAGES = 3;
/**
 * Passages fully analyzed per hit, at most (~0.25 ms each for a 300-word page): a word
 * found on every page of a 5 000-page book must not cost 5 000 tokenizations.
 */
export const MAX_ANALYZED_PASSAGES = 100;

/**
 * The places inside an item's media that hold the query words, best first: the most
 * distinct query words, then the fewest typos, then reading order. Matching is the engines' own (the
 * highlighter's matcher over the shared analyzer), so a passage is marked exactly where
 * the engines would match. `passages` must be in reading order.
 *
 * Work is bounded: the probes rank passages (words present as typed first, then words
 * that may be there with a typo) and at most MAX_ANALYZED_PASSAGES are analyzed, fewer
 * once `limit` passages hold every query word.
 */
export function locatePassages(passages: readonly TextPassage[], words: readonly QueryWord[], limit = MAX_HIT_PASSAGES): HitPassage[] {
  if (words.length === 0 || passages.length === 0) return [];
  const probes = probesFor(words);
  const every = new Set(words.map((word) => word.key)).size;
  const analyzed: { index: number; marked: Marked }[] = [];
  let complete = 0;
  for (const { index } of hopeful(passages, probes).slice(0, MAX_ANALYZED_PASSAGES)) {
    const marked = markMatches(passages[index]!.text, words, probes);
    if (!marked) continue;
    analyzed.push({ index, marked });
    if (marked.exact === every && ++complete === limit) break;
  }
  return analyzed
    .sort((a, b) => b.marked.score - a.marked.score || b.marked.exact - a.marked.exact || a.index - b.index)
    .slice(0, limit)
    .map(({ index, marked }) => toHitPassage(passages[index]!, marked.html));
}

/** Passages the probes let through, most promising first, then in reading order. */
function hopeful(passages: readonly TextPassage[], probes: readonly WordProbe[]): { index: number }[] {
  const found: { index: number; exact: number; any: number }[] = [];
  passages.forEach((passage, index) => {
    let [exact, any] = [0, 0];
    for (const probe of probes) {
      if (probe.exact.test(passage.text)) exact++;
      else if (probe.any !== probe.exact && probe.any.test(passage.text)) any++;
    }
    if (exact + any > 0) found.push({ index, exact, any });
  });
  return found.sort((a, b) => b.exact - a.exact || b.any - a.any || a.index - b.index);
}

function toHitPassage(passage: TextPassage, html: string): HitPassage {
  return {
    mediaId: passage.mediaId,
    source: passage.source,
    ...(passage.page === undefined ? {} : { page: passage.page }),
    ...(passage.startSeconds === undefined ? {} : { startSeconds: passage.startSeconds }),
    ...(passage.endSeconds === undefined ? {} : { endSeconds: passage.endSeconds }),
    ...(passage.recordingId ? { recordingId: passage.recordingId } : {}),
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
