import { describe, expect, it } from 'vitest';
import { delaySeconds } from './throttle.ts';

describe('sign-in delays', () => {
  it('lets the first failures pass, then doubles the wait up to 15 minutes', () => {
    expect([4, 5, 6, 7, 8, 14, 15, 40].map((n) => delaySeconds('account', n))).toEqual([0, 1, 2, 4, 8, 512, 900, 900]);
  });
  it('gives an address (shared by an office) more free attempts than an account', () => {
    expect(delaySeconds('address', 19)).toBe(0);
    expect(delaySeconds('address', 20)).toBe(1);
  });
});
