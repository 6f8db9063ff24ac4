import type { Compare } from './collators.ts';

/**
 * Cham (Akhar Thrah, the Unicode Cham block U+AA00–U+AA5F) in its own letter order. ICU has
 * no Cham collation, so the order is written here once.
 *
 * Source: Michael Everson, "Proposal for encoding the Cham script in the BMP of the UCS",
 * ISO/IEC JTC1/SC2/WG2 N3120 = L2/06-257 (2006-08-06), whose character table (the block's code
 * chart) lists the letters in this order: the independent vowels a i u e ai o, then the
 * consonants by place of articulation, ka kha ga gha ngue nga / cha chha ja jha nhue nha nhja
 * / ta tha da dha nue na dda / pa ppa pha ba bha mue ma bba / ya ra la va ssa sa ha; its
 * transliteration follows Bùi Khánh Thế's Cham–Vietnamese dictionary (1995).
 *
 * Rules of our own, on top of the letter order (stated so a reviewer can change them):
 * - a final consonant (U+AA40–AA4D) and a medial (U+AA33–AA36) sort as the consonant they write;
 * - the dependent vowel signs (U+AA29–AA32) sort before any consonant, so the syllables of one
 *   consonant stay together: ka, kā, ki, … before kaka and kak (the full letter first);
 * - other characters (digits, punctuation, other scripts) sort after the letters, by code point.
 */
const LETTERS = [
  // Independent vowels: a i u e ai o.
  0xaa00, 0xaa01, 0xaa02, 0xaa03, 0xaa04, 0xaa05,
  // Consonants ka … ha.
  ...range(0xaa06, 0xaa28),
];
const VOWEL_SIGNS = range(0xaa29, 0xaa32);

/** Medials and finals, each with the consonant it writes. */
const WRITES_CONSONANT: Record<number, number> = {
  0xaa33: 0xaa22, // medial ya
  0xaa34: 0xaa23, // medial ra
  0xaa35: 0xaa24, // medial la
  0xaa36: 0xaa25, // medial wa
  0xaa40: 0xaa06, // final ka
  0xaa41: 0xaa08, // final ga
  0xaa42: 0xaa0b, // final nga
  0xaa43: 0xaa0b, // final ng (consonant sign)
  0xaa44: 0xaa0c, // final cha
  0xaa45: 0xaa13, // final ta
  0xaa46: 0xaa18, // final na
  0xaa47: 0xaa1a, // final pa
  0xaa48: 0xaa22, // final ya
  0xaa49: 0xaa23, // final ra
  0xaa4a: 0xaa24, // final la
  0xaa4b: 0xaa26, // final ssa
  0xaa4c: 0xaa20, // final ma (consonant sign)
  0xaa4d: 0xaa28, // final ha (consonant sign)
};

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

// Weights: vowel signs 1…, letters after them, anything else after every letter.
const VOWEL_BASE = 1;
const LETTER_BASE = VOWEL_BASE + VOWEL_SIGNS.length;
const OTHER_BASE = LETTER_BASE + LETTERS.length;
const primary = new Map<number, number>([
  ...VOWEL_SIGNS.map((code, index): [number, number] => [code, VOWEL_BASE + index]),
  ...LETTERS.map((code, index): [number, number] => [code, LETTER_BASE + index]),
]);
for (const [sign, consonant] of Object.entries(WRITES_CONSONANT)) primary.set(Number(sign), primary.get(consonant)!);

/** The primary weights of a Cham text, one per character. */
export function chamSortKey(text: string): number[] {
  return Array.from(text.normalize('NFC'), (char) => {
    const code = char.codePointAt(0)!;
    return primary.get(code) ?? OTHER_BASE + code;
  });
}

/**
 * Cham in its letter order; a full letter before the final or medial that writes the same
 * consonant; otherwise code point order, so the result is total and stable.
 * @example ['ꨈ', 'ꨆ', 'ꨀ'].sort(compareCham) // ['ꨀ', 'ꨆ', 'ꨈ']  (a, ka, ga)
 */
export const compareCham: Compare = (a, b) => {
  const keyA = chamSortKey(a);
  const keyB = chamSortKey(b);
  for (let index = 0; index < Math.min(keyA.length, keyB.length); index++) {
    const difference = keyA[index]! - keyB[index]!;
    if (difference !== 0) return difference;
  }
  if (keyA.length !== keyB.length) return keyA.length - keyB.length;
  return a < b ? -1 : a > b ? 1 : 0;
};
