import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.ts';
import { pagesCovering } from './search.ts';

describe('pagesCovering', () => {
  it.each([
    [0, 20, { pageSize: 20, pages: [1], skip: 0 }],
    [40, 20, { pageSize: 20, pages: [3], skip: 0 }],
    [30, 20, { pageSize: 20, pages: [2, 3], skip: 10 }],
    [1, 2, { pageSize: 2, pages: [1, 2], skip: 1 }],
    // Page 10 001 of one is beyond the engines' last page: pages of 100 reach it.
    [10_000, 1, { pageSize: 100, pages: [101], skip: 0 }],
  ])('offset %i, limit %i: %j', (offset, limit, expected) => {
    const window = pagesCovering(offset, limit);
    expect(window).toEqual(expected);
    // The window holds the entries asked for.
    expect((window.pages[0]! - 1) * window.pageSize + window.skip).toBe(offset);
    expect(window.pages.length * window.pageSize - window.skip).toBeGreaterThanOrEqual(limit);
  });

  it('refuses a window no page can reach', () => {
    expect(() => pagesCovering(200_000, 50)).toThrow(ValidationError);
  });
});
