/**
 * Words inside Khmer compounds. ICU's Khmer word segmenter (the one Meilisearch's tokenizer
 * and Intl.Segmenter share) keeps a compound whole when its dictionary has it: ទូកង (the
 * ngo boat), ពិធីបុណ្យ (ceremony), បុណ្យអុំទូក (the water festival) are one word each, so a
 * search for ទូក (boat) or បុណ្យ (festival) would not find them. The analyzer therefore
 * also indexes the dictionary words written inside a long Khmer word.
 *
 * A "dictionary word" is asked of the same segmenter: ICU splits a run it cannot find in its
 * dictionary into written clusters (ងកទូ gives ង|ក|ទូ), so a run of two or more clusters that
 * it returns as one word is in its dictionary. A single cluster cannot be tested that way
 * (ICU returns any lone cluster as a word); it counts only at an end of the compound whose
 * rest is a dictionary word (ផ្ទះ|បាយ), so letters inside words are not indexed alone.
 */

/**
 * One written cluster: a base (consonant or independent vowel) with the signs written on it,
 * a subscript consonant being the coeng sign (U+17D2) and a consonant. Any other Khmer
 * character (a digit, a lone sign) is a cluster of its own.
 */
const CLUSTER = /[\u1780-\u17B3](?:\u17D2[\u1780-\u17B3]|[\u17B4-\u17D1\u17D3\u17DD])*|[\u1780-\u17FF\u19E0-\u19FF]/gu;

/** Longer words are not searched inside (a run of 30 clusters would cost 435 segmenter calls). */
export const MAX_COMPOUND_CLUSTERS = 12;

const segmenter = new Intl.Segmenter('km', { granularity: 'word' });

/** A word found inside a compound, with UTF-16 offsets into the compound. */
export interface KhmerSubword {
  word: string;
  start: number;
  end: number;
}

/**
 * Written clusters of a Khmer word, with their offsets.
 * @example khmerClusters('ស្ករ').map((c) => c.text) // ['ស្ក', 'រ']
 */
export function khmerClusters(word: string): { text: string; start: number }[] {
  return Array.from(word.matchAll(CLUSTER), (match) => ({ text: match[0], start: match.index }));
}

function isDictionaryWord(text: string): boolean {
  const [first, second] = segmenter.segment(text);
  return second === undefined && first?.isWordLike === true && first.segment === text;
}

// Khmer words repeat: search each spelling once. Bounded like the analyzer's own cache.
const MAX_REMEMBERED = 20_000;
const remembered = new Map<string, readonly KhmerSubword[]>();

/**
 * The dictionary words written inside one Khmer word (the segmenter's output), longest
 * first, each once; empty for a word of one cluster or of more than MAX_COMPOUND_CLUSTERS.
 * @example khmerSubwords('ទូកង').map((s) => s.word) // ['ទូក', 'ង']
 */
export function khmerSubwords(word: string): readonly KhmerSubword[] {
  let found = remembered.get(word);
  if (found === undefined) {
    found = findSubwords(word);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(word, found);
  }
  return found;
}

function findSubwords(word: string): KhmerSubword[] {
  const clusters = khmerClusters(word);
  const count = clusters.length;
  if (count < 2 || count > MAX_COMPOUND_CLUSTERS || clusters.map((c) => c.text).join('') !== word) return [];
  const offset = (index: number): number => clusters[index]?.start ?? word.length;
  const coda = clusters.map((cluster, index) => isCoda(cluster.text, clusters[index - 1]?.text));
  // A part never starts on a final consonant nor stops before one: it would cut a syllable.
  const cutsNoSyllable = (from: number, to: number): boolean => coda[from] !== true && coda[to] !== true;
  const found = new Map<string, KhmerSubword>();
  const add = (from: number, to: number): void => {
    const text = word.slice(offset(from), offset(to));
    if (!found.has(text)) found.set(text, { word: text, start: offset(from), end: offset(to) });
  };
  for (let length = count - 1; length >= 2; length--) {
    for (let from = 0; from + length <= count; from++) {
      if (cutsNoSyllable(from, from + length) && isDictionaryWord(word.slice(offset(from), offset(from + length)))) add(from, from + length);
    }
  }
  // A lone cluster at either end, when the rest is a dictionary word and no longer word found
  // already covers it: ផ្ទះបាយ gives ផ្ទះ, and ទូកអុំ gives អុំ.
  const covered = (index: number): boolean =>
    [...found.values()].some((sub) => sub.start <= offset(index) && sub.end >= offset(index + 1));
  const loneStart = cutsNoSyllable(0, 1) && found.has(word.slice(offset(1))) && !covered(0);
  const loneEnd = cutsNoSyllable(count - 1, count) && found.has(word.slice(0, offset(count - 1))) && !covered(count - 1);
  if (loneStart) add(0, 1);
  if (loneEnd) add(count - 1, count);
  return [...found.values()];
}

const BARE_CONSONANT = /^[\u1780-\u17A2]([\u17CB\u17CD]?)$/u;
const VOWEL_SIGN = /[\u17B6-\u17C5]/u;

/**
 * Whether a cluster is the final consonant of the syllable before it: a consonant written
 * with a bantoc or toandakhiat, or a bare consonant after a written vowel (the ក of ទូក,
 * the ន of សែន). A bare consonant after a bare one may begin a syllable (the ក of កឋិន).
 */
function isCoda(cluster: string, previous: string | undefined): boolean {
  const match = BARE_CONSONANT.exec(cluster);
  if (!match || previous === undefined) return false;
  return match[1] !== '' || VOWEL_SIGN.test(previous);
}
