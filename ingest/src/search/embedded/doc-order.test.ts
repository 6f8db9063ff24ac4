import type { SearchDocument, Sort } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { DocColumns, docMeta } from './doc-columns.ts';
import { pageRowids, sharesKey, type Candidates } from './doc-order.ts';
import { FIXTURES } from '../../../../tests/contract/search-fixtures.ts';

/** Fixtures at rowids 0..n-1 with distinct update times unless `sameUpdate`. */
function setup(sameUpdate: boolean): { columns: DocColumns; rowids: Uint32Array } {
  const columns = new DocColumns();
  FIXTURES.forEach((document: SearchDocument, index) => {
    const updatedAt = sameUpdate ? '2024-01-01T00:00:00Z' : `2024-01-${String(index + 1).padStart(2, '0')}T00:00:00Z`;
    columns.set(index, docMeta({ ...document, updatedAt }));
  });
  return { columns, rowids: Uint32Array.from(FIXTURES, (_, index) => index) };
}

/** Relevance favouring the last documents, counting how often it was asked for. */
function candidates(rowids: Uint32Array): Candidates & { asked: number } {
  const result = {
    total: rowids.length,
    rowids,
    asked: 0,
    relevance: (): Uint8Array => {
      result.asked++;
      return Uint8Array.from(rowids, (_, index) => rowids.length - index);
    },
  };
  return result;
}

describe('pageRowids', () => {
  it('orders by relevance buckets, then rowid', () => {
    const { columns, rowids } = setup(false);
    expect(Array.from(pageRowids(candidates(rowids), columns, 'relevance', 'vi', 0, 3))).toEqual([rowids.length - 1, rowids.length - 2, rowids.length - 3]);
  });

  it('does not rank when every key of the page is unique', () => {
    const { columns, rowids } = setup(false);
    const found = candidates(rowids);
    expect(Array.from(pageRowids(found, columns, 'updated:desc', 'vi', 1, 2))).toEqual([rowids.length - 2, rowids.length - 3]);
    expect(found.asked).toBe(0);
  });

  it.each(['updated:desc', 'date:asc', 'date:desc', 'title'] as Sort[])('ranks ties like a full sort (%s)', (sort) => {
    const { columns, rowids } = setup(true);
    const whole = Array.from(pageRowids(candidates(rowids), columns, sort, 'vi', 0, rowids.length));
    for (let offset = 0; offset < rowids.length; offset += 2) {
      expect(Array.from(pageRowids(candidates(rowids), columns, sort, 'vi', offset, 2))).toEqual(whole.slice(offset, offset + 2));
    }
    if (sort === 'updated:desc') expect(whole).toEqual(Array.from(rowids).reverse());
  });
});

describe('sharesKey', () => {
  it.each([
    ['unique keys', [0, 1], ['a', 'b', 'c'], false],
    ['a page key elsewhere', [0], ['a', 'b', 'a'], true],
    ['equal keys inside the page', [0, 1], [5, 5, 6], true],
    ['missing years are equal', [2], [1, Number.NaN, Number.NaN], true],
  ] as [string, number[], (string | number)[], boolean][])('%s', (_name, page, values, expected) => {
    expect(sharesKey(Uint32Array.from(page), values)).toBe(expected);
  });
});
