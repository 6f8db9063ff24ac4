import { describe, expect, it } from 'vitest';
import { foldRomanisation, pinyinOf } from './romanisation.ts';

describe('foldRomanisation', () => {
  it.each([
    ['tone marks and capitals', 'Túk ngô', 'tuk ngo'],
    ['hyphens', 'tuk-ngo', 'tuk ngo'],
    ['pinyin tone marks', 'chuán', 'chuan'],
    ['pinyin tone numbers', 'chuan2', 'chuan'],
    ['apostrophes (pinyin, Peng\u2019im)', "Xi'an Peng’im", 'xian pengim'],
    ['Jyutping tone numbers', 'syun4 gaa1', 'syun gaa'],
    ["Teochew Peng'im tone numbers up to 8", 'zung5 ngou8', 'zung ngou'],
    ['Vietnamese đ', 'Đua ghe', 'dua ghe'],
    ['a number that is no tone', 'năm 1930', 'nam 1930'],
  ])('%s: %s', (_name, typed, expected) => {
    expect(foldRomanisation(typed)).toBe(expected);
  });
});

describe('pinyinOf', () => {
  it('gives every form a user may type', () => {
    expect(pinyinOf('關帝廟')).toEqual({ toned: 'guān dì miào', plain: 'guan di miao', numbered: 'guan1 di4 miao4', joined: 'guandimiao', readings: [] });
  });

  it('reads traditional and simplified alike', () => {
    expect(pinyinOf('會館')).toEqual(pinyinOf('会馆'));
  });

  it('reads a character in its word (行 is háng in 银行)', () => {
    expect(pinyinOf('银行').toned).toBe('yín háng');
  });

  it('keeps every reading of a one-character word', () => {
    expect(pinyinOf('行').readings).toEqual(['xing2', 'hang2', 'hang4', 'heng2']);
    expect(pinyinOf('長').readings).toEqual(['chang2', 'zhang3']);
  });

  it('refuses text without Han characters', () => {
    expect(() => pinyinOf('boat')).toThrow(/expects Han/);
  });
});
