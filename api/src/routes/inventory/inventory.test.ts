import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentedBy, ErrorBody, ItemInput, ItemView, LinkSuggestions, SheetPreview } from '@disan/schemas';
import { apiFixture, OPERATOR, type ApiFixture } from '../../../../tests/support/api-fixture.ts';

const element = (id: string, level: 'public' | 'researchers', overrides: Partial<ItemInput> = {}): ItemInput => ({
  id,
  kind: 'element',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'vi', value: 'Lễ hội Oóc Om Bóc' }],
  alternativeNames: [{ lang: 'km', value: 'អកអំបុក', type: 'native' }],
  element: {
    category: 'festival',
    viability: 'stable',
    bearers: [
      { name: 'Achar Lâm Sóc', consent: { given: true, date: '2024-05-01', method: 'written' } },
      { name: 'Người không đồng ý', consent: { given: false } },
    ],
  },
  status: 'published',
  access: { level },
  ...overrides,
});
const film = (id: string, level: 'public' | 'researchers', elements: string[]): ItemInput => ({
  id,
  kind: 'recording',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'vi', value: `Phim ${id}` }],
  description: [{ lang: 'vi', value: 'Đêm lễ hội Oóc Om Bóc trên sông Maspero.' }],
  elements,
  status: 'published',
  access: { level },
});

describe('the inventory links through the API', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture();
    const author = { author: 'test' };
    await f.archive.catalog.items.upsert(element('inv-ok-om-bok', 'public'), author);
    await f.archive.catalog.items.upsert(element('inv-secret', 'researchers', { title: [{ lang: 'vi', value: 'Nghi lễ kín' }], alternativeNames: [] }), author);
    await f.archive.catalog.items.upsert(film('inv-film-public', 'public', ['inv-ok-om-bok', 'inv-secret']), author);
    await f.archive.catalog.items.upsert(film('inv-film-researchers', 'researchers', ['inv-ok-om-bok']), author);
    await f.archive.catalog.items.upsert(film('inv-film-unlinked', 'public', []), author);
  });
  afterAll(() => f.close());

  const get = (url: string, headers: Record<string, string> = {}) => f.app.inject({ method: 'GET', url, headers });

  it('lists the records documenting an element that the viewer may read', async () => {
    const open = await get('/api/items/inv-ok-om-bok/documented-by');
    expect(open.statusCode).toBe(200);
    expect(open.json<DocumentedBy>().records.map((r) => r.id)).toEqual(['inv-film-public']);
    const staff = await get('/api/items/inv-ok-om-bok/documented-by', OPERATOR);
    expect(staff.json<DocumentedBy>().records.map((r) => r.id)).toEqual(['inv-film-public', 'inv-film-researchers']);
  });

  it('answers 404 for an element the viewer may not read, as the item does', async () => {
    expect((await get('/api/items/inv-secret/documented-by')).statusCode).toBe(404);
    expect((await get('/api/items/inv-secret/documented-by', OPERATOR)).statusCode).toBe(200);
  });

  it('shows an element with its consenting bearers only, and a record with the elements the viewer may read', async () => {
    const page = (await get('/api/items/inv-ok-om-bok')).json<ItemView>();
    expect(page.element?.bearers?.map((b) => b.name)).toEqual(['Achar Lâm Sóc']);
    const record = (await get('/api/items/inv-film-public')).json<ItemView>();
    expect(record.elements?.map((e) => e.id)).toEqual(['inv-ok-om-bok']);
    expect(JSON.stringify(record)).not.toContain('inv-secret');
    const staffView = (await get('/api/items/inv-film-public', OPERATOR)).json<ItemView>();
    expect(staffView.elements?.map((e) => e.id)).toEqual(['inv-ok-om-bok', 'inv-secret']);
  });

  it('suggests links by names found in texts, to staff only', async () => {
    expect((await get('/api/workspace/records/inv-film-unlinked/element-links')).statusCode).toBe(404);
    const forRecord = (await get('/api/workspace/records/inv-film-unlinked/element-links', OPERATOR)).json<LinkSuggestions>();
    expect(forRecord.suggestions.map((s) => [s.id, s.alreadyLinked, s.matched])).toEqual([['inv-ok-om-bok', false, 'lễ hội Oóc Om Bóc']]);
    const forElement = (await get('/api/workspace/records/inv-ok-om-bok/element-links', OPERATOR)).json<LinkSuggestions>();
    expect(forElement.suggestions.map((s) => [s.id, s.alreadyLinked])).toEqual([
      ['inv-film-public', true],
      ['inv-film-researchers', true],
      ['inv-film-unlinked', false],
    ]);
  });

  it('refuses a workspace record linking a missing element or a record that is not an element, at the field', async () => {
    const { status: _status, ...draft } = film('inv-bad-links', 'public', ['inv-ok-om-bok', 'no-such-element', 'inv-film-public']);
    const saved = await f.app.inject({ method: 'POST', url: '/api/workspace/records', headers: OPERATOR, payload: { item: draft } });
    expect(saved.statusCode).toBe(400);
    const fields = saved.json<ErrorBody>().error.fields ?? [];
    expect(fields.map((p) => [p.path, p.code])).toEqual([
      ['/elements/1', 'element-not-found'],
      ['/elements/2', 'not-an-element'],
    ]);
  });

  it('imports a province’s list of elements through the sheet doors: the good rows as drafts, the broken ones with their reason', async () => {
    const sheet = ['name_vi,name_km,category,ethnic_groups,provinces,season,inventory_number', 'Lễ Sene Đôlta,បុណ្យភ្ជុំបិណ្ឌ,custom,khmer,Sóc Trăng,29/8 âm lịch (3 ngày),ST-09', 'Lễ cúng Neak Ta,,belief,khmer,Sóc Trăng,mùa mưa,ST-10'].join('\n');
    const imported = await f.app.inject({ method: 'POST', url: '/api/workspace/sheets/import', headers: { ...OPERATOR, 'content-type': 'text/csv' }, payload: sheet });
    expect(imported.statusCode).toBe(200);
    const answer = imported.json<SheetPreview>();
    expect(answer.written).toBe(1);
    expect(answer.rows.map((row) => [row.itemId, row.outcome])).toEqual([['le-sene-dolta', 'new'], ['le-cung-neak-ta', 'invalid']]);
    const record = (await get('/api/workspace/records/le-sene-dolta', OPERATOR)).json<{ item: ItemInput }>();
    expect(record.item).toMatchObject({ kind: 'element', status: 'draft', recurrence: [{ calendar: 'vietnamese-lunisolar', month: 8, day: 29, durationDays: 3 }], element: { category: 'custom', inventoryNumber: 'ST-09' } });
  });
});
