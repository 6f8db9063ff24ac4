import { FACETS, type SearchDocument } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset.ts';
import { DocColumns, docMeta } from './doc-columns.ts';
import type { SearchScope } from '../engine.ts';
import { facetValues, matchesScope } from '../filters.ts';
import { FIXTURES } from '../../../../tests/contract/search-fixtures.ts';

/** The fixtures at rowids 1, 3, 5...: gaps, as deletions leave them. */
function columnsOf(documents: readonly SearchDocument[]): DocColumns {
  const columns = new DocColumns();
  documents.forEach((document, index) => { columns.set(index * 2 + 1, docMeta(document)); });
  return columns;
}

const idsOf = (rowids: Iterable<number>): string[] => Array.from(rowids, (rowid) => FIXTURES[(rowid - 1) / 2]!.id);

describe('DocColumns', () => {
  it.each([
    ['no restriction', {}, undefined],
    ['one field', { ethnicGroups: ['hoa'] }, undefined],
    ['OR within and AND across fields', { province: ['soc-trang', 'can-tho'], kind: ['festival'] }, undefined],
    ['an unknown value', { province: ['nowhere'] }, undefined],
    ['a scope', {}, [{ status: ['published'] }, { collections: ['crafts'] }]],
    ['an empty scope', {}, []],
    ['filters and a scope', { ethnicGroups: ['khmer'] }, [{ status: ['published'], access: ['public'] }]],
  ] as [string, Record<string, string[]>, SearchScope][])('selects the same documents as the predicates: %s', (_name, filters, scope) => {
    const expected = FIXTURES.filter((document) => matchesScope(facetValues(document), [filters]) && matchesScope(facetValues(document), scope));
    expect(idsOf(columnsOf(FIXTURES).matching(filters, scope).toArray())).toEqual(expected.map((document) => document.id));
  });

  it('counts facets the same by scanning and by popcount, values in order of first appearance', () => {
    // Enough rowids that the popcount path is taken for a full set, the scan for a small one.
    const columns = new DocColumns();
    const documents = Array.from({ length: 2000 }, (_, index) => FIXTURES[index % FIXTURES.length]!);
    documents.forEach((document, index) => { columns.set(index, docMeta(document)); });
    const all = columns.all();
    const expected: Record<string, Record<string, number>> = Object.fromEntries(FACETS.map((facet) => [facet, {}]));
    for (const document of documents) {
      for (const facet of FACETS) for (const value of new Set(facetValues(document)[facet])) expected[facet]![value] = (expected[facet]![value] ?? 0) + 1;
    }
    const counted = columns.countFacets(all, { total: all.count(), rowids: all.toArray() }, [...FACETS]);
    expect(counted).toEqual(expected);
    for (const facet of FACETS) expect(Object.keys(counted[facet]!), facet).toEqual(Object.keys(expected[facet]!));
    const few = Bitset.of(columns.capacity, columns.matching({ ethnicGroups: ['hoa'] }, undefined).toArray().subarray(0, 3));
    const expectedFew: Record<string, number> = {};
    for (const rowid of few.toArray()) expectedFew[documents[rowid]!.kind] = (expectedFew[documents[rowid]!.kind] ?? 0) + 1;
    expect(columns.countFacets(few, { total: few.count(), rowids: few.toArray() }, ['kind']).kind).toEqual(expectedFew);
  });

  it('forgets a replaced or deleted document in every column', () => {
    const columns = columnsOf(FIXTURES);
    const [first] = FIXTURES;
    columns.set(1, docMeta({ ...first!, ethnicGroups: ['cham'], year: null, geo: null }));
    expect(idsOf(columns.matching({ ethnicGroups: [first!.ethnicGroups[0]!] }, undefined).toArray())).not.toContain(first!.id);
    expect([columns.year(1), idsOf(columns.matching({ ethnicGroups: ['cham'] }, undefined).toArray())]).toEqual([Number.NaN, [first!.id]]);
    columns.delete(1);
    expect(idsOf(columns.all().toArray())).not.toContain(first!.id);
    expect(columns.matching({ ethnicGroups: ['cham'] }, undefined).count()).toBe(0);
  });

  it('keeps only documents within a circle', () => {
    const columns = columnsOf(FIXTURES);
    const set = columns.all();
    columns.keepWithin(set, { lat: 9.6025, lon: 105.9739, radiusMeters: 10_000 });
    expect(idsOf(set.toArray()).sort()).toEqual(['khmer-pottery', 'nguyen-tieu', 'ok-om-bok', 'sene-dolta']);
  });
});
