import * as OpenCC from 'opencc-js';

/** Scripts the analyzer treats differently. */
export type Script = 'latin' | 'khmer' | 'han' | 'cham' | 'other';

const KHMER = /\p{Script=Khmer}/u;
const HAN = /\p{Script=Han}/u;
const CHAM = /\p{Script=Cham}/u;
const LATIN = /\p{Script=Latin}/u;
const COMBINING_MARKS = /\p{M}/gu;

/** @example scriptOf('អក') === 'khmer' */
export function scriptOf(word: string): Script {
  if (KHMER.test(word)) return 'khmer';
  if (HAN.test(word)) return 'han';
  if (CHAM.test(word)) return 'cham';
  if (LATIN.test(word)) return 'latin';
  return 'other';
}

// Traditional to simplified is many-to-one, so it folds deterministically (simplified to
// traditional is one-to-many: 发 is both 發 and 髮). Meilisearch's Chinese normalizer folds
// the same way.
// opencc-js ships declarations with extension-less imports that NodeNext resolution
// cannot follow, so the one function used here is typed by hand.
interface OpenCcModule {
  Converter(options: { from: 't'; to: 'cn' }): (text: string) => string;
}
const toSimplified = (OpenCC as unknown as OpenCcModule).Converter({ from: 't', to: 'cn' });
const hanCache = new Map<string, string>();

function foldHanChar(char: string): string {
  const converted = HAN.test(char) ? toSimplified(char) : char;
  const folded = converted.length === char.length ? converted : char;
  hanCache.set(char, folded);
  return folded;
}

/**
 * Folds each Han character to its simplified form, one character at a time so that
 * string offsets stay valid; a character whose folded form has another length is kept.
 * @example foldHan('關帝廟') === '关帝庙'
 */
export function foldHan(text: string): string {
  if (!HAN.test(text)) return text;
  let out = '';
  for (const char of text) {
    out += hanCache.get(char) ?? foldHanChar(char);
  }
  return out;
}

/**
 * The form a word is matched by: tones and other marks removed, đ read as d.
 * Khmer and Cham keep their marks (vowel signs and finals are letters, not accents:
 * stripping them would make ꨆꨩ and ꨆ one word).
 * @example foldWord('Lễ') === 'le'; foldWord('Đua') === 'dua'
 */
export function foldWord(word: string, script: Script = scriptOf(word)): string {
  const exact = exactWord(word);
  if (script === 'khmer' || script === 'han' || script === 'cham') return exact;
  return exact.normalize('NFKD').replace(COMBINING_MARKS, '').replaceAll('đ', 'd').normalize('NFC');
}

/**
 * The form the user typed, kept for tone-exact ranking: NFC, lower case, Han folded.
 * @example exactWord('Lễ') === 'lễ'
 */
export function exactWord(word: string): string {
  return foldHan(word.normalize('NFC').toLowerCase());
}
