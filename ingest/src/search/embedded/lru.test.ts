import { describe, expect, it } from 'vitest';
import { Lru } from './lru.ts';

describe('Lru', () => {
  it('evicts the least recently used entry, reads count as use', () => {
    const cache = new Lru<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('keeps nothing with a limit of 0, and nothing after clear', () => {
    const off = new Lru<number>(0);
    off.set('a', 1);
    const cleared = new Lru<number>(4);
    cleared.set('a', 1);
    cleared.clear();
    expect([off.get('a'), cleared.get('a')]).toEqual([undefined, undefined]);
  });
});
