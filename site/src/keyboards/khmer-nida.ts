import { key, type KeyboardLayout } from './layout.ts';

/**
 * Khmer, the NiDA standard layout (National Information Communications Technology
 * Development Authority of Cambodia), written from the table Debian ships in xkb-data
 * 2.35 (`/usr/share/X11/xkb/symbols/kh`, variant "basic", by Jens Herden, 2005): normal,
 * Shift, AltGr and AltGr+Shift levels, the keys in the same order.
 *
 * Two departures, both for an on-screen keyboard:
 * - NiDA's space bar types U+200B (zero width space) and U+0020 only with Shift; the
 *   panel's space key always types U+0020, since a search box needs words apart.
 * - xkb-data writes five vowel combinations as the unassigned code points U+17FB..U+17FF,
 *   which X11's Compose table (libx11-data, `/usr/share/X11/locale/en_US.UTF-8/Compose`)
 *   expands to two code points each; they are written here as those pairs (COMBINED).
 */
const COMBINED = {
  /** U+17FB: ុះ */
  uh: '\u17BB\u17C7',
  /** U+17FC: ុំ */
  um: '\u17BB\u17C6',
  /** U+17FD: េះ */
  eh: '\u17C1\u17C7',
  /** U+17FE: ោះ */
  oh: '\u17C4\u17C7',
  /** U+17FF: ាំ */
  am: '\u17B6\u17C6',
} as const;

const ZWNJ = 0x200c;
const ZWJ = 0x200d;

export const KHMER_NIDA: KeyboardLayout = {
  id: 'khmer-nida',
  lang: 'km',
  hasAltGr: true,
  rows: [
    [
      key('TLDE', '«', '»', ZWJ, null),
      key('AE01', 0x17e1, '!', ZWNJ, 0x17f1),
      key('AE02', 0x17e2, 0x17d7, '@', 0x17f2),
      key('AE03', 0x17e3, '"', 0x17d1, 0x17f3),
      key('AE04', 0x17e4, 0x17db, '$', 0x17f4),
      key('AE05', 0x17e5, '%', '€', 0x17f5),
      key('AE06', 0x17e6, 0x17cd, 0x17d9, 0x17f6),
      key('AE07', 0x17e7, 0x17d0, 0x17da, 0x17f7),
      key('AE08', 0x17e8, 0x17cf, '*', 0x17f8),
      key('AE09', 0x17e9, '(', '{', 0x17f9),
      key('AE10', 0x17e0, ')', '}', 0x17f0),
      key('AE11', 0x17a5, 0x17cc, 'x', null),
      key('AE12', 0x17b2, '=', 0x17ce, null),
    ],
    [
      key('AD01', 0x1786, 0x1788, 0x17dc, 0x19e0),
      key('AD02', 0x17b9, 0x17ba, 0x17dd, 0x19e1),
      key('AD03', 0x17c1, 0x17c2, 0x17af, 0x19e2),
      key('AD04', 0x179a, 0x17ac, 0x17ab, 0x19e3),
      key('AD05', 0x178f, 0x1791, 0x17a8, 0x19e4),
      key('AD06', 0x1799, 0x17bd, null, 0x19e5),
      key('AD07', 0x17bb, 0x17bc, null, 0x19e6),
      key('AD08', 0x17b7, 0x17b8, 0x17a6, 0x19e7),
      key('AD09', 0x17c4, 0x17c5, 0x17b1, 0x19e8),
      key('AD10', 0x1795, 0x1797, 0x17b0, 0x19e9),
      key('AD11', 0x17c0, 0x17bf, 0x17a9, 0x19ea),
      key('AD12', 0x17aa, 0x17a7, 0x17b3, 0x19eb),
      key('BKSL', 0x17ae, 0x17ad, '\\', null),
    ],
    [
      key('AC01', 0x17b6, COMBINED.am, null, 0x19ec),
      key('AC02', 0x179f, 0x17c3, null, 0x19ed),
      key('AC03', 0x178a, 0x178c, null, 0x19ee),
      key('AC04', 0x1790, 0x1792, null, 0x19ef),
      key('AC05', 0x1784, 0x17a2, null, 0x19f0),
      key('AC06', 0x17a0, 0x17c7, null, 0x19f1),
      key('AC07', 0x17d2, 0x1789, null, 0x19f2),
      key('AC08', 0x1780, 0x1782, 0x179d, 0x19f3),
      key('AC09', 0x179b, 0x17a1, null, 0x19f4),
      key('AC10', 0x17be, COMBINED.oh, 0x17d6, 0x19f5),
      key('AC11', 0x17cb, 0x17c9, 0x17c8, 0x19f6),
    ],
    [
      key('AB01', 0x178b, 0x178d, null, 0x19f7),
      key('AB02', 0x1781, 0x1783, null, 0x19f8),
      key('AB03', 0x1785, 0x1787, null, 0x19f9),
      key('AB04', 0x179c, COMBINED.eh, null, 0x19fa),
      key('AB05', 0x1794, 0x1796, 0x179e, 0x19fb),
      key('AB06', 0x1793, 0x178e, null, 0x19fc),
      key('AB07', 0x1798, 0x17c6, null, 0x19fd),
      key('AB08', COMBINED.um, COMBINED.uh, ',', 0x19fe),
      key('AB09', 0x17d4, 0x17d5, '.', 0x19ff),
      key('AB10', 0x17ca, '?', '/', null),
    ],
  ],
};

/** KHMER SIGN COENG: typed before a consonant, it makes that consonant a subscript (ខ្មែរ). */
export const COENG = '\u17D2';

/** Khmer consonants, U+1780 KA .. U+17A2 QA: the letters coeng can put below another. */
export const isKhmerConsonant = (c: string): boolean => /^[\u1780-\u17A2]$/u.test(c);
