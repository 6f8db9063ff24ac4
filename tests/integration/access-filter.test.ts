/**
 * The one read rule, three ways: canReadRecord in code, readFilter as the embedded search
 * engine's scope, and readFilter as SQL over the catalog (OAI-PMH, exports). For every
 * viewer the three must pick exactly the same records, on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_LEVELS, ITEM_STATUSES, type Access, type Item, type ItemInput } from '@disan/schemas';
import { canReadRecord, PUBLIC, readFilter, searchScopeFor, SYSTEM, type Viewer } from '@disan/ingest/access';
import { type Catalog, createCatalog } from '@disan/ingest/catalog';
import { toSearchDocument } from '../../ingest/src/indexing/search-document.ts';
import { createSearchEngine } from '@disan/ingest/search';
import { createTestDatabase, DRIVERS, type TestDatabase } from './drivers.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

/** Every state × level, plus the edges: embargo ending today, tomorrow, never; communities several, none. */
const ACCESS_CASES: [string, Access][] = [
  ...ACCESS_LEVELS.filter((level) => level !== 'community' && level !== 'embargo').map((level): [string, Access] => [level, { level }]),
  ['community-khmer', { level: 'community', communities: ['khmer-soc-trang'] }],
  ['community-both', { level: 'community', communities: ['hoa-can-tho', 'cham-an-giang'] }],
  ['community-none', { level: 'community' }],
  ['embargo-ended-today', { level: 'embargo', embargoUntil: '2026-11-22' }],
  ['embargo-ended-long-ago', { level: 'embargo', embargoUntil: '2020-01-01' }],
  ['embargo-ends-tomorrow', { level: 'embargo', embargoUntil: '2026-11-23' }],
  ['embargo-open-ended', { level: 'embargo' }],
  // A community list on a public record narrows nothing.
  ['public-with-communities', { level: 'public', communities: ['hoa-can-tho'] }],
];

/** Every other access case has a festival day, for the calendar's list (withRecurrence); one has an empty list. */
const recurrenceOf = (index: number): Pick<ItemInput, 'recurrence'> =>
  index % 2 === 0 ? { recurrence: [{ calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing' }] } : index === 1 ? { recurrence: [] } : {};

const RECORDS: ItemInput[] = ITEM_STATUSES.flatMap((status) =>
  ACCESS_CASES.map(([name, access], index) => ({ id: `${status}-${name}`, kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: name }], status, access, ...recurrenceOf(index) })),
);

const user = (roles: Extract<Viewer, { kind: 'user' }>['roles'], communities: string[] = []): Viewer => ({ kind: 'user', roles, communities });
const VIEWERS: [string, Viewer][] = [
  ['the public', PUBLIC],
  ['a user without roles', user([])],
  ['a researcher', user(['researcher'])],
  ['a Khmer community member', user(['member'], ['khmer-soc-trang'])],
  ['a member of two communities', user(['member'], ['khmer-soc-trang', 'cham-an-giang'])],
  ['a steward', user(['steward'], ['hoa-can-tho'])],
  ['a researcher in a community', user(['researcher', 'member'], ['hoa-can-tho'])],
  ['an archivist', user(['archivist'])],
  ['a reviewer', user(['reviewer'])],
  ['an admin', user(['admin'])],
  ['the system', SYSTEM],
];

describe.each(DRIVERS)('the read filter agrees with canReadRecord (%s)', (driver) => {
  let t: TestDatabase;
  let catalog: Catalog;
  let items: Item[];
  const engine = createSearchEngine({ driver: 'embedded', file: ':memory:' });

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    catalog = createCatalog(t.db);
    for (const record of RECORDS) await catalog.items.upsert(record, { author: 'test' });
    items = await catalog.items.getMany(RECORDS.map((r) => r.id));
    await engine.upsert(items.map((item) => toSearchDocument(item, [], [], NOW)));
  });
  afterAll(async () => {
    await engine.close();
    await t.dispose();
  });

  /** Every page of listVisible, small pages so that the keyset carries the filter across them. */
  const listedBySql = async (viewer: Viewer): Promise<string[]> => {
    const ids: string[] = [];
    let afterId: string | undefined;
    for (;;) {
      const page = await catalog.items.listVisible(readFilter(viewer), { limit: 7, now: NOW, ...(afterId === undefined ? {} : { afterId }) });
      ids.push(...page.items.map((item) => item.id));
      if (page.nextAfterId === null) return ids;
      afterId = page.nextAfterId;
    }
  };

  const foundBySearch = async (viewer: Viewer): Promise<string[]> =>
    (await engine.search({ q: '', pageSize: 100 }, searchScopeFor(viewer))).hits.map((hit) => hit.id).sort();

  it.each(VIEWERS)('%s: SQL, search scope and canReadRecord pick the same records', async (_name, viewer) => {
    const allowed = items.filter((item) => canReadRecord(viewer, item, NOW)).map((item) => item.id).sort();
    expect(await listedBySql(viewer)).toEqual(allowed);
    expect(await foundBySearch(viewer)).toEqual(allowed);
  });

  it.each(VIEWERS)('%s: the calendar lists (withRecurrence) exactly the readable records that have a recurring date', async (_name, viewer) => {
    const allowed = items.filter((item) => canReadRecord(viewer, item, NOW) && (item.recurrence?.length ?? 0) > 0).map((item) => item.id).sort();
    expect(allowed.length).toBeGreaterThan(0);
    expect((await catalog.items.withRecurrence(readFilter(viewer), { now: NOW })).map((item) => item.id)).toEqual(allowed);
  });

  it('lets the public read an embargo that ended today or before, not one that ends tomorrow', async () => {
    const ids = await listedBySql(PUBLIC);
    expect(ids).toEqual(expect.arrayContaining(['published-embargo-ended-today', 'published-embargo-ended-long-ago']));
    expect(ids).not.toContain('published-embargo-ends-tomorrow');
    expect(ids).not.toContain('draft-public');
  });

  it('lists everything for staff, and nothing for a filter that allows nothing', async () => {
    expect((await catalog.items.listVisible(true, { limit: 1000 })).items).toHaveLength(RECORDS.length);
    expect((await catalog.items.listVisible(false)).items).toEqual([]);
  });
});
