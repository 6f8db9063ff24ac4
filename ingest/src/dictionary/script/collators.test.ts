import { describe, expect, it } from 'vitest';
import { assertCollationsAvailable, compareHanByPinyin, compareHanByRadical, compareKhmer, compareVietnamese, type Compare } from './collators.ts';

/** Sorting the reverse of a published order must give the order back. */
function expectOrder(compare: Compare, published: readonly string[]): void {
  expect([...published].reverse().sort(compare)).toEqual(published);
}

describe('browse orders checked against their published sources', () => {
  it('has the ICU tailorings in this runtime', () => {
    expect(() => { assertCollationsAvailable(); }).not.toThrow();
  });

  // The 33 consonants in the order of the Unicode Standard's Khmer chapter (16.4) and of
  // Chuon Nath's Khmer dictionary (វចនានុក្រមខ្មែរ, 1967).
  it('Khmer: the consonants in their traditional order', () => {
    expectOrder(compareKhmer, 'ក ខ គ ឃ ង ច ឆ ជ ឈ ញ ដ ឋ ឌ ឍ ណ ត ថ ទ ធ ន ប ផ ព ភ ម យ រ ល វ ស ហ ឡ អ'.split(' '));
  });

  it('Khmer: the independent vowels after the consonants', () => {
    expectOrder(compareKhmer, ['អ', 'ឥ', 'ឦ', 'ឧ', 'ឪ', 'ឯ', 'ឰ', 'ឱ', 'ឳ']);
  });

  it('Khmer: a consonant with its vowels, then with its subscripts, then the next consonant', () => {
    expectOrder(compareKhmer, ['ក', 'កា', 'កិ', 'កៅ', 'ក្ក', 'ក្រ', 'ក្ស', 'ខ']);
  });

  // Xiandai Hanyu Cidian's first entries: syllables in alphabetical order, tones 1–4 within one.
  it('Chinese by pinyin: a, ai, an, ang, then ba in tone order', () => {
    expectOrder(compareHanByPinyin, ['阿', '爱', '安', '昂', '八', '拔', '把', '爸', '中']);
  });

  it('Chinese by pinyin: traditional characters take their reading', () => {
    expect(['關', '愛', '船'].sort(compareHanByPinyin)).toEqual(['愛', '船', '關']);
  });

  // Unihan kRSUnicode: 一 1.0, 丁 1.1, 七 1.1, 上 1.2, 丨 2.0, 中 2.3, 乙 5.0, 亅 6.0, 人 9.0.
  it('Chinese by radical and strokes: the Kangxi radicals, then residual strokes', () => {
    expectOrder(compareHanByRadical, ['一', '丁', '七', '上', '丨', '中', '乙', '亅', '人']);
  });

  // Vietnam Lexicography Centre (Vũ Xuân Lương): a ă â b c d đ e ê …, tones level, grave,
  // hook above, tilde, acute, dot below.
  it('Vietnamese: the letters, then the tones in dictionary order', () => {
    expectOrder(compareVietnamese, ['a', 'à', 'ả', 'ã', 'á', 'ạ', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư', 'v']);
  });

  it('Vietnamese: a shorter word before a longer one it begins, letters before tones', () => {
    expectOrder(compareVietnamese, ['ác', 'ách', 'ba', 'bà', 'bả', 'cha', 'chan', 'ghe', 'ghe ngo']);
  });
});
