import { describe, expect, it } from 'vitest';
import { entryMatches, entrySearchKeys, type EntryForms } from './search-keys.ts';

const ENTRIES: Record<string, EntryForms> = {
  'tuk-ngo': { headwords: ['ទូកង'], romanisations: ['tuk ngô'], glosses: ['ghe ngo', 'ngo boat'] },
  'quan-de-temple': { headwords: ['關帝廟', '关帝庙'], romanisations: ['gwaan1 dai3 miu6'], glosses: ['miếu Quan Đế', 'Guan Di temple'] },
  // 船 in Jyutping (syun4) and Teochew Peng'im (zung5).
  boat: { headwords: ['船'], romanisations: ['syun4', 'zung5'], glosses: ['thuyền', 'boat'] },
  // 長 is cháng (long) and zhǎng (elder): a word of one character is found by either reading.
  long: { headwords: ['長'], romanisations: [], glosses: ['dài'] },
  // A test string in Akhar Thrah (ka, ta, vowel sign ei) beside the Rumi name of the Katê festival.
  kate: { headwords: ['ꨆꨓꨬ', 'Katê'], romanisations: [], glosses: ['lễ hội Katê', 'Kate festival'] },
};
const KEYS = Object.fromEntries(Object.entries(ENTRIES).map(([id, forms]) => [id, entrySearchKeys(forms)]));
const found = (query: string): string[] => Object.keys(KEYS).filter((id) => entryMatches(query, KEYS[id]!));

describe('one search box across scripts (entrySearchKeys + entryMatches)', () => {
  it.each([
    ['Khmer headword', 'ទូកង', ['tuk-ngo']],
    ['Khmer word inside the compound', 'ទូក', ['tuk-ngo']],
    ['romanisation without marks', 'tuk ngo', ['tuk-ngo']],
    ['romanisation with marks and capitals', 'Túk ngô', ['tuk-ngo']],
    ['romanisation with a hyphen', 'tuk-ngo', ['tuk-ngo']],
    ['romanisation run together', 'tukngo', ['tuk-ngo']],
    ['Vietnamese gloss', 'ghe ngo', ['tuk-ngo']],
    ['Vietnamese gloss being typed', 'ghe n', ['tuk-ngo']],
    ['simplified Han', '关帝庙', ['quan-de-temple']],
    ['traditional Han', '關帝廟', ['quan-de-temple']],
    ['traditional Han being typed', '關帝', ['quan-de-temple']],
    ['pinyin without tones', 'guan di miao', ['quan-de-temple']],
    ['pinyin with tone marks, run together', 'guāndìmiào', ['quan-de-temple']],
    ['pinyin with tone numbers', 'guan1 di4 miao4', ['quan-de-temple']],
    ['Jyutping without tones', 'gwaan dai miu', ['quan-de-temple']],
    ['Vietnamese gloss with tones', 'miếu Quan Đế', ['quan-de-temple']],
    ['Vietnamese gloss without tones', 'mieu quan de', ['quan-de-temple']],
    ['one Han character', '船', ['boat']],
    ['toneless pinyin finds the character', 'chuan', ['boat']],
    ['pinyin with its tone mark', 'chuán', ['boat']],
    ['pinyin with its tone number', 'chuan2', ['boat']],
    ['pinyin prefix', 'chu', ['boat']],
    ['Jyutping with its tone number', 'syun4', ['boat']],
    ["Peng'im without its tone number", 'zung', ['boat']],
    ['Vietnamese gloss without tones', 'thuyen', ['boat']],
    ['English gloss prefix', 'boa', ['tuk-ngo', 'boat']],
    ['one reading of a one-character word', 'chang', ['long']],
    ['its other reading, with the tone number', 'zhang3', ['long']],
    ['its simplified form', '长', ['long']],
    ['Cham in Akhar Thrah', 'ꨆꨓꨬ', ['kate']],
    ['Cham in Rumi with its mark', 'Katê', ['kate']],
    ['Cham in Rumi without marks', 'kate', ['kate']],
    ['English gloss shared by two entries', 'boat', ['tuk-ngo', 'boat']],
  ])('%s: "%s" finds %j', (_name, query, expected) => {
    expect(found(query)).toEqual(expected);
  });

  it.each([
    ['the wrong tone number', 'chuan3'],
    ['a Cham word without its vowel sign', 'ꨆꨓ '],
    ['a finished word is no prefix', 'chu '],
    ['another Khmer compound of the same word', 'ទូកអុំ'],
    ['nothing at all', '  '],
  ])('%s: "%s" finds nothing', (_name, query) => {
    expect(found(query)).toEqual([]);
  });
});
