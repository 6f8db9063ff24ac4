import { FACETS, type AccessLevel, type Item, type SearchDocument, type SearchQuery } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canReadRecord, PUBLIC, searchScopeFor, SYSTEM, type Viewer } from '../../access/index.ts';
import { createSearchEngine } from '../create.ts';
import type { SearchEngine } from '../engine.ts';
import { encodeExact, MEILI_SETTINGS } from './mapping.ts';
import { FIXTURES, fixture } from '../../../../tests/contract/search-fixtures.ts';
import { LIBRARY_FIXTURES } from '../../../../tests/contract/library-fixtures.ts';
import { DICTIONARY_FIXTURES } from '../../../../tests/contract/dictionary-fixtures.ts';
import { filterAttributes, FilterSyntaxError, matchesFilter, parseFilter, type FilterNode } from '../../../../tests/support/meili-filter.ts';
import { startMeilisearchStandIn, type MeilisearchStandIn } from '../../../../tests/support/meilisearch-stand-in.ts';

const INDEX = 'disan-stand-in';
const COMMUNITY = 'khmer-an-giang';
const ACCESS_FIELDS = new Set(['status', 'access', 'communities']);
const DOCUMENTS: SearchDocument[] = [
  ...FIXTURES,
  ...LIBRARY_FIXTURES,
  ...DICTIONARY_FIXTURES,
  ...(['researchers', 'embargo', 'metadata-only'] as const).map((access) => ({ ...fixture('ok-om-bok'), id: `ok-om-bok-${access}`, access })),
];

const VIEWERS: [string, Viewer][] = [
  ['the public', PUBLIC],
  ['a researcher', { kind: 'user', roles: ['researcher'], communities: [] }],
  ['a community member', { kind: 'user', roles: ['member'], communities: [COMMUNITY] }],
];

const QUERIES: [string, SearchQuery][] = [
  ['an empty query', { q: '' }],
  ['toned words (two tiers)', { q: 'lễ hội' }],
  ['a facet filter and facets', { q: 'khmer', filters: { kind: ['festival', 'craft'] }, facets: ['kind', 'province'] }],
  ['a sort and a second page', { q: '', sort: 'title', lang: 'vi', page: 2, pageSize: 2 }],
  ['a geo circle', { q: '', geo: { lat: 9.6, lon: 105.97, radiusMeters: 50_000 } }],
  ['a document number (an identifier tier)', { q: '45/2024/QĐ-UBND', facets: ['documentType', 'issuer'] }],
];

/** Every combination of the fields access depends on. */
const ACCESS_CASES = (['published', 'draft'] as const).flatMap((status) =>
  (['public', 'metadata-only', 'researchers', 'community', 'embargo'] as const).flatMap((access) =>
    [[], [COMMUNITY]].map((communities) => ({ status, access, communities }))));

/** The conditions every document of the answer must meet: the filter's top-level AND, flattened. */
function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? node.parts.flatMap(conjuncts) : [node];
}

/**
 * What the Meilisearch driver sends, checked on a loopback stand-in (not Meilisearch: see
 * tests/support/meilisearch-stand-in.ts) because no server runs on the CI machine. The
 * shared contract suite runs against a real server when MEILI_URL is set (engine.test.ts).
 */
describe('meilisearch driver requests (loopback stand-in)', () => {
  let standIn: MeilisearchStandIn;
  let engine: SearchEngine;

  beforeAll(async () => {
    standIn = await startMeilisearchStandIn();
    engine = createSearchEngine({ driver: 'meilisearch', url: standIn.url, apiKey: undefined, index: INDEX });
    await engine.upsert(DOCUMENTS);
  });
  afterAll(async () => {
    await engine.close();
    await standIn.close();
  });

  /** The search requests one search makes (the driver counts per tier, then fetches the page). */
  const searchRequests = async (query: SearchQuery, viewer: Viewer): Promise<{ ids: string[]; filters: (string | undefined)[] }> => {
    const before = standIn.requests.length;
    const result = await engine.search(query, searchScopeFor(viewer));
    const requests = standIn.requests.slice(before).filter((request) => request.path === `/indexes/${INDEX}/search`);
    return { ids: result.hits.map((hit) => hit.id), filters: requests.map((request) => (request.body as { filter?: string }).filter) };
  };

  it('creates the index with id as primary key and sends the settings of mapping.ts once', () => {
    const created = standIn.requests.filter((request) => request.method === 'POST' && request.path === '/indexes');
    expect(created.map((request) => request.body)).toEqual([{ uid: INDEX, primaryKey: 'id' }]);
    const updates = standIn.requests.filter((request) => request.method === 'PATCH' && request.path === `/indexes/${INDEX}/settings`);
    expect(updates).toHaveLength(1);
    const sent = updates[0]!.body as typeof MEILI_SETTINGS;
    expect(sent).toEqual(MEILI_SETTINGS);
    expect(sent.searchableAttributes).toEqual(['names', 'body', 'full']);
    // Every facet and every field an access scope filters on must be filterable, or the server refuses the search.
    expect(sent.filterableAttributes).toEqual(expect.arrayContaining([...FACETS, ...ACCESS_FIELDS, 'exactWords', '_geo']));
    expect(sent.sortableAttributes).toEqual(expect.arrayContaining(['year', 'updatedAt', 'titleSort.vi', 'titleSort.any']));
  });

  it('waits for each task it enqueues to succeed before its next request, so writes are visible when the call resolves', async () => {
    const hidden = DOCUMENTS.at(-1)!;
    await engine.remove([hidden.id]);
    await engine.upsert([hidden]);
    expect((await searchRequests({ q: '', pageSize: 50 }, SYSTEM)).ids).toContain(hidden.id);

    const writes = standIn.requests.flatMap((request, at) => (request.status === 202 ? [{ at, task: request.answer as { taskUid: number; type: string } }] : []));
    expect(writes.map((write) => write.task.type)).toEqual(['indexCreation', 'settingsUpdate', 'documentAdditionOrUpdate', 'documentDeletion', 'documentAdditionOrUpdate']);
    for (const { at, task } of writes) {
      const seenDone = standIn.requests.findIndex((request, position) =>
        position > at && request.path === `/tasks/${task.taskUid}` && (request.answer as { status: string }).status === 'succeeded');
      expect(seenDone, `task ${task.taskUid} (${task.type}) polled until it succeeded`).toBeGreaterThan(at);
      const next = standIn.requests.findIndex((request, position) => position > at && !request.path.startsWith('/tasks/'));
      expect(next, `the request after task ${task.taskUid} (${task.type}) waited for it`).toBeGreaterThan(seenDone);
    }
  });

  describe.each(QUERIES)('with %s', (_, query) => {
    it.each(VIEWERS)('every search request carries the access scope of %s, exactly as canReadRecord rules', async (_, viewer) => {
      const { ids, filters } = await searchRequests(query, viewer);
      expect(filters.length).toBeGreaterThan(0);
      for (const filter of filters) {
        expect(filter, 'a search without a filter').toBeDefined();
        // The scope is the AND of the top-level conditions on access fields: every hit must meet it.
        const scope = conjuncts(parseFilter(filter!)).filter((node) => filterAttributes(node).every((attribute) => ACCESS_FIELDS.has(attribute)));
        expect(scope.length, `no access condition in ${filter!}`).toBeGreaterThan(0);
        for (const record of ACCESS_CASES) {
          const readable = canReadRecord(viewer, { status: record.status, access: { level: record.access, communities: record.communities } });
          expect(scope.every((node) => matchesFilter(node, record)), `${JSON.stringify(record)} through ${filter!}`).toBe(readable);
        }
      }
      for (const id of ids) {
        const document = DOCUMENTS.find((candidate) => candidate.id === id)!;
        // Search documents carry status and access as plain strings; the catalog's types name them.
        const record = { status: document.status as Item['status'], access: { level: document.access as AccessLevel, communities: document.communities } };
        expect(canReadRecord(viewer, record), id).toBe(true);
      }
    });

    it('sends no access condition for staff', async () => {
      const { filters } = await searchRequests(query, SYSTEM);
      for (const filter of filters) {
        if (filter !== undefined) expect(filterAttributes(parseFilter(filter)).filter((attribute) => ACCESS_FIELDS.has(attribute))).toEqual([]);
      }
    });
  });

  it('writes the scope in the documented filter syntax: attribute IN [double-quoted values], parenthesised, joined by AND and OR', async () => {
    // The count and the page fetch send the same filter.
    expect([...new Set((await searchRequests({ q: '' }, PUBLIC)).filters)]).toEqual(['(((status IN ["published"]) AND (access IN ["public", "metadata-only"])))']);
    const member = await searchRequests({ q: '' }, VIEWERS[2]![1]);
    expect([...new Set(member.filters)]).toEqual([
      `(((status IN ["published"]) AND (access IN ["public", "metadata-only"])) OR ((status IN ["published"]) AND (access IN ["community"]) AND (communities IN ["${COMMUNITY}"])))`,
    ]);
    expect(member.ids).toContain('palm-sugar');
  });

  it('finds records by their number in a first tier, by filter, and leaves them out of the word tiers', async () => {
    const before = standIn.requests.length;
    const result = await engine.search({ q: '45 2024 QĐ UBND', facets: ['documentType'] }, searchScopeFor(PUBLIC));
    const bodies = standIn.requests.slice(before).filter((request) => request.path === `/indexes/${INDEX}/search`).map((request) => request.body as { q: string; filter: string });
    expect(bodies[0]).toMatchObject({ q: '' });
    expect(bodies[0]!.filter).toContain('identifierKeys IN ["452024qdubnd", "2024"]');
    expect(bodies[1]!.q.trim()).toBe('45 2024 qd ubnd');
    expect(bodies[1]!.filter).toMatch(/NOT \(.*identifierKeys IN \["452024qdubnd", "2024"\]/u);
    expect(result.hits[0]?.id).toBe('decision-45');
    expect(result.hits.map((hit) => hit.id)).not.toContain('decision-47-draft');
    expect(result.facets.documentType?.['quyet-dinh']).toBeGreaterThanOrEqual(1);
  });

  it('finds the word a query names exactly in the first tier, by its encoded headword key, and leaves it out of the word tiers', async () => {
    const before = standIn.requests.length;
    const result = await engine.search({ q: 'ទូក' }, searchScopeFor(PUBLIC));
    const bodies = standIn.requests.slice(before).filter((request) => request.path === `/indexes/${INDEX}/search`).map((request) => request.body as { q: string; filter: string });
    const headwordFilter = `headwordKeys IN ["${encodeExact('ទូក')}"]`;
    expect(bodies[0]).toMatchObject({ q: '' });
    expect(bodies[0]!.filter).toContain(headwordFilter);
    expect(bodies[1]!.filter).toContain(`NOT ((${headwordFilter}))`);
    expect(result.hits[0]?.id).toBe('word-tuk');
  });

  it('asks for no headword tier when the kinds asked for leave words out', async () => {
    const before = standIn.requests.length;
    await engine.search({ q: 'ទូក', filters: { kind: ['festival'] } }, searchScopeFor(PUBLIC));
    const bodies = standIn.requests.slice(before).filter((request) => request.path === `/indexes/${INDEX}/search`).map((request) => request.body as { filter: string });
    expect(bodies.every((body) => !body.filter.includes('headwordKeys'))).toBe(true);
  });

  it('shows staff drafts and every access level, and the public none of the restricted ones', async () => {
    const staff = await searchRequests({ q: '', pageSize: 50 }, SYSTEM);
    expect(staff.ids.toSorted()).toEqual(DOCUMENTS.map((document) => document.id).toSorted());
    const visitor = await searchRequests({ q: '', pageSize: 50 }, PUBLIC);
    expect(visitor.ids).toContain('ok-om-bok-metadata-only');
    for (const hidden of ['khmer-pottery', 'palm-sugar', 'ok-om-bok-researchers', 'ok-om-bok-embargo']) expect(visitor.ids).not.toContain(hidden);
  });
});

describe('the stand-in parses filters as Meilisearch documents them', () => {
  it.each([
    ['status = published', true],
    [`communities IN ["a\\"b", 'c d']`, true],
    ['NOT (kind IN ["festival"]) AND _geoRadius(9.6, 105.9, 5000)', true],
    ['status IN published', false],
    ['status IN ["published"', false],
    ['(status = "published"', false],
    ['status published', false],
  ])('%s parses: %s', (filter, valid) => {
    const parse = () => parseFilter(filter);
    if (valid) expect(parse).not.toThrow();
    else expect(parse).toThrow(FilterSyntaxError);
  });
});
