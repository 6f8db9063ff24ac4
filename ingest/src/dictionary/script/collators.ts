/**
 * Browse orders that ICU already knows (Intl.Collator, the ICU in Node and in browsers).
 * Each is checked against its published order in collators.test.ts.
 */

/** A comparator for Array.prototype.sort. */
export type Compare = (a: string, b: string) => number;

/**
 * Khmer in dictionary order: the 33 consonants in their traditional order (ក ខ គ ឃ ង ច …
 * ឡ អ), then the independent vowels; a subscript consonant (្ + consonant) after the vowels
 * of its base, as CLDR's km tailoring orders it.
 */
export const compareKhmer: Compare = new Intl.Collator('km').compare;

/** Chinese by Hanyu Pinyin (syllable, then tone), traditional and simplified alike: CLDR's `pinyin` collation. */
export const compareHanByPinyin: Compare = new Intl.Collator('zh-u-co-pinyin').compare;

/**
 * Chinese by radical and residual stroke count (Unihan kRSUnicode, CLDR's `unihan`
 * collation), the order of the Kangxi dictionary's 214 radicals.
 */
export const compareHanByRadical: Compare = new Intl.Collator('zh-u-co-unihan').compare;

/**
 * Vietnamese in dictionary order: a ă â b c d đ e ê … ư v x y, the base letters first, then
 * the tones (level, grave, hook, tilde, acute, dot), as the Vietnam Lexicography Centre's
 * rules (Vũ Xuân Lương) order a dictionary.
 */
export const compareVietnamese: Compare = new Intl.Collator('vi').compare;

/**
 * Cham written in Latin (Rumi, the romanisation used in Viet Nam) uses the Vietnamese
 * letters with their marks (â, ă, ê, ô, ơ, ư…), so it sorts in the Vietnamese alphabet.
 */
export const compareChamRumi: Compare = compareVietnamese;

/**
 * Checks that this runtime's ICU has the tailorings: a small-ICU build resolves every
 * locale to English and has no `unihan` collation, and would sort silently in code point order.
 */
export function assertCollationsAvailable(): void {
  const missing = ['km', 'vi', 'zh-u-co-pinyin', 'zh-u-co-unihan'].filter((locale) => {
    const resolved = new Intl.Collator(locale).resolvedOptions();
    const language = locale.split('-')[0]!;
    return !resolved.locale.startsWith(language) || (locale.endsWith('unihan') && resolved.collation !== 'unihan');
  });
  if (missing.length > 0) {
    throw new Error(`This runtime's ICU lacks the collations ${missing.join(', ')}: run Node with full ICU.`);
  }
}
