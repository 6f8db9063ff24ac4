import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionList, EthnicGroupList, Item, ItemPage, ItemView, PlaceList, SearchResult } from '@disan/schemas';
import { apiFixture, HIDDEN, HIDDEN_COLLECTIONS, HIDDEN_GROUP, HIDDEN_PROVINCE, OPERATOR, VISIBLE, type ApiFixture } from '../../tests/support/api-fixture.ts';

/**
 * Drafts, in-review, community and researcher records must not reach the public
 * through any door, and a metadata-only record shows its description but never its
 * files. The operator token sees everything.
 */
describe('access across every door', () => {
  let f: ApiFixture;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape of the body it expects
  const get = async <T = unknown>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T; text: string }> => {
    const response = await f.app.inject({ url, headers });
    return { status: response.statusCode, body: response.json(), text: response.body };
  };

  beforeAll(async () => {
    f = await apiFixture();
  });
  afterAll(async () => {
    await f.close();
  });

  it.each(HIDDEN)('answers 404 (not 403) to the public for hidden item %s, 200 to the operator', async (id) => {
    const { status, body } = await get<{ error: { code: string } }>(`/api/items/${id}`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
    expect((await get(`/api/items/${id}`, OPERATOR)).status).toBe(200);
  });

  it.each(['ban-nhap', 'cong-dong', 'chi-mo-ta'])('refuses the original and renditions of %s to the public, serves them to the operator', async (id) => {
    const mediaId = await f.mediaOf(id);
    for (const rendition of ['original', 'thumb', 'webp-480']) {
      expect((await f.app.inject({ url: `/api/media/${mediaId}/${rendition}` })).statusCode).toBe(404);
      expect((await f.app.inject({ method: 'HEAD', url: `/api/media/${mediaId}/${rendition}` })).statusCode).toBe(404);
      const operator = await f.app.inject({ url: `/api/media/${mediaId}/${rendition}`, headers: OPERATOR });
      expect(operator.statusCode).toBe(200);
      expect(operator.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('shows a metadata-only item with its description, its media listed without any URL, and no thumbnail in lists', async () => {
    const { status, body } = await get<ItemView>('/api/items/chi-mo-ta');
    expect(status).toBe(200);
    expect(body.description[0]?.value).toBe('Chỉ mô tả, không ảnh');
    expect(body.media).toHaveLength(1);
    expect(body.media[0]).toMatchObject({ original: null, renditions: [] });
    expect(JSON.stringify(body)).not.toMatch(/originals\/|derivatives\//);
    const list = await get<ItemPage>('/api/items?kind=craft');
    expect(list.body.items.map((i) => [i.id, i.thumbnail])).toEqual([['chi-mo-ta', null]]);
    const search = await get<SearchResult>('/api/search?q=long%20den');
    expect(search.body.hits.find((h) => h.id === 'chi-mo-ta')?.thumbnail).toBeNull();
  });

  it('lists only visible items, and every hidden one to the operator', async () => {
    const pub = await get<ItemPage>('/api/items?pageSize=100');
    expect(pub.body.items.map((i) => i.id).sort()).toEqual([...VISIBLE].sort());
    expect(pub.body.total).toBe(VISIBLE.length);
    const ops = await get<ItemPage>('/api/items?pageSize=100', OPERATOR);
    expect(ops.body.total).toBe(VISIBLE.length + HIDDEN.length);
  });

  it('keeps hidden items out of search hits and facet counts', async () => {
    for (const q of ['', 'ban nhap', 'dang duyet', 'cong dong', 'nghien cuu', 'le hoi']) {
      const { body, text } = await get<SearchResult>(`/api/search?q=${encodeURIComponent(q)}&facets=ethnicGroups,province,collections,kind`);
      expect(body.hits.map((h) => h.id).filter((id) => (HIDDEN as readonly string[]).includes(id))).toEqual([]);
      expect(text).not.toContain(HIDDEN_PROVINCE);
      expect(body.facets.ethnicGroups?.[HIDDEN_GROUP]).toBeUndefined();
    }
    const { body } = await get<SearchResult>('/api/search?q=&facets=ethnicGroups', OPERATOR);
    expect(body.facets.ethnicGroups?.[HIDDEN_GROUP]).toBe(4);
  });

  it('never relates a hidden item', async () => {
    const { body } = await get<ItemView>('/api/items/ok-om-bok');
    const related = body.related.map((i) => i.id);
    expect(related).toContain('chol-chnam-thmay');
    expect(related).not.toContain('ok-om-bok');
    expect(related.filter((id) => (HIDDEN as readonly string[]).includes(id))).toEqual([]);
    const ops = await get<ItemView>('/api/items/ok-om-bok', OPERATOR);
    expect(ops.body.related.map((i) => i.id)).toEqual(expect.arrayContaining(['ban-nhap', 'cong-dong']));
  });

  it('counts only visible items in collections and hides draft collections', async () => {
    const { body } = await get<CollectionList>('/api/collections');
    expect(body.collections.map((c) => [c.id, c.itemCount])).toEqual([['khmer-festivals', 2]]);
    expect((await get('/api/collections/secret-drafts')).status).toBe(404);
    const page = await get<{ items: ItemPage }>('/api/collections/khmer-festivals');
    expect(page.body.items.items.map((i) => i.id).sort()).toEqual(['chol-chnam-thmay', 'ok-om-bok']);
    const ops = await get<CollectionList>('/api/collections', OPERATOR);
    expect(ops.body.collections.map((c) => [c.id, c.itemCount])).toEqual([['khmer-festivals', 5], ['nghi-le-rieng', 1], ['secret-drafts', 2]]);
  });

  it('keeps the ids of draft and community-only collections out of facets, even when a public item belongs to them', async () => {
    for (const url of ['/api/search?q=&facets=collections', '/api/search?q=chol%20chnam', '/api/items/chol-chnam-thmay']) {
      const { text } = await get(url);
      for (const id of HIDDEN_COLLECTIONS) expect(text).not.toContain(id);
    }
    const { body } = await get<SearchResult>('/api/search?q=&facets=collections');
    expect(body.facets.collections).toEqual({ 'khmer-festivals': 2 });
    const ops = await get<SearchResult>('/api/search?q=&facets=collections', OPERATOR);
    expect(ops.body.facets.collections).toMatchObject({ 'secret-drafts': 2, 'nghi-le-rieng': 1 });
  });

  it.each(HIDDEN_COLLECTIONS)('answers a filter on hidden collection %s as if it matched nothing', async (id) => {
    const items = await get<ItemPage>(`/api/items?collections=${id}`);
    expect(items.body).toMatchObject({ items: [], total: 0 });
    const search = await get<SearchResult>(`/api/search?q=&collections=${id}&facets=collections`);
    expect(search.body.hits).toEqual([]);
    expect(search.text).not.toContain(id);
    // Beside a visible collection, the hidden one adds nothing.
    const both = await get<ItemPage>(`/api/items?collections=khmer-festivals,${id}`);
    expect(both.body.items.map((i) => i.id).sort()).toEqual(['chol-chnam-thmay', 'ok-om-bok']);
    expect((await get<ItemPage>(`/api/items?collections=${id}`, OPERATOR)).body.items.map((i) => i.id)).toContain('chol-chnam-thmay');
  });

  it('leaves hidden provinces and groups out of the browse entry points', async () => {
    const places = await get<PlaceList>('/api/places');
    expect(places.body.places.map((p) => p.province).sort()).toEqual(['Cần Thơ', 'Sóc Trăng', 'Trà Vinh']);
    expect(places.body.places.find((p) => p.province === 'Sóc Trăng')).toEqual({ province: 'Sóc Trăng', count: 1, geo: { lat: 9.6, lon: 105.97 } });
    const groups = await get<EthnicGroupList>('/api/ethnic-groups');
    expect(groups.body.ethnicGroups.map((g) => [g.code, g.count])).toEqual([['khmer', 2], ['hoa', 1]]);
    const opsPlaces = await get<PlaceList>('/api/places', OPERATOR);
    expect(opsPlaces.body.places.find((p) => p.province === HIDDEN_PROVINCE)?.count).toBe(4);
    const opsGroups = await get<EthnicGroupList>('/api/ethnic-groups', OPERATOR);
    expect(opsGroups.body.ethnicGroups.find((g) => g.code === HIDDEN_GROUP)?.count).toBe(4);
  });

  it('shows jobs, their counts included, only to staff: the counts include hidden records\' media', async () => {
    for (const url of ['/api/jobs', '/api/jobs?status=done', '/api/jobs?status=lost']) {
      const pub = await get<{ error: { code: string; message: string } }>(url);
      expect(pub.status).toBe(404);
      expect(pub.body.error.code).toBe('not_found');
      expect(pub.body.error.message).toBe((await get<{ error: { message: string } }>('/api/no-such-door')).body.error.message.replace('no-such-door', 'jobs'));
      expect(pub.text).not.toContain('image.derivatives');
    }
    const ops = await get<{ jobs: { id: string }[]; counts: Record<string, Record<string, number>> }>('/api/jobs', OPERATOR);
    expect(ops.body.jobs.length).toBe(5);
    expect(ops.body.counts['image.derivatives']?.done).toBe(5);
  });

  it('says beside every listed record its state and who may read it: the public only ever sees published public and metadata-only records', async () => {
    const badges = (entries: readonly { id: string; status: string; access: object }[]) => Object.fromEntries(entries.map((e) => [e.id, [e.status, e.access]]));
    const published = (level: string) => ['published', { level }];
    const expected = { 'ok-om-bok': published('public'), 'chol-chnam-thmay': published('public'), 'chi-mo-ta': published('metadata-only') };
    expect(badges((await get<ItemPage>('/api/items?pageSize=100')).body.items)).toEqual(expected);
    expect(badges((await get<SearchResult>('/api/search?q=&pageSize=100')).body.hits)).toEqual(expected);
    expect(badges((await get<ItemView>('/api/items/ok-om-bok')).body.related)).toEqual({ 'chol-chnam-thmay': published('public') });
  });

  it('names the communities of a community record to those who may read it, in lists, hits, related items and the item', async () => {
    const community = ['published', { level: 'community', communities: ['khmer-soc-trang'] }];
    const find = (entries: readonly { id: string; status: string; access: object }[], id = 'cong-dong') => {
      const entry = entries.find((e) => e.id === id);
      return entry && [entry.status, entry.access];
    };
    const staffList = (await get<ItemPage>('/api/items?pageSize=100', OPERATOR)).body.items;
    expect(find(staffList)).toEqual(community);
    expect(find(staffList, 'ban-nhap')).toEqual(['draft', { level: 'public' }]);
    expect(find((await get<SearchResult>('/api/search?q=cong%20dong', OPERATOR)).body.hits)).toEqual(community);
    expect(find((await get<ItemView>('/api/items/ok-om-bok', OPERATOR)).body.related)).toEqual(community);
    expect((await get<ItemView>('/api/items/cong-dong', OPERATOR)).body.access).toEqual(community[1]);
    // The public never gets the record, so never its communities either.
    for (const url of ['/api/items?pageSize=100', '/api/search?q=&pageSize=100', '/api/items/ok-om-bok']) expect((await get(url)).text).not.toContain('khmer-soc-trang');
  });

  it('says the level of today from the catalog, not the one indexed: an embargo ended since indexing reads public', async () => {
    const stored = (await f.archive.catalog.items.get('nghien-cuu'))!;
    const { version: _v, createdAt: _c, updatedAt: _u, ...input } = stored satisfies Item;
    await f.archive.catalog.items.upsert({ ...input, access: { level: 'embargo', embargoUntil: '2000-01-01' } }, { author: 'test' });
    try {
      // The search document still says `researchers` (no re-index): the answer says what holds today.
      const hit = (await get<SearchResult>('/api/search?q=nghien%20cuu', OPERATOR)).body.hits.find((h) => h.id === 'nghien-cuu');
      expect(hit?.access).toEqual({ level: 'public' });
      expect((await get<ItemView>('/api/items/nghien-cuu', OPERATOR)).body.access).toEqual({ level: 'public' });
    } finally {
      await f.archive.catalog.items.upsert(input, { author: 'test' });
    }
  });

  it('refuses a wrong operator token with 401 instead of silently showing the public view', async () => {
    const { status, body } = await get<{ error: { code: string } }>('/api/items', { authorization: 'Bearer wrong-token' });
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthorized');
  });
});
