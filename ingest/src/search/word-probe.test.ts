import { describe, expect, it } from 'vitest';
import { analyze } from '../analyzer/index.ts';
import { wordMatches } from './highlight.ts';
import { queryWords } from './query.ts';
import { wordProbe } from './word-probe.ts';

/** What the full analysis says: does any word of the text match the query word? */
const analyzerMatches = (text: string, q: string) => {
  const [word] = queryWords(q);
  return analyze(text).some((token) => wordMatches(word!, token.key));
};
const probeMatches = (text: string, q: string) => wordProbe(queryWords(q)[0]!).test(text);

describe('wordProbe', () => {
  // Every case is a match for the analyzer: the probe must never rule it out.
  it.each([
    ['Lễ hội Ok Om Bok', 'le '],
    ['LỄ HỘI', 'hoi '],
    ['Đua ghe ngo', 'dua '],
    ['đua', 'Đua '],
    ['Le\u0302\u0303 ho\u0302\u0323i (decomposed)', 'hoi '],
    ['pagoda festival', 'pagod'],
    ['pottery village', 'potery '],
    ['pottery village', 'pottrey '],
    ['the assemblies', 'asemblies '],
    ['關帝廟', '关帝庙 '],
    ['关帝庙', '關帝廟 '],
    ['ពិធីបុណ្យ អុំទូក', 'អុំទូក '],
    ['ពិធីបុណ្យ អុំទូក', 'ពិធី'],
    ['ＦＥＳＴＩＶＡＬ', 'festival '],
    ['Ωδή ὁδός', 'οδος '],
    ['1930 s', '1930 '],
  ])('keeps %s for %s', (text, q) => {
    expect(analyzerMatches(text, q)).toBe(true);
    expect(probeMatches(text, q)).toBe(true);
  });

  it.each([
    ['Lễ hội đua ghe ngo', 'chua '],
    ['pottery village', 'festival '],
    ['关帝庙', '天后 '],
  ])('rules out %s for %s', (text, q) => {
    expect(analyzerMatches(text, q)).toBe(false);
    expect(probeMatches(text, q)).toBe(false);
  });

  it('lets every text through for a key it cannot table, instead of failing', () => {
    const odd = wordProbe({ ...queryWords('x')[0]!, key: 'a(b[c' });
    expect(odd.test('anything')).toBe(true);
  });
});
