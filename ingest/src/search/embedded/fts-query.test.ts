import { describe, expect, it } from 'vitest';
import { allWords, quote, tonedWords } from './fts-query.ts';
import { queryWords } from '../query.ts';
import { Vocabulary } from './vocabulary.ts';

describe('FTS5 expressions', () => {
  const vocabulary = new Vocabulary(['lantern', 'festival', 'hoi', 'le']);

  it('quotes tokens and doubles quotes', () => {
    expect(quote('a"b')).toBe('"a""b"');
  });

  it('requires every word, prefix on the last, typo alternatives OR-ed', () => {
    const words = queryWords('lantren fest').map((word) => vocabulary.alternatives(word));
    expect(allWords(words)).toBe('{names body full}: (("lantren" OR "lantern") AND "fest" *)');
  });

  it('uses only the analyzer tokens of hostile text', () => {
    const words = queryWords('"x" NEAR(y* -z ^w').map((word) => vocabulary.alternatives(word));
    expect(allWords(words)).toBe('{names body full}: ("x" AND "near" AND "y" AND "z" AND "w" *)');
  });

  it('looks for toned words in the exact column', () => {
    expect(tonedWords(queryWords('lễ hoi'))).toBe('{exact}: ("lễ")');
    expect(tonedWords(queryWords('le hoi'))).toBeNull();
  });
});

describe('Vocabulary', () => {
  it.each([
    ['lantren', ['lantern'], []],
    ['kantern', [], []],
    ['festivla', ['festival'], []],
    ['hoi', [], []],
  ])('alternatives of %s', (word, oneTypo, twoTypos) => {
    const [query] = queryWords(`${word} `);
    const alternatives = new Vocabulary(['lantern', 'festival', 'hoi', 'hoa']).alternatives(query!);
    expect([alternatives.oneTypo, alternatives.twoTypos]).toEqual([oneTypo, twoTypos]);
  });
});
