import { key, type KeyboardLayout } from './layout.ts';

/**
 * Cham in Akhar Thrah (Unicode's Cham block, U+AA00..U+AA5F): a phonetic layout designed
 * for Disan. No published Akhar Thrah layout could be sourced for this project: Debian
 * ships none (xkb-data has no Cham symbols; m17n-db has only a font table for Cham, no
 * input method), and Keyman's published Cham keyboard types Rumi (Latin), not Akhar Thrah.
 * So each key carries the Cham letter that sounds like its Latin letter on a QWERTY
 * keyboard (k: KA, t: TA, m: MA...), with Shift:
 * - the final form where Cham has one (U+AA40..U+AA4D: Shift+k is FINAL K, Shift+m the
 *   FINAL SIGN M, Shift+h the FINAL SIGN H; `.` is the FINAL SIGN NG), so that ꨌꩌ
 *   "Cam" is q then Shift+m; else the aspirated or related consonant (Shift+d: DHA);
 * - on the vowel keys (a, i, u, e, o) the vowel sign, and with Shift the independent
 *   vowel (Shift+a: LETTER A); the other signs (II, OE, AI, AU, UE) on f, ' and ];
 * - the medial consonant signs (YA, LA, WA, RA) on ;, Shift+;, Shift+w and -;
 * - Cham digits on the number row, the four punctuation marks with Shift on 1..4.
 * Every assigned character of the block is on exactly one key (checked by cham.test.ts).
 */
export const CHAM: KeyboardLayout = {
  id: 'cham',
  lang: 'cjm',
  hasAltGr: false,
  rows: [
    [
      key('TLDE', 0xaa44, 0xaa41),
      key('AE01', 0xaa51, 0xaa5c),
      key('AE02', 0xaa52, 0xaa5d),
      key('AE03', 0xaa53, 0xaa5e),
      key('AE04', 0xaa54, 0xaa5f),
      key('AE05', 0xaa55, null),
      key('AE06', 0xaa56, null),
      key('AE07', 0xaa57, null),
      key('AE08', 0xaa58, null),
      key('AE09', 0xaa59, null),
      key('AE10', 0xaa50, null),
      key('AE11', 0xaa34, null),
    ],
    [
      key('AD01', 0xaa0c, 0xaa0d),
      key('AD02', 0xaa25, 0xaa36),
      key('AD03', 0xaa2c, 0xaa03),
      key('AD04', 0xaa23, 0xaa49),
      key('AD05', 0xaa13, 0xaa45),
      key('AD06', 0xaa22, 0xaa48),
      key('AD07', 0xaa2d, 0xaa02),
      key('AD08', 0xaa2a, 0xaa01),
      key('AD09', 0xaa2f, 0xaa05),
      key('AD10', 0xaa1a, 0xaa47),
      key('AD11', 0xaa1b, 0xaa1c),
      key('AD12', 0xaa31, 0xaa32),
    ],
    [
      key('AC01', 0xaa29, 0xaa00),
      key('AC02', 0xaa27, 0xaa26),
      key('AC03', 0xaa15, 0xaa16),
      key('AC04', 0xaa2b, 0xaa2e),
      key('AC05', 0xaa08, 0xaa09),
      key('AC06', 0xaa28, 0xaa4d),
      key('AC07', 0xaa10, 0xaa11),
      key('AC08', 0xaa06, 0xaa40),
      key('AC09', 0xaa24, 0xaa4a),
      key('AC10', 0xaa33, 0xaa35),
      key('AC11', 0xaa30, 0xaa04),
    ],
    [
      key('AB01', 0xaa12, 0xaa4b),
      key('AB02', 0xaa07, 0xaa14),
      key('AB03', 0xaa0f, 0xaa0e),
      key('AB04', 0xaa21, 0xaa19),
      key('AB05', 0xaa1d, 0xaa1e),
      key('AB06', 0xaa18, 0xaa46),
      key('AB07', 0xaa20, 0xaa4c),
      key('AB08', 0xaa0b, 0xaa42),
      key('AB09', 0xaa43, 0xaa17),
      key('AB10', 0xaa1f, 0xaa0a),
    ],
  ],
};

/** The assigned characters of the Cham block (Unicode 5.1, unchanged since): what the layout must cover. */
export const CHAM_ASSIGNED: readonly (readonly [number, number])[] = [
  [0xaa00, 0xaa36],
  [0xaa40, 0xaa4d],
  [0xaa50, 0xaa59],
  [0xaa5c, 0xaa5f],
];
