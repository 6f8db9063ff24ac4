import { foldHan, foldWord } from '../analyzer/fold.ts';
import type { QueryWord } from './query.ts';

/**
 * A cheap test that a raw text MAY hold a word matching a query word, run before the full
 * analysis (analyze + wordMatches), which costs ~50 times more: 5 000 pages take 1.3 s to
 * analyze but ~25 ms to probe. It must never say no where the analyzer would say yes, so:
 * - each letter of the key matches every spelling that folds to it (é, ệ, É, đ...),
 *   followed by any combining marks (decomposed text);
 * - Han characters match their traditional forms too;
 * - a word with a typo budget matches when any of budget*2+1 pieces of its key appears:
 *   one typo (an edit or a swap) touches at most two neighbouring pieces.
 * False positives only cost a full analysis.
 */
export interface WordProbe {
  /** The key itself (any spelling): the word, or a longer word it begins, may be there. */
  exact: RegExp;
  /** The key or any of its pieces: a word within the typo budget may be there. */
  any: RegExp;
  test(text: string): boolean;
}

export function wordProbe(word: QueryWord): WordProbe {
  const letters = Array.from(word.key);
  if (!letters.every(isKnownLetter)) return probe(ANYTHING, ANYTHING);
  const exact = new RegExp(letters.map(letterPattern).join(''), 'iu');
  if (word.budget === 0) return probe(exact, exact);
  const pieces = split(letters, Math.min(letters.length, word.budget * 2 + 1)).map((piece) => piece.map(letterPattern).join(''));
  return probe(exact, new RegExp(`(?:${pieces.join('|')})`, 'iu'));
}

function probe(exact: RegExp, any: RegExp): WordProbe {
  return { exact, any, test: (text) => any.test(text) };
}

/** Pieces as even as can be. @example split([...'abcde'], 3) → [['a','b'], ['c','d'], ['e']] */
function split<T>(items: readonly T[], count: number): T[][] {
  return Array.from({ length: count }, (_, index) => items.slice(Math.round((index * items.length) / count), Math.round(((index + 1) * items.length) / count)));
}

// Letters of other scripts (Greek, Cyrillic with marks...) fold in ways not tabled here:
// their words skip the probe rather than risk missing a match.
const ANYTHING = /(?:)/u;
const KNOWN_SCRIPTS = /^[\p{Script=Latin}\p{Script=Han}\p{Script=Khmer}\p{N}]$/u;

function isKnownLetter(letter: string): boolean {
  return KNOWN_SCRIPTS.test(letter);
}

function letterPattern(letter: string): string {
  const spellings = spellingsOf(letter);
  if (spellings.length === 1) return escapeRegExp(letter);
  return `[${spellings.map(escapeRegExp).join('')}]\\p{M}*`;
}

const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/-]/g;

function escapeRegExp(text: string): string {
  return text.replace(REGEXP_SYNTAX, '\\$&');
}

// Latin letters with marks (Latin-1, Extended-A/B, Vietnamese in Extended Additional) and
// full-width forms, which NFKD folds to ASCII. Ligatures (ﬁ) fold to two letters: not tabled.
const LATIN_RANGES: [number, number][] = [[0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x1e00, 0x1eff], [0xff21, 0xff3a], [0xff41, 0xff5a]];
// Unified ideographs, extension A and the compatibility ideographs NFC maps onto them.
const HAN_RANGES: [number, number][] = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]];
let latinSpellings: Map<string, string[]> | null = null;
let hanSpellings: Map<string, string[]> | null = null;

/** Every lower-case spelling that folds to `letter`, itself included. Tables built on first use. */
function spellingsOf(letter: string): string[] {
  latinSpellings ??= reverseFold(LATIN_RANGES, (char) => foldWord(char.toLowerCase(), 'latin'));
  const latin = latinSpellings.get(letter);
  if (latin) return latin;
  if (!/\p{Script=Han}/u.test(letter)) return [letter];
  // Built only when a Han word is searched (~70 ms once).
  hanSpellings ??= reverseFold(HAN_RANGES, (char) => foldHan(char.normalize('NFC')));
  return hanSpellings.get(letter) ?? [letter];
}

function reverseFold(ranges: readonly [number, number][], fold: (char: string) => string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const [low, high] of ranges) {
    for (let code = low; code <= high; code++) {
      const char = String.fromCodePoint(code).toLowerCase();
      const folded = fold(char);
      if (Array.from(folded).length !== 1) continue;
      const spellings = table.get(folded) ?? [folded];
      if (!spellings.includes(char)) spellings.push(char);
      table.set(folded, spellings);
    }
  }
  return table;
}
