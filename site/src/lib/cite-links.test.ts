import { describe, expect, it } from 'vitest';
import { collectionExportHref, recordDownloadHref, searchExportHref } from './cite-links.ts';

describe('citation download links', () => {
  it('downloads one record through the /api proxy', () => {
    expect(recordDownloadHref('bao-cao', 'ris')).toBe('/api/items/bao-cao/cite?format=ris');
    expect(recordDownloadHref('a b', 'dc-xml')).toBe('/api/items/a%20b/cite?format=dc-xml');
  });

  it("exports a collection's records", () => {
    expect(collectionExportHref('hoa', 'bibtex')).toBe('/api/collections/hoa/export?format=bibtex');
  });

  it("exports a search with its words, filters (each value) and language, never its page or facets", () => {
    const href = searchExportHref({ q: 'hỗ trợ', kind: ['report', 'book'], publisher: ['NXB, Hà Nội'], lang: 'vi', page: 3, pageSize: 20, facets: ['kind'] }, 'ris');
    const url = new URL(href, 'https://d.org');
    expect(url.pathname).toBe('/api/search/export');
    expect([...url.searchParams]).toEqual([['q', 'hỗ trợ'], ['kind', 'report'], ['kind', 'book'], ['publisher', 'NXB, Hà Nội'], ['lang', 'vi'], ['format', 'ris']]);
  });

  it('leaves out empty words', () => {
    expect(searchExportHref({ q: '', lang: 'en' }, 'bibtex')).toBe('/api/search/export?lang=en&format=bibtex');
  });
});
