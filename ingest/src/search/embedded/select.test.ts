import { describe, expect, it } from 'vitest';
import { firstInOrder } from './select.ts';

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('firstInOrder', () => {
  it.each([
    [0, 5],
    [5, 0],
    [10, 3],
    [10, 10],
    [10, 50],
    [1000, 1],
    [1000, 20],
    [1000, 200],
  ])('of %i items keeps the first %i in order, as a full sort would', (n, k) => {
    const next = random(n * 31 + k);
    // Few distinct keys: ties are broken by index, so the order is total.
    const keys = Array.from({ length: n }, () => Math.floor(next() * 10));
    const compare = (a: number, b: number): number => keys[a]! - keys[b]! || b - a;
    const expected = Array.from({ length: n }, (_, index) => index)
      .sort(compare)
      .slice(0, k);
    expect(Array.from(firstInOrder(n, k, compare))).toEqual(expected);
  });
});
