import type { BrowseOrder } from '@disan/schemas';
import type { BrowseRow, BrowseSource } from '../catalog/dictionary.ts';
import { compareCham } from './script/cham-order.ts';
import { compareChamRumi, compareHanByPinyin, compareHanByRadical, compareKhmer, compareVietnamese, type Compare } from './script/collators.ts';
import type { HanRadicals } from './script/han-radicals.ts';
import { pinyinOf } from './script/romanisation.ts';

/**
 * Each browse order as ranks: which entries it holds, the text it sorts them by, the
 * section (letter to jump to) each falls under. Sorting is the script's collator
 * (ICU for Khmer, Chinese and Vietnamese, our table for Cham); ties by id, so a rebuild of
 * the same dictionary gives the same ranks.
 */

interface Keyed {
  id: string;
  text: string;
  /** Orders that sort two groups one after the other (Cham script, then Rumi). */
  group: number;
  section: string;
  label: string;
}

const HAN_SCRIPTS = new Set(['Hant', 'Hans']);
/** Khmer consonants and independent vowels (U+1780–U+17B3): the letters a Khmer dictionary heads its sections with. */
const KHMER_LETTER = /^[\u1780-\u17B3]/u;
const CHAM_LETTER = /^[\uAA00-\uAA28]/u;
/** The tone marks of Vietnamese (grave, acute, tilde, hook above, dot below): a section is the letter without its tone. */
const VIETNAMESE_TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

const firstOf = (source: BrowseSource, scripts: ReadonlySet<string>) => source.headwords.find((h) => scripts.has(h.script))?.value;
const initial = (text: string) => Array.from(text)[0] ?? '#';

/** The letter of a Latin-script word without its tone, upper-cased: "Đ" for "đình", "Ă" for "ăn", "A" for "ánh". */
export function latinSection(text: string): string {
  const letter = initial(text.trim().normalize('NFD').replace(VIETNAMESE_TONES, '').normalize('NFC'));
  return /\p{L}/u.test(letter) ? letter.toLocaleUpperCase('vi') : '#';
}

/** The comparator of each order's sort text. */
export const ORDER_COMPARE: Record<BrowseOrder, Compare> = {
  khmer: compareKhmer,
  pinyin: compareHanByPinyin,
  radical: compareHanByRadical,
  cham: compareCham,
  'vietnamese-gloss': compareVietnamese,
};

/** The entries an order holds, with their sort text and section. `radicals` is needed for the radical order only. */
function keyed(order: BrowseOrder, sources: readonly BrowseSource[], radicals: HanRadicals | undefined): Keyed[] {
  const out: Keyed[] = [];
  for (const source of sources) {
    const key = keyOf(order, source, radicals);
    if (key) out.push({ id: source.id, ...key });
  }
  return out;
}

function keyOf(order: BrowseOrder, source: BrowseSource, radicals: HanRadicals | undefined): Omit<Keyed, 'id'> | undefined {
  switch (order) {
    case 'khmer': {
      const text = firstOf(source, new Set(['Khmr']));
      return text === undefined ? undefined : letter(text, 0, KHMER_LETTER.test(text) ? initial(text) : '#');
    }
    case 'pinyin': {
      const text = firstOf(source, HAN_SCRIPTS);
      // The first syllable's initial letter: only the first character is read, whatever the word's length.
      return text === undefined ? undefined : letter(text, 0, latinSection(pinyinOrNothing(initial(text))));
    }
    case 'radical': {
      const text = firstOf(source, HAN_SCRIPTS);
      if (text === undefined) return undefined;
      const radical = radicals?.of(initial(text));
      return radical ? { text, group: 0, section: String(radical.radical), label: `${radical.radicalChar} ${radical.radical}` } : letter(text, 0, '#');
    }
    case 'cham': {
      const cham = firstOf(source, new Set(['Cham']));
      if (cham !== undefined) return letter(cham, 0, CHAM_LETTER.test(cham) ? initial(cham) : '#');
      // A Cham word written only in Rumi sorts after the Akhar Thrah ones, in the Vietnamese alphabet.
      const rumi = source.language === 'cjm' ? firstOf(source, new Set(['Latn'])) : undefined;
      return rumi === undefined ? undefined : { text: rumi, group: 1, section: `rumi:${latinSection(rumi)}`, label: latinSection(rumi) };
    }
    case 'vietnamese-gloss': {
      const gloss = source.glosses.find((g) => g.lang === 'vi' || g.lang.startsWith('vi-'))?.value;
      return gloss === undefined ? undefined : letter(gloss, 0, latinSection(gloss));
    }
  }
}

/** A section whose label is its key: a letter. */
const letter = (text: string, group: number, section: string): Omit<Keyed, 'id'> => ({ text, group, section, label: section });

function pinyinOrNothing(char: string): string {
  try {
    return pinyinOf(char).plain;
  } catch {
    return '#';
  }
}

/**
 * The ranks of one order over every entry: 100 000 entries are sorted once per change of
 * the dictionary, not per request (see BrowseService).
 * @example browseRows('khmer', [{ id: 'w1', language: 'km', headwords: [{ value: 'ទូក', script: 'Khmr' }], glosses: [] }]) // [{ itemId: 'w1', rank: 1, section: 'ទ', label: 'ទ' }]
 */
export function browseRows(order: BrowseOrder, sources: readonly BrowseSource[], radicals?: HanRadicals): BrowseRow[] {
  const compare = ORDER_COMPARE[order];
  const compareRumi = order === 'cham' ? compareChamRumi : compare;
  const rows = keyed(order, sources, radicals);
  rows.sort((a, b) => a.group - b.group || (a.group === 0 ? compare(a.text, b.text) : compareRumi(a.text, b.text)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map((row, index) => ({ itemId: row.id, rank: index + 1, section: row.section, label: row.label }));
}
