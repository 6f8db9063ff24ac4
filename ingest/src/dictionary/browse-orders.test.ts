import { describe, expect, it } from 'vitest';
import type { BrowseSource } from '../catalog/dictionary.ts';
import { browseRows, latinSection } from './browse-orders.ts';
import { decodeCursor, encodeCursor } from './browse.ts';
import type { HanRadicals } from './script/han-radicals.ts';

const source = (id: string, language: string, headwords: [string, string][], gloss?: string): BrowseSource => ({
  id,
  language,
  headwords: headwords.map(([value, script]) => ({ value, script })),
  glosses: gloss === undefined ? [] : [{ lang: 'vi', value: gloss }],
});

const SOURCES: BrowseSource[] = [
  source('w-tuk', 'km', [['ទូក', 'Khmr']], 'thuyền'),
  source('w-kbal', 'km', [['ក្បាល', 'Khmr']], 'đầu'),
  source('w-ka', 'km', [['ក', 'Khmr']], 'cổ'),
  source('w-angkor', 'km', [['អង្គរ', 'Khmr']], 'Ăng-co'),
  source('w-chuan', 'cmn', [['船', 'Hant']], 'thuyền'),
  source('w-an', 'cmn', [['安', 'Hant']], 'an'),
  source('w-kate', 'cjm', [['Katê', 'Latn']]),
  source('w-cham', 'cjm', [['ꨆꨓ', 'Cham'], ['Kat', 'Latn']], 'lễ'),
  source('w-english', 'en', [['boat', 'Latn']], 'ăn'),
];

const ids = (order: Parameters<typeof browseRows>[0], radicals?: HanRadicals) => browseRows(order, SOURCES, radicals).map((r) => [r.itemId, r.rank, r.section, r.label]);

describe('browseRows', () => {
  it('ranks Khmer headwords in consonant order (ក before ទ before អ), a subscript after its base, sections by first letter', () => {
    expect(ids('khmer')).toEqual([
      ['w-ka', 1, 'ក', 'ក'],
      ['w-kbal', 2, 'ក', 'ក'],
      ['w-tuk', 3, 'ទ', 'ទ'],
      ['w-angkor', 4, 'អ', 'អ'],
    ]);
  });

  it('ranks Han headwords by pinyin with the initial as section, and by radical with the radical as label', () => {
    expect(ids('pinyin')).toEqual([['w-an', 1, 'A', 'A'], ['w-chuan', 2, 'C', 'C']]);
    const radicals: HanRadicals = {
      of: (char) => (char === '安' ? { radical: 40, radicalChar: '宀', simplifiedRadical: false, residualStrokes: 3, totalStrokes: 6 } : { radical: 137, radicalChar: '舟', simplifiedRadical: false, residualStrokes: 5, totalStrokes: 11 }),
      size: 2,
    };
    expect(ids('radical', radicals)).toEqual([['w-an', 1, '40', '宀 40'], ['w-chuan', 2, '137', '舟 137']]);
  });

  it('ranks Cham script before Cham written only in Rumi; other languages in Latin stay out', () => {
    expect(ids('cham')).toEqual([['w-cham', 1, 'ꨆ', 'ꨆ'], ['w-kate', 2, 'rumi:K', 'K']]);
  });

  it('ranks Vietnamese glosses in the Vietnamese alphabet (a, ă, …, đ after d), sections without tones', () => {
    expect(ids('vietnamese-gloss').map(([id, , section]) => [id, section])).toEqual([
      ['w-an', 'A'],
      // ăn before Ăng-co: case is a tertiary difference, the letters decide.
      ['w-english', 'Ă'],
      ['w-angkor', 'Ă'],
      ['w-ka', 'C'],
      ['w-kbal', 'Đ'],
      ['w-cham', 'L'],
      ['w-chuan', 'T'],
      ['w-tuk', 'T'],
    ]);
  });
});

describe('latinSection', () => {
  it.each([['đình', 'Đ'], ['ánh', 'A'], ['ẳm', 'Ă'], ['ơn', 'Ơ'], ['  ư', 'Ư'], ['123', '#']])('%s → %s', (text, section) => {
    expect(latinSection(text)).toBe(section);
  });
});

describe('browse cursors', () => {
  it('round-trip, and refuse what this API did not give', () => {
    const cursor = { order: 'khmer' as const, rank: 12, id: 'w-tuk', stamp: '3|2026-01-01T00:00:00.000Z|-' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ['', 'not-base64!', Buffer.from('["nope",1,"x","s"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad), bad).toThrow(/not one this API gave/);
    }
  });
});
