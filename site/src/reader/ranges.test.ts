import { describe, expect, it } from 'vitest';
import { termRanges } from './ranges.ts';

describe('termRanges', () => {
  it.each([
    ['every occurrence, any case', 'Mặc Sampot, sampot.', ['Sampot'], [[4, 10], [12, 18]]],
    ['whole words only in spaced scripts', 'Sampots Sampot', ['Sampot'], [[8, 14]]],
    ['Vietnamese spellings with their tones', 'Lễ hội Ok Om Bok, lễ cúng', ['Lễ', 'hội'], [[0, 2], [3, 6], [18, 20]]],
    ['nothing where NFC changes the length (offsets would shift): a decomposed spelling', 'le\u0302\u0303 hội', ['lễ'], []],
    ['Han inside a run of Han', '潮州會館天后', ['會館'], [[2, 4]]],
    ['overlapping terms once', 'Sampot', ['Sampot', 'sampot'], [[0, 6]]],
    ['nothing for no terms', 'Sampot', [], []],
  ])('marks %s', (_case, text, terms, expected) => {
    expect(termRanges(text, terms)).toEqual(expected);
  });
});
