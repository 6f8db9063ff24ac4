import type { SearchDocument, SearchHit } from '@disan/schemas';
import { analyze, khmerSubwords, type Token } from '../analyzer/index.ts';
import type { QueryWord } from './query.ts';
import { typos } from './typo.ts';
import { wordProbe, type WordProbe } from './word-probe.ts';

/** About as many words as Meilisearch's default cropLength. */
export const CROP_WORDS = 30;
const ELLIPSIS = '…';

type Snippet = NonNullable<SearchHit['snippet']>;

interface Candidate {
  field: string;
  lang: string | undefined;
  text: string;
}

/**
 * The best matching passage of a document: the field value that matches the most query
 * words (titles first, the reader's language first), cropped around the matches, HTML
 * escaped, matches in <mark>. Both engines call this, so snippets never differ.
 */
export function snippet(document: SearchDocument, words: readonly QueryWord[], lang?: string): Snippet | null {
  if (words.length === 0) return null;
  const probes = probesFor(words);
  // No field can match more than every distinct query word: stop there.
  const most = new Set(words.map((word) => word.key)).size;
  let best: { candidate: Candidate; marked: Marked } | null = null;
  for (const candidate of candidates(document, lang)) {
    const marked = markMatches(candidate.text, words, probes);
    if (marked && marked.score > (best?.marked.score ?? 0)) best = { candidate, marked };
    if (best?.marked.score === most) break;
  }
  if (!best) return null;
  const { field, lang: bestLang } = best.candidate;
  return bestLang === undefined ? { field, html: best.marked.html } : { field, lang: bestLang, html: best.marked.html };
}

/** A text cropped around its matches, HTML escaped, matches in <mark>. */
export interface Marked {
  html: string;
  /** Distinct query words found. */
  score: number;
  /** Of those, the words found without a typo (as typed, or begun by the last word). */
  exact: number;
}

/**
 * Marks the query words in one text, or null when none matches. Texts the probes rule out
 * (see word-probe.ts) are not analyzed: long document pages cost a regex test, not a
 * tokenization.
 */
export function markMatches(text: string, words: readonly QueryWord[], probes: readonly WordProbe[] = probesFor(words)): Marked | null {
  const hopeful = words.filter((_, index) => probes[index]!.test(text));
  if (hopeful.length === 0) return null;
  const tokens = analyze(text);
  const found = new Set<string>();
  const exact = new Set<string>();
  const matched = tokens.map((token) => {
    let any = false;
    for (const word of hopeful) {
      if (!wordMatches(word, token.key) && !partMatches(word, token)) continue;
      found.add(word.key);
      if (token.key === word.key || (word.prefix && token.key.startsWith(word.key))) exact.add(word.key);
      any = true;
    }
    return any;
  });
  if (found.size === 0) return null;
  return { html: cropAndMark(text, tokens, matched), score: found.size, exact: exact.size };
}

// The words of one query are one array shared by every hit of the result: probe them once.
const probeCache = new WeakMap<readonly QueryWord[], WordProbe[]>();

export function probesFor(words: readonly QueryWord[]): WordProbe[] {
  let probes = probeCache.get(words);
  if (!probes) {
    probes = words.map(wordProbe);
    probeCache.set(words, probes);
  }
  return probes;
}

/** Same rule as the engines: equal, a prefix of the last word, or within the typo budget. */
export function wordMatches(word: QueryWord, key: string): boolean {
  if (key === word.key) return true;
  if (word.prefix && key.startsWith(word.key)) return true;
  return word.budget > 0 && typos(word.key, key, word.budget) !== null;
}

/** A word indexed inside a Khmer compound (analyzeForIndex) marks the whole compound. */
function partMatches(word: QueryWord, token: Token): boolean {
  return token.script === 'khmer' && khmerSubwords(token.key).some((part) => wordMatches(word, part.word));
}

function candidates(document: SearchDocument, lang: string | undefined): Candidate[] {
  const byLang = <T extends { lang: string }>(values: readonly T[]): T[] =>
    [...values].sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang));
  const plain = (field: string, values: readonly string[]): Candidate[] => values.map((text) => ({ field, lang: undefined, text }));
  return [
    ...byLang(document.title).map((title) => ({ field: 'title', lang: title.lang, text: title.value })),
    ...plain('alternativeNames', document.alternativeNames),
    ...byLang(document.description).map((text) => ({ field: 'description', lang: text.lang, text: text.value })),
    ...plain('subjects', document.subjects),
    ...plain('places', document.places),
    ...plain('library', document.library ?? []),
    ...plain('fullText', document.fullText),
  ];
}

function cropAndMark(text: string, tokens: readonly Token[], matched: readonly boolean[]): string {
  const [from, to] = bestWindow(matched);
  const first = tokens[from];
  const last = tokens[to];
  if (!first || !last) return escapeHtml(text);
  let html = from > 0 ? ELLIPSIS : '';
  let cursor = first.start;
  let open = false;
  for (let index = from; index <= to; index++) {
    const token = tokens[index]!;
    const gap = text.slice(cursor, token.start);
    // Adjacent matches (Han characters, Khmer words) share one <mark>.
    if (open && (gap !== '' || matched[index] !== true)) {
      html += '</mark>';
      open = false;
    }
    html += escapeHtml(gap);
    if (matched[index] === true && !open) {
      html += '<mark>';
      open = true;
    }
    html += escapeHtml(text.slice(token.start, token.end));
    cursor = token.end;
  }
  if (open) html += '</mark>';
  return to < tokens.length - 1 ? `${html}${ELLIPSIS}` : html + escapeHtml(text.slice(cursor));
}

/** The run of CROP_WORDS tokens holding the most matches, with a little context before them. */
function bestWindow(matched: readonly boolean[]): [number, number] {
  const total = matched.length;
  if (total <= CROP_WORDS) return [0, total - 1];
  let count = matched.slice(0, CROP_WORDS).filter(Boolean).length;
  let [bestStart, bestCount] = [0, count];
  for (let start = 1; start + CROP_WORDS <= total; start++) {
    count += Number(matched[start + CROP_WORDS - 1] === true) - Number(matched[start - 1] === true);
    if (count > bestCount) [bestStart, bestCount] = [start, count];
  }
  const firstMatch = Math.max(matched.indexOf(true, bestStart), bestStart);
  const start = Math.max(0, Math.min(firstMatch - 5, total - CROP_WORDS));
  return [start, start + CROP_WORDS - 1];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @example escapeHtml('<b>') === '&lt;b&gt;' */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
