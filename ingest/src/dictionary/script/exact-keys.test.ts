import { describe, expect, it } from 'vitest';
import { wholeKey } from '../../analyzer/index.ts';
import { entryExactKeys } from './exact-keys.ts';

describe('entryExactKeys', () => {
  const dragonBoat = entryExactKeys({ headwords: ['龍舟', '龙舟'], romanisations: ['lung4 zau1'] });
  const boatRace = entryExactKeys({ headwords: ['ទូកង'], romanisations: ['tuk ngô'] });

  it('holds the Han headword once, folded, and its toneless pinyin joined', () => {
    expect(dragonBoat).toEqual(['龙舟', 'longzhou', 'lung4zau1', 'lungzau']);
  });

  it.each([
    ['traditional Han', '龍舟', dragonBoat],
    ['simplified Han', '龙舟', dragonBoat],
    ['pinyin with tone marks', 'lóngzhōu', dragonBoat],
    ['pinyin without tones, syllables apart', 'long zhou', dragonBoat],
    ['Jyutping with tone numbers', 'lung4 zau1', dragonBoat],
    ['Jyutping without them', 'lung zau', dragonBoat],
    ['the Khmer headword', 'ទូកង', boatRace],
    ['the romanisation without marks', 'tuk ngo', boatRace],
  ])('a query of %s ("%s") equals one of the keys', (_name, query, keys) => {
    expect(keys).toContain(wholeKey(query));
  });

  it.each([
    ['a word inside the compound', 'ទូក'],
    ['one syllable of the romanisation', 'tuk'],
    ['a longer text holding it', 'tuk ngo race'],
  ])('a query of %s ("%s") does not', (_name, query) => {
    expect(boatRace).not.toContain(wholeKey(query));
  });
});
