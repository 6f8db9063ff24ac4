import { pinyin } from 'pinyin-pro';
import { foldHan } from '../../analyzer/index.ts';

/**
 * Romanisations as search keys. Typed romanisations come with or without tone marks, with
 * tone numbers (pinyin chuan2, Jyutping syun4, Teochew Peng'im zung5), apostrophes and
 * hyphens; all fold to lower-case syllables without marks or numbers, one space apart.
 */

// A tone number written after a syllable's letters: chuan2, syun4, ngo5 (Peng'im has 1–8).
const TONE_NUMBER = /(?<=\p{L})[1-9](?=$|[^\p{N}])/gu;
const APOSTROPHES = /['’ʼ‘`]/gu;
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/**
 * @example foldRomanisation('Túk-ngo') === 'tuk ngo'
 * @example foldRomanisation("Xī'ān chuan2") === 'xian chuan'
 */
export function foldRomanisation(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replaceAll('đ', 'd')
    .replace(APOSTROPHES, '')
    .replace(TONE_NUMBER, '')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** Pinyin of a Han word in the forms a user may type. */
export interface PinyinForms {
  /** With tone marks, syllables apart: "guān dì miào". */
  toned: string;
  /** Without tones: "guan di miao". */
  plain: string;
  /** Tone numbers: "guan1 di4 miao4". */
  numbered: string;
  /** Syllables joined, without tones: "guandimiao". */
  joined: string;
  /** Every reading of a one-character word, with tone numbers: 行 has xing2, hang2, hang4, heng2. */
  readings: string[];
}

const HAN = /\p{Script=Han}/u;

/**
 * Mandarin pinyin of a Han word (traditional or simplified), read in context by pinyin-pro
 * (行 in 银行 is háng). Text that is not Han is kept as it is.
 * @example pinyinOf('船').plain === 'chuan'
 */
export function pinyinOf(han: string): PinyinForms {
  if (!HAN.test(han)) throw new Error(`pinyinOf expects Han characters, got "${han}"`);
  const text = foldHan(han.normalize('NFC'));
  const syllables = (toneType: 'symbol' | 'none' | 'num'): string[] =>
    pinyin(text, { toneType, type: 'array', nonZh: 'removed', v: false }).filter((syllable) => syllable.trim() !== '');
  const plain = syllables('none').map((syllable) => foldRomanisation(syllable));
  return {
    toned: syllables('symbol').join(' '),
    plain: plain.join(' '),
    numbered: syllables('num').join(' '),
    joined: plain.join(''),
    // A word of one character has no context to choose its reading from: keep them all.
    readings: Array.from(text).length === 1 ? pinyin(text, { toneType: 'num', type: 'array', multiple: true, v: false }) : [],
  };
}
