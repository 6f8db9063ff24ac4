import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset.ts';
import { firstInBestBucket, relevanceBuckets, type MatchPrefix } from './ranking.ts';
import type { QueryWord } from '../query.ts';
import type { WordAlternatives } from './vocabulary.ts';

const SIZE = 20_000;

function word(key: string, exact: string, oneTypo: string[] = []): WordAlternatives {
  const queryWord: QueryWord = { key, exact, toned: key !== exact, prefix: false, budget: oneTypo.length > 0 ? 1 : 0, script: 'latin' };
  return { word: queryWord, oneTypo, twoTypos: [] };
}

/** A pretend index: each expression matches a fixed pseudo-random set of the given density. */
function fakeIndex(density: number): { match: (expression: string) => Bitset; matchFirst: (expression: string, limit: number) => MatchPrefix; reads: number[] } {
  const sets = new Map<string, Bitset>();
  const reads: number[] = [];
  const match = (expression: string): Bitset => {
    let set = sets.get(expression);
    if (!set) {
      let state = Array.from(expression).reduce((hash, char) => Math.imul(hash ^ char.codePointAt(0)!, 16777619), 2166136261);
      const members: number[] = [];
      for (let rowid = 0; rowid < SIZE; rowid++) {
        state = Math.imul(state ^ (state >>> 13), 1274126177) + rowid;
        if (((state >>> 0) % 1000) / 1000 < density) members.push(rowid);
      }
      set = Bitset.of(SIZE, members);
      sets.set(expression, set);
    }
    return set;
  };
  const matchFirst = (expression: string, limit: number): MatchPrefix => {
    const all = match(expression).toArray();
    reads.push(Math.min(limit, all.length));
    if (all.length <= limit) return { set: match(expression), through: Infinity };
    return { set: Bitset.of(SIZE, all.subarray(0, limit)), through: all[limit - 1]! };
  };
  return { match, matchFirst, reads };
}

/** The reference order: every candidate ranked, stable by index within a bucket. */
function rankedIndices(words: WordAlternatives[], rowids: Uint32Array, match: (expression: string) => Bitset): number[] {
  const buckets = relevanceBuckets(words, rowids, match);
  return Array.from(rowids, (_, index) => index).sort((a, b) => buckets[a]! - buckets[b]! || a - b);
}

describe('firstInBestBucket', () => {
  const toned = [word('le', 'lễ'), word('hoi', 'hội')];
  const typos = [word('duong', 'duong', ['dong', 'dung']), word('thot', 'thot')];
  // Per case, the page sizes answered from the best bucket and those left to full ranking
  // (null): at density 0.1 the best bucket (all three expressions) holds only a few
  // candidates, too few to fill a page of 20.
  const cases: [string, WordAlternatives[], number, { page: number[]; fallback: number[] }][] = [
    ['toned words', toned, 0.9, { page: [1, 20, 60, 500], fallback: [] }],
    ['toned words', toned, 0.5, { page: [1, 20, 60, 500], fallback: [] }],
    ['toned words', toned, 0.1, { page: [1], fallback: [20, 60, 500] }],
    ['words with typo alternatives', typos, 0.9, { page: [1, 20, 60, 500], fallback: [] }],
    ['words with typo alternatives', typos, 0.5, { page: [1, 20, 60, 500], fallback: [] }],
    ['words with typo alternatives', typos, 0.1, { page: [1], fallback: [20, 60, 500] }],
  ];
  const candidates = Uint32Array.from({ length: SIZE / 3 }, (_, position) => position * 3 + (position % 2));

  describe.each(cases)('%s, density %s', (_, words, density, expected) => {
    const index = fakeIndex(density);
    const reference = rankedIndices(words, candidates, index.match);
    const bestBucketSize = relevanceBuckets(words, candidates, index.match).filter((bucket) => bucket === 0).length;

    it.each(expected.page)('finds the same first %i as ranking everything', (count) => {
      expect(bestBucketSize).toBeGreaterThanOrEqual(count);
      const first = firstInBestBucket(words, candidates, count, index.matchFirst);
      expect(first).not.toBeNull();
      expect(Array.from(first!)).toEqual(reference.slice(0, count));
    });

    it.each(expected.fallback)('leaves a page of %i to full ranking (null): the best bucket cannot fill it', (count) => {
      expect(bestBucketSize).toBeLessThan(count);
      expect(firstInBestBucket(words, candidates, count, index.matchFirst)).toBeNull();
    });
  });

  it('reads only the start of each match list when the best bucket is common', () => {
    const index = fakeIndex(0.9);
    const candidates = Uint32Array.from({ length: SIZE }, (_, rowid) => rowid);
    expect(firstInBestBucket([word('le', 'lễ')], candidates, 20, index.matchFirst)).not.toBeNull();
    expect(Math.max(...index.reads)).toBeLessThan(SIZE / 4);
  });

  it('gives up (null) when the page would not fill from the best bucket', () => {
    const index = fakeIndex(0.9);
    const candidates = Uint32Array.from({ length: 10 }, (_, rowid) => rowid);
    expect(firstInBestBucket([word('le', 'lễ')], candidates, 10, index.matchFirst)).toBeNull();
    expect(firstInBestBucket([word('le', 'lễ')], candidates.subarray(0, 1), 1, index.matchFirst)).toBeNull();
  });
});
