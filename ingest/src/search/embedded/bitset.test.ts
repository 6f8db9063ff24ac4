import { describe, expect, it } from 'vitest';
import { Bitset, popcount } from './bitset.ts';

const members = (set: Bitset): number[] => Array.from(set.toArray());

describe('Bitset', () => {
  it('adds, tests and deletes members across word boundaries', () => {
    const set = Bitset.of(100, [0, 31, 32, 63, 99]);
    expect([set.has(31), set.has(32), set.has(33)]).toEqual([true, true, false]);
    set.delete(32);
    expect(members(set)).toEqual([0, 31, 63, 99]);
  });

  it('ignores members beyond its capacity', () => {
    const set = Bitset.of(32, [5, 32, 1000]);
    expect([members(set), set.has(1000)]).toEqual([[5], false]);
  });

  it.each([
    ['an empty list', '', []],
    ['NULL (no match)', null, []],
    ['one rowid', '7', [7]],
    ['rowids in any order', '64,3,31,32', [3, 31, 32, 64]],
    ['rowids past the capacity', '3,500', [3]],
  ] as const)('reads group_concat output: %s', (_name, list, expected) => {
    expect(members(Bitset.fromList(128, list))).toEqual(expected);
  });

  it('intersects and unites in place', () => {
    const a = Bitset.of(96, [1, 40, 70, 95]);
    expect(members(a.clone().and(Bitset.of(96, [40, 95, 2])))).toEqual([40, 95]);
    expect(members(a.clone().or(Bitset.of(96, [2, 41])))).toEqual([1, 2, 40, 41, 70, 95]);
    expect(members(a)).toEqual([1, 40, 70, 95]);
  });

  it('treats missing words of a shorter set as empty', () => {
    expect(members(Bitset.of(96, [1, 70]).and(Bitset.of(32, [1])))).toEqual([1]);
  });

  it('counts and finds the first common member without building the intersection', () => {
    const a = Bitset.of(128, [3, 64, 65, 127]);
    const b = Bitset.of(128, [64, 127, 5]);
    expect([a.count(), a.countAnd(b), a.firstAnd(b), a.firstAnd(new Bitset(128))]).toEqual([4, 2, 64, -1]);
  });

  it('keeps members when resized, and full sets stop at their size', () => {
    expect(members(Bitset.of(40, [39]).resized(200))).toEqual([39]);
    expect([Bitset.full(33).count(), Bitset.full(64).count(), Bitset.full(33).has(33)]).toEqual([33, 64, false]);
  });
});

describe('popcount', () => {
  it.each([
    [0, 0],
    [0b1011, 3],
    [0xffffffff, 32],
    [0x80000000, 1],
  ])('popcount(%i) === %i', (word, expected) => {
    expect(popcount(word)).toBe(expected);
  });
});
