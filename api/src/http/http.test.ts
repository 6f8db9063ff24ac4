import { describe, expect, it } from 'vitest';
import { isNotModified, rangeStillValid } from './conditional.ts';
import { ItemsQuery, JobsQuery, SearchParams } from '@disan/schemas';
import { listParamsOf, splitLists } from './lists.ts';
import { parseRange } from './range.ts';

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', 100, { kind: 'range', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'range', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'range', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'range', start: 0, end: 99 }],
    ['bytes=50-5000', 100, { kind: 'range', start: 50, end: 99 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=9-2', 100, { kind: 'none' }],
    ['bytes=0-1,5-6', 100, { kind: 'none' }],
    ['pages=1-2', 100, { kind: 'none' }],
    ['bytes=-', 100, { kind: 'none' }],
    [undefined, 100, { kind: 'none' }],
  ] as const)('reads %s of a %i-byte file', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('conditional requests', () => {
  const etag = '"abc"';
  const modified = new Date('2024-05-01T10:00:00.700Z');
  it.each([
    [{ 'if-none-match': '"abc"' }, true],
    [{ 'if-none-match': 'W/"abc"' }, true],
    [{ 'if-none-match': '"x", "abc"' }, true],
    [{ 'if-none-match': '*' }, true],
    [{ 'if-none-match': '"x"' }, false],
    [{ 'if-none-match': '"x"', 'if-modified-since': 'Wed, 01 May 2024 10:00:00 GMT' }, false],
    [{ 'if-modified-since': 'Wed, 01 May 2024 10:00:00 GMT' }, true],
    [{ 'if-modified-since': 'Wed, 01 May 2024 09:59:59 GMT' }, false],
    [{ 'if-modified-since': 'not a date' }, false],
    [{}, false],
  ])('%j is not-modified: %s', (headers, expected) => {
    expect(isNotModified(headers, etag, modified)).toBe(expected);
  });

  it('serves a range only while If-Range still matches', () => {
    expect(rangeStillValid({}, etag, modified)).toBe(true);
    expect(rangeStillValid({ 'if-range': '"abc"' }, etag, modified)).toBe(true);
    expect(rangeStillValid({ 'if-range': '"old"' }, etag, modified)).toBe(false);
    expect(rangeStillValid({ 'if-range': 'Wed, 01 May 2024 10:00:00 GMT' }, etag, modified)).toBe(true);
    expect(rangeStillValid({ 'if-range': 'Tue, 30 Apr 2024 10:00:00 GMT' }, etag, modified)).toBe(false);
  });
});

describe('splitLists', () => {
  it('accepts repeated and comma-separated values alike for the names given, leaving other parameters alone', () => {
    const query: Record<string, unknown> = { kind: ['festival,ritual', 'craft'], province: 'Sóc Trăng', facets: 'kind, province', q: 'a,b' };
    splitLists(query, ['kind', 'province', 'facets']);
    expect(query).toEqual({ kind: ['festival', 'ritual', 'craft'], province: ['Sóc Trăng'], facets: ['kind', 'province'], q: 'a,b' });
  });

  it('keeps commas inside catalogued names (publisher, issuer, subject headings)', () => {
    const query: Record<string, unknown> = { publisher: 'Nxb. Chính trị quốc gia, Sự thật', issuer: ['A, B', 'C'] };
    splitLists(query, ['publisher', 'issuer']);
    expect(query).toEqual({ publisher: ['Nxb. Chính trị quốc gia, Sự thật'], issuer: ['A, B', 'C'] });
  });
});

describe('listParamsOf', () => {
  it.each([
    ['GET /api/search', SearchParams, ['ethnicGroups', 'kind', 'collections', 'province', 'period', 'languages', 'mediaKinds', 'documentType', 'issuer', 'legalStatus', 'publisher', 'subjectHeadings', 'status', 'access', 'facets']],
    ['GET /api/items', ItemsQuery, ['ethnicGroups', 'kind', 'collections', 'province', 'period', 'languages', 'mediaKinds', 'documentType', 'issuer', 'legalStatus', 'publisher', 'subjectHeadings']],
    // `status` is one job status here: splitting it made `status=done` an array and answered 400.
    ['GET /api/jobs', JobsQuery, []],
    ['a route without a query schema', undefined, []],
  ])('takes the list parameters of %s from its schema', (_route, schema, names) => {
    expect([...listParamsOf(schema)].sort()).toEqual([...names].sort());
  });
});
