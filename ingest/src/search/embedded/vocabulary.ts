import type { QueryWord } from '../query.ts';
import { typos } from '../typo.ts';

/** Indexed words a query word may match, by number of typos. */
export interface WordAlternatives {
  word: QueryWord;
  /** Words within the typo budget (never the word itself), one list per typo count. */
  oneTypo: string[];
  twoTypos: string[];
}

// A Levenshtein automaton over the whole vocabulary, in Meilisearch's way, bounded so a
// common misspelling cannot turn into a query of hundreds of words.
const MAX_TYPO_ALTERNATIVES = 30;
// Typed queries repeat their words (each keystroke, each page): remember recent expansions.
const MAX_CACHED_WORDS = 1000;

/** The sorted list of indexed words, searched for typo alternatives. */
export class Vocabulary {
  readonly #words: readonly string[];
  readonly #expanded = new Map<string, WordAlternatives>();

  constructor(words: readonly string[]) {
    this.#words = [...words].sort();
  }

  get size(): number {
    return this.#words.length;
  }

  alternatives(word: QueryWord): WordAlternatives {
    const key = `${word.budget}${word.prefix ? '*' : ''} ${word.key}`;
    const known = this.#expanded.get(key);
    if (known) return { ...known, word };
    const expanded = this.#expand(word);
    if (this.#expanded.size >= MAX_CACHED_WORDS) this.#expanded.clear();
    this.#expanded.set(key, expanded);
    return expanded;
  }

  #expand(word: QueryWord): WordAlternatives {
    const found: { word: string; typos: number }[] = [];
    if (word.budget > 0) {
      for (const candidate of this.#candidates(word)) {
        if (candidate === word.key || (word.prefix && candidate.startsWith(word.key))) continue;
        if (Math.abs(candidate.length - word.key.length) > word.budget) continue;
        const count = typos(word.key, candidate, word.budget);
        if (count !== null && count > 0) found.push({ word: candidate, typos: count });
      }
    }
    found.sort((a, b) => a.typos - b.typos);
    const kept = found.slice(0, MAX_TYPO_ALTERNATIVES);
    return {
      word,
      oneTypo: kept.filter((entry) => entry.typos === 1).map((entry) => entry.word),
      twoTypos: kept.filter((entry) => entry.typos === 2).map((entry) => entry.word),
    };
  }

  /** With one typo allowed the first letter must match (a first-letter typo counts two). */
  #candidates(word: QueryWord): readonly string[] {
    if (word.budget >= 2) return this.#words;
    const first = String.fromCodePoint(word.key.codePointAt(0) ?? 0);
    return this.#words.slice(this.#lowerBound(first), this.#lowerBound(`${first}\u{10FFFF}`));
  }

  #lowerBound(value: string): number {
    let [low, high] = [0, this.#words.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#words[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
