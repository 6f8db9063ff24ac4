import { describe, expect, it } from 'vitest';
import { fixture } from '../../../tests/contract/search-fixtures.ts';
import { CROP_WORDS, escapeHtml, snippet } from './highlight.ts';
import { queryWords } from './query.ts';

describe('snippet', () => {
  it('prefers the title in the reader language', () => {
    expect(snippet(fixture('nguyen-tieu'), queryWords('lantern'), 'en')).toEqual({ field: 'title', lang: 'en', html: 'Hoa <mark>lantern</mark> festival' });
  });

  it('picks the field matching the most query words', () => {
    expect(snippet(fixture('ok-om-bok'), queryWords('cung trang maspero'))?.field).toBe('description');
  });

  it('marks prefixes and typos with their original spelling', () => {
    expect(snippet(fixture('nguyen-tieu'), queryWords('nguyen tie'))?.html).toContain('<mark>Nguyên</mark> <mark>Tiêu</mark>');
    expect(snippet(fixture('nguyen-tieu'), queryWords('lantren'))?.html).toContain('<mark>lantern</mark>');
  });

  it('is null without query words or without a match', () => {
    expect(snippet(fixture('ok-om-bok'), [])).toBeNull();
    expect(snippet(fixture('ok-om-bok'), queryWords('lantern'))).toBeNull();
  });

  it('crops long text around the match', () => {
    const words = Array.from({ length: 200 }, (_, index) => `word${index}`);
    words[150] = 'Lễ';
    const document = { ...fixture('ok-om-bok'), title: [], alternativeNames: [], description: [], fullText: [words.join(' ')] };
    const html = snippet(document, queryWords('le '))?.html ?? '';
    expect(html.startsWith('…word145 ')).toBe(true);
    expect(html).toContain('<mark>Lễ</mark>');
    expect(html.endsWith('…')).toBe(true);
    expect(html.split(' ')).toHaveLength(CROP_WORDS);
  });
});

describe('escapeHtml', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
