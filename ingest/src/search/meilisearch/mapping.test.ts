import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/contract/search-fixtures.ts';
import { encodeExact, meiliFilter, meiliQueryText, meiliSort, quoteValue, tonedFilter, toMeiliDocument } from './mapping.ts';
import { prepareQuery, queryWords } from '../query.ts';

describe('toMeiliDocument', () => {
  const document = toMeiliDocument(fixture('ok-om-bok'));

  it('indexes analyzer keys, not raw text', () => {
    expect(document.names).toContain('le hoi ok om bok va dua ghe ngo');
    expect(document.names).toContain('អកអំបុក');
  });

  it('keeps the raw document for display and the geo point as _geo', () => {
    expect(document.doc.id).toBe('ok-om-bok');
    expect(document._geo).toEqual({ lat: 9.6025, lng: 105.9739 });
  });

  it('encodes toned words as ASCII', () => {
    expect(document.exactWords).toContain(encodeExact('lễ'));
    expect(document.exactWords.every((word) => /^[0-9a-z.]+$/.test(word))).toBe(true);
  });

  it('leaves out an unknown year so it sorts last', () => {
    expect('year' in toMeiliDocument(fixture('ong-bon-hall'))).toBe(false);
  });
});

describe('query mapping', () => {
  it.each([
    ['le hoi', 'le hoi'],
    ['Lễ hội ', 'le hoi '],
    ['"NEAR(x)" -y', 'near x y'],
  ])('sends %j as %j', (q, expected) => {
    expect(meiliQueryText(queryWords(q))).toBe(expected);
  });

  it('builds filters, scope and geo as one expression', () => {
    const query = prepareQuery({ q: '', filters: { kind: ['festival'], province: ['soc-trang', 'tra-vinh'] }, geo: { lat: 9.6, lon: 105.9, radiusMeters: 5000 } }, [{ status: ['published'] }, { access: ['community'] }]);
    expect(meiliFilter(query)).toBe(
      '((kind IN ["festival"]) AND (province IN ["soc-trang", "tra-vinh"])) AND (((status IN ["published"])) OR ((access IN ["community"]))) AND (_geoRadius(9.6, 105.9, 5000))',
    );
  });

  it('escapes quotes and backslashes in values', () => {
    expect(quoteValue('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('requires every toned word for the exact tier', () => {
    expect(tonedFilter(queryWords('lễ hoi ngo'))).toBe(`(exactWords = "${encodeExact('lễ')}")`);
    expect(tonedFilter(queryWords('le hoi'))).toBeNull();
  });

  it.each([
    ['title', 'vi', ['titleSort.vi:asc']],
    ['title', 'xx', ['titleSort.any:asc']],
    ['date:desc', undefined, ['year:desc']],
    ['relevance', undefined, []],
  ] as const)('sorts %s (%s)', (sort, lang, expected) => {
    expect(meiliSort(sort, lang)).toEqual(expected);
  });
});
