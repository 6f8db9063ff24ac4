import { describe, expect, it } from 'vitest';
import { canExport, exportQuery } from './export-query.ts';

describe('exportQuery', () => {
  it.each([
    ['q=chùa&kind=festival&page=3', 'q=ch%C3%B9a&kind=festival'],
    ['q=&kind=festival&kind=ritual', 'kind=festival&kind=ritual'],
    ['page=2&pageSize=20', null],
    ['', null],
  ])('%s -> %s', (query, expected) => {
    expect(exportQuery(new URLSearchParams(query))).toBe(expected);
  });
});

describe('canExport', () => {
  const account = (roles: ('admin' | 'archivist' | 'reviewer' | 'researcher')[]) => ({ roles }) as unknown as Parameters<typeof canExport>[0];
  it('is for staff only', () => {
    expect(canExport(account(['archivist']))).toBe(true);
    expect(canExport(account(['reviewer']))).toBe(true);
    expect(canExport(account(['researcher']))).toBe(false);
    expect(canExport(null)).toBe(false);
  });
});
