import { describe, expect, it } from 'vitest';
import { queryWords } from '../query.ts';
import { Vocabulary } from './vocabulary.ts';

const vocabulary = new Vocabulary(['lantern', 'lanterns', 'latern', 'pottery', 'potter', 'festival']);
const wordOf = (q: string): ReturnType<typeof queryWords>[number] => queryWords(q)[0]!;

describe('Vocabulary', () => {
  it('finds typo alternatives by count, skipping the prefix matches of a word being typed', () => {
    const typed = vocabulary.alternatives(wordOf('lantren'));
    expect([typed.oneTypo, typed.twoTypos]).toEqual([['lantern'], []]);
  });

  it('answers a repeated word from its cache with the new word attached', () => {
    const first = vocabulary.alternatives(wordOf('Potery '));
    const again = vocabulary.alternatives(wordOf('potery '));
    expect(again).toEqual(first);
    expect(vocabulary.alternatives(wordOf('potery')).oneTypo).toEqual(first.oneTypo);
  });

  it('keeps the prefix flag in the cache key', () => {
    expect(vocabulary.alternatives(wordOf('potte')).oneTypo).not.toContain('potter');
    expect(vocabulary.alternatives(wordOf('potte ')).oneTypo).toContain('potter');
  });
});
