import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemInput } from '@disan/schemas';
import { type Catalog, createCatalog, type NewMedia, RecordValidationError } from '@disan/ingest/catalog';
import { ConflictError, NotFoundError, ValidationError } from '@disan/ingest';
import { createTestDatabase, DRIVERS, uniqueId, type TestDatabase } from './drivers.ts';

function itemInput(id: string, overrides: Partial<ItemInput> = {}): ItemInput {
  return {
    id,
    kind: 'festival',
    ethnicGroups: ['khmer'],
    title: [
      { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
      { lang: 'km', value: 'បុណ្យអកអំបុក' },
    ],
    status: 'published',
    access: { level: 'public' },
    ...overrides,
  };
}

function mediaInput(itemId: string, overrides: Partial<NewMedia> = {}): NewMedia {
  return {
    id: uniqueId('m'),
    itemId,
    sha256: 'a'.repeat(64),
    mimeType: 'image/jpeg',
    kind: 'image',
    size: 1234,
    originalName: 'ghe-ngo-01.jpg',
    originalKey: `originals/aa/${'a'.repeat(64)}`,
    position: 0,
    status: 'pending',
    derivatives: [],
    ...overrides,
  };
}

describe.each(DRIVERS)('catalog (%s)', (driver) => {
  let t: TestDatabase;
  let catalog: Catalog;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    catalog = createCatalog(t.db);
  });
  afterAll(() => t.dispose());

  describe('items', () => {
    it('creates version 1 with its history and an audit row', async () => {
      const id = uniqueId('item');
      const result = await catalog.items.upsert(itemInput(id), { author: 'archivist' });
      expect(result).toMatchObject({ created: true, changed: true, item: { id, version: 1 } });
      expect(result.item.createdAt).toBe(result.item.updatedAt);
      expect((await catalog.items.versions(id)).map((v) => [v.version, v.author])).toEqual([[1, 'archivist']]);
      expect((await catalog.audit.list({ target: id })).entries).toMatchObject([{ actor: 'archivist', action: 'item.create', details: { version: 1 } }]);
    });

    it('does nothing when the same content comes again in another field order', async () => {
      const id = uniqueId('item');
      const first = await catalog.items.upsert(itemInput(id), { author: 'a' });
      const reordered = Object.fromEntries(Object.entries(itemInput(id)).reverse()) as ItemInput;
      const again = await catalog.items.upsert({ ...reordered, description: undefined }, { author: 'b' });
      expect(again).toEqual({ item: first.item, created: false, changed: false });
      expect(await catalog.items.versions(id)).toHaveLength(1);
    });

    it('writes a new version when the content changes', async () => {
      const id = uniqueId('item');
      await catalog.items.upsert(itemInput(id), { author: 'a' });
      const changed = await catalog.items.upsert(itemInput(id, { status: 'withdrawn' }), { author: 'editor' });
      expect(changed).toMatchObject({ created: false, changed: true, item: { version: 2, status: 'withdrawn' } });
      expect(await catalog.items.get(id)).toEqual(changed.item);
      const versions = await catalog.items.versions(id);
      expect(versions.map((v) => [v.version, v.author, v.data.status])).toEqual([
        [1, 'a', 'published'],
        [2, 'editor', 'withdrawn'],
      ]);
      expect((await catalog.audit.list({ target: id })).entries.map((e) => e.action)).toEqual(['item.update', 'item.create']);
    });

    it('creates an item once when two upserts race', async () => {
      const id = uniqueId('item');
      const other = createCatalog(await t.connect());
      const results = await Promise.all([catalog.items.upsert(itemInput(id), { author: 'a' }), other.items.upsert(itemInput(id), { author: 'b' })]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      expect(await catalog.items.versions(id)).toHaveLength(1);
    });

    it('rejects an invalid item naming every bad field, and stores nothing', async () => {
      const id = uniqueId('item');
      const bad = { ...itemInput(id), kind: 'party', title: [{ lang: 'not a tag', value: 'x' }], colour: 'red' } as unknown as ItemInput;
      const error = await catalog.items.upsert(bad, { author: 'a' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as RecordValidationError).problems.map((p) => p.path).sort()).toEqual(['/colour', '/kind', '/title/0/lang']);
      expect((error as Error).message).toMatch(/\/kind: /);
      expect(await catalog.items.get(id)).toBeNull();
    });

    it('rejects text PostgreSQL cannot store, with its path', async () => {
      const bad = itemInput(uniqueId('item'), { title: [{ lang: 'vi', value: 'a\u0000b' }] });
      await expect(catalog.items.upsert(bad, { author: 'a' })).rejects.toMatchObject({ problems: [{ path: '/title/0/value' }] });
    });

    it('round-trips Khmer, Chinese and Vietnamese text exactly', async () => {
      const id = uniqueId('item');
      const title = [
        { lang: 'km', value: 'ព្រះវិហារ​ខ្មែរ បុណ្យចូលឆ្នាំថ្មី' },
        { lang: 'zh-Hant', value: '明月宮 潮州會館 中秋節' },
        { lang: 'vi', value: 'Đình làng Ơ Đu, Tày, Mường — “nghệ nhân” ưu tú' },
      ];
      await catalog.items.upsert(itemInput(id, { title, subjects: [{ lang: 'zh-Hans', value: '龙舟' }] }), { author: 'Nguyễn Thị Ánh' });
      const item = await catalog.items.get(id);
      expect(item?.title).toEqual(title);
      expect(item?.subjects).toEqual([{ lang: 'zh-Hans', value: '龙舟' }]);
      expect((await catalog.items.versions(id))[0]?.author).toBe('Nguyễn Thị Ánh');
    });

    it('pages by id with a cursor and iterates over everything', async () => {
      const prefix = uniqueId('page');
      const ids = [1, 2, 3, 4, 5].map((n) => `${prefix}-${n}`);
      for (const id of [...ids].reverse()) await catalog.items.upsert(itemInput(id), { author: 'a' });
      const first = await catalog.items.list({ limit: 2, afterId: `${prefix}-0` });
      expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 2));
      const second = await catalog.items.list({ limit: 2, afterId: first.nextAfterId! });
      expect(second.items.map((i) => i.id)).toEqual(ids.slice(2, 4));
      const all: string[] = [];
      for await (const item of catalog.items.iterate(2)) all.push(item.id);
      expect(all).toEqual([...all].sort());
      expect(all.filter((id) => id.startsWith(prefix))).toEqual(ids);
      expect(await catalog.items.count()).toBe(all.length);
      const last = await catalog.items.list({ afterId: all.at(-2)! });
      expect(last.nextAfterId).toBeNull();
    });
  });

  describe('media', () => {
    let itemId: string;
    beforeAll(async () => {
      itemId = uniqueId('item');
      await catalog.items.upsert(itemInput(itemId), { author: 'a' });
    });

    it('stores a medium, omitting optional fields it does not have', async () => {
      const input = mediaInput(itemId, { sha256: '1'.repeat(64), size: 21_474_836_480, caption: 'Ghe ngo trên sông Maspero' });
      const stored = await catalog.media.insert(input, { actor: 'importer' });
      expect(stored).toEqual({ ...input, createdAt: stored.createdAt });
      expect(Object.keys(stored)).not.toContain('width');
      expect(await catalog.media.get(input.id)).toEqual(stored);
      expect((await catalog.audit.list({ target: input.id })).entries).toMatchObject([{ action: 'media.create', actor: 'importer', details: { itemId } }]);
    });

    it('refuses the same file twice on one item, but finds it by content across items', async () => {
      const sha256 = '2'.repeat(64);
      const otherItem = uniqueId('item');
      await catalog.items.upsert(itemInput(otherItem), { author: 'a' });
      const a = await catalog.media.insert(mediaInput(itemId, { sha256 }));
      await expect(catalog.media.insert(mediaInput(itemId, { sha256 }))).rejects.toBeInstanceOf(ConflictError);
      const b = await catalog.media.insert(mediaInput(otherItem, { sha256 }));
      expect((await catalog.media.findBySha(sha256)).map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    });

    it('refuses a medium of an unknown item', async () => {
      await expect(catalog.media.insert(mediaInput(uniqueId('nope')))).rejects.toBeInstanceOf(NotFoundError);
    });

    it('lists an item\'s media by position', async () => {
      const item = uniqueId('item');
      await catalog.items.upsert(itemInput(item), { author: 'a' });
      const second = await catalog.media.insert(mediaInput(item, { sha256: '3'.repeat(64), position: 2 }));
      const first = await catalog.media.insert(mediaInput(item, { sha256: '4'.repeat(64), position: 1 }));
      expect((await catalog.media.listForItem(item)).map((m) => m.id)).toEqual([first.id, second.id]);
    });

    it('fetches several items and their media in one round trip each', async () => {
      const [a, b, none] = [uniqueId('item'), uniqueId('item'), uniqueId('item')];
      await catalog.items.upsert(itemInput(a), { author: 'a' });
      await catalog.items.upsert(itemInput(b), { author: 'a' });
      const m = await catalog.media.insert(mediaInput(a, { sha256: '7'.repeat(64) }));
      expect((await catalog.items.getMany([b, none, a])).map((i) => i.id)).toEqual([a, b].sort());
      const grouped = await catalog.media.listForItems([a, b, none]);
      expect(grouped.get(a)?.map((x) => x.id)).toEqual([m.id]);
      expect(grouped.get(b)).toEqual([]);
      expect(grouped.get(none)).toEqual([]);
      expect(await catalog.items.getMany([])).toEqual([]);
    });

    it('updates what the pipeline owns, and null clears an optional field', async () => {
      const m = await catalog.media.insert(mediaInput(itemId, { sha256: '5'.repeat(64) }));
      await catalog.media.update(m.id, { status: 'failed', error: 'truncated JPEG' });
      expect((await catalog.media.listByStatus('failed')).map((x) => x.id)).toContain(m.id);
      const derivatives = [{ name: 'webp-1280', key: `derivatives/${m.id}/webp-1280.webp`, mimeType: 'image/webp', size: 10, width: 1280, height: 853 }];
      const ready = await catalog.media.update(m.id, { status: 'ready', error: null, derivatives, width: 4000, height: 2667, geo: { lat: 9.6037, lon: 105.98 } });
      expect(ready).toMatchObject({ status: 'ready', derivatives, width: 4000, height: 2667, geo: { lat: 9.6037, lon: 105.98 } });
      expect(ready).not.toHaveProperty('error');
      expect(await catalog.media.get(m.id)).toEqual(ready);
    });

    it('rejects a patch of fields the pipeline does not own, and unknown media', async () => {
      const m = await catalog.media.insert(mediaInput(itemId, { sha256: '6'.repeat(64) }));
      await expect(catalog.media.update(m.id, { sha256: 'f'.repeat(64) } as never)).rejects.toMatchObject({ problems: [{ path: '/sha256' }] });
      await expect(catalog.media.update(uniqueId('nope'), { status: 'ready' })).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('collections and authorities', () => {
    it('upserts and lists collections', async () => {
      const id = uniqueId('col');
      const collection = { id, title: [{ lang: 'vi', value: 'Lễ hội Khmer' }], status: 'published' as const, access: { level: 'public' as const } };
      expect(await catalog.collections.upsert(collection)).toMatchObject({ created: true, changed: true });
      expect(await catalog.collections.upsert(collection)).toMatchObject({ created: false, changed: false });
      expect(await catalog.collections.get(id)).toEqual(collection);
      expect((await catalog.collections.list()).map((c) => c.id)).toContain(id);
    });

    it('ensure creates a public placeholder once and never overwrites a real collection', async () => {
      const id = uniqueId('col');
      expect(await catalog.collections.ensure(id)).toEqual({ id, title: [{ lang: 'und', value: id }], status: 'published', access: { level: 'public' } });
      const real = { id, title: [{ lang: 'km', value: 'បុណ្យ' }], status: 'draft' as const, access: { level: 'researchers' as const } };
      await catalog.collections.upsert(real);
      expect(await catalog.collections.ensure(id, 'Other title')).toEqual(real);
    });

    it('stores agents and places', async () => {
      const agent = { id: uniqueId('agent'), type: 'person' as const, names: [{ lang: 'vi', value: 'Thạch Sô Phone' }] };
      const place = { id: uniqueId('place'), names: [{ lang: 'km', value: 'វត្តខ្លាំង' }], geo: { lat: 9.6, lon: 105.97 }, province: 'Sóc Trăng' };
      await catalog.agents.upsert(agent);
      await catalog.places.upsert(place);
      expect(await catalog.agents.get(agent.id)).toEqual(agent);
      expect(await catalog.places.get(place.id)).toEqual(place);
      await expect(catalog.places.upsert({ ...place, geo: { lat: 99, lon: 0 } })).rejects.toMatchObject({ problems: [{ path: '/geo/lat' }] });
    });
  });
});
