import { describe, expect, it } from 'vitest';
import type { Item, SearchQuery, SearchResult } from '@disan/schemas';
import { parseCql } from './cql.ts';
import { SruDiagnostic } from './diagnostics.ts';
import { planSearch } from './plan.ts';
import { MAX_CANDIDATES, runSearch, type SruSearchDeps } from './run.ts';

const record = (n: number, overrides: Partial<Item> = {}): Item => ({
  id: `r-${n}`, kind: 'book', ethnicGroups: [], title: [{ lang: 'vi', value: `Sách ${n}` }], date: String(1900 + (n % 100)),
  status: 'published', access: { level: 'public' }, version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...overrides,
});

/** An engine stand-in that answers every query with all `records` in order, and notes the pages asked. */
function archiveOf(records: Item[]): SruSearchDeps & { asked: SearchQuery[] } {
  const asked: SearchQuery[] = [];
  return {
    asked,
    find: (query: SearchQuery): Promise<SearchResult> => {
      asked.push(query);
      const size = query.pageSize ?? 20;
      const from = ((query.page ?? 1) - 1) * size;
      const hits = records.slice(from, from + size).map((r) => ({ id: r.id, kind: r.kind, ethnicGroups: [], title: r.title, thumbnail: null, geo: null, status: r.status, access: { level: 'public' as const }, snippet: null, passages: [] }));
      return Promise.resolve({ query: query.q, total: records.length, page: query.page ?? 1, pageSize: size, hits, facets: {}, engine: 'stand-in', tookMs: 0 });
    },
    records: (ids) => Promise.resolve(records.filter((r) => ids.includes(r.id))),
  };
}

const plan = (cql: string) => planSearch(parseCql(cql));

describe('runSearch', () => {
  it('asks the engine one page when the client steps by its page size', async () => {
    const archive = archiveOf(Array.from({ length: 50 }, (_, n) => record(n)));
    const found = await runSearch(archive, plan('sách'), { start: 11, count: 10 });
    expect(found.total).toBe(50);
    expect(found.records.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, n) => `r-${n + 10}`));
    expect(archive.asked.map((q) => [q.page, q.pageSize])).toEqual([[2, 10]]);
  });

  it('reads pages of 100 for a window that does not line up', async () => {
    const archive = archiveOf(Array.from({ length: 250 }, (_, n) => record(n)));
    const found = await runSearch(archive, plan('sách'), { start: 95, count: 10 });
    expect(found.records.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, n) => `r-${n + 94}`));
    expect(archive.asked.map((q) => [q.page, q.pageSize])).toEqual([[1, 100], [2, 100]]);
  });

  it('counts without records when maximumRecords is 0', async () => {
    const archive = archiveOf([record(1), record(2)]);
    expect(await runSearch(archive, plan('sách'), { start: 1, count: 0 })).toEqual({ total: 2, records: [] });
  });

  it('never hands out a record the public may not read, even if the engine names it', async () => {
    const archive = archiveOf([record(1), record(2, { status: 'draft' }), record(3, { access: { level: 'researchers' } })]);
    expect((await runSearch(archive, plan('sách'), { start: 1, count: 10 })).records.map((r) => r.id)).toEqual(['r-1']);
    expect((await runSearch(archive, plan('rec.identifier = r-2 or rec.identifier = r-1'), { start: 1, count: 10 })).records.map((r) => r.id)).toEqual(['r-1']);
  });

  it('asks the engine for harvested kinds only, and names no dictionary word or inventory element even by identifier', async () => {
    const archive = archiveOf([record(1), record(2, { kind: 'word' }), record(3, { kind: 'element' })]);
    expect((await runSearch(archive, plan('sách'), { start: 1, count: 10 })).records.map((r) => r.id)).toEqual(['r-1']);
    expect(archive.asked[0]?.filters?.kind).not.toContain('word');
    expect(archive.asked[0]?.filters?.kind).not.toContain('element');
    expect(archive.asked[0]?.filters?.kind).toContain('book');
    expect((await runSearch(archive, plan('rec.identifier = r-2 or rec.identifier = r-3'), { start: 1, count: 10 })).records).toEqual([]);
  });

  it('answers a query for words alone with nothing, without asking the engine', async () => {
    const archive = archiveOf([record(2, { kind: 'word' })]);
    expect(await runSearch(archive, plan('disan.kind = word'), { start: 1, count: 10 })).toEqual({ total: 0, records: [] });
    expect(archive.asked).toEqual([]);
  });

  it(`refuses with diagnostic 60 a check that would look through more than ${MAX_CANDIDATES} records`, async () => {
    const archive = archiveOf(Array.from({ length: MAX_CANDIDATES + 1 }, (_, n) => record(n)));
    const refused = await runSearch(archive, plan('dc.creator = "Trần"'), { start: 1, count: 10 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SruDiagnostic);
    expect((refused as SruDiagnostic).code).toBe(60);
    // The engine alone pages through any number.
    expect((await runSearch(archive, plan('sách'), { start: MAX_CANDIDATES, count: 2 })).records.map((r) => r.id)).toEqual([`r-${MAX_CANDIDATES - 1}`, `r-${MAX_CANDIDATES}`]);
  });
});

describe('planSearch', () => {
  it('merges an and of leaves into one engine query, and keeps or and not as sets', () => {
    expect(plan('dc.title = "lễ hội" and disan.kind = book')).toMatchObject({ plan: { type: 'leaf', leaf: { q: 'lễ hội', filters: { kind: ['book'] } } }, sort: 'relevance' });
    expect(plan('disan.kind = book and disan.kind = report').plan.type).toBe('and');
    expect(plan('a or b').plan.type).toBe('or');
    expect(plan('dc.title any "a b c"').plan).toMatchObject({ type: 'or', left: { type: 'or' } });
  });

  it.each([
    ['> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title = a', null],
    ['> x = "info:srw/cql-context-set/1/dc-v1.1" x.title = a', null],
    ['> dc = "http://example.org/other" dc.title = a', 15],
    ['srw.serverChoice = a', null],
    ['a sortBy dc.title/sort.descending', 90],
    ['a sortBy dc.title dc.date', 80],
    ['a and/rel.combine=sum b', 46],
    [`"${'lễ '.repeat(11)}"`, 48],
    [`dc.title = "${'x'.repeat(501)}"`, 23],
    ['dc.title = ""', 27],
  ])('plans %s (diagnostic %s)', (cql, code) => {
    let caught: unknown = null;
    try {
      plan(cql);
    } catch (error) {
      caught = error;
    }
    expect(caught === null ? null : (caught as SruDiagnostic).code).toBe(code);
  });
});
