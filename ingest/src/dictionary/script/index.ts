export { compareChamRumi, compareHanByPinyin, compareHanByRadical, compareKhmer, compareVietnamese, assertCollationsAvailable, type Compare } from './collators.ts';
export { chamSortKey, compareCham } from './cham-order.ts';
export { DEBIAN_UNICODE_DIR, loadHanRadicals, type HanRadicals, type RadicalStroke } from './han-radicals.ts';
export { foldRomanisation, pinyinOf, type PinyinForms } from './romanisation.ts';
export { entryMatches, entrySearchKeys, type EntryForms } from './search-keys.ts';
export { entryExactKeys } from './exact-keys.ts';
