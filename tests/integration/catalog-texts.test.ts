import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextPassage } from '@disan/schemas';
import { type Catalog, createCatalog, RecordValidationError } from '@disan/ingest/catalog';
import { createTestDatabase, DRIVERS, uniqueId, type TestDatabase } from './drivers.ts';

/** catalog.texts on both drivers: located passages of media, replaced atomically per medium. */
describe.each(DRIVERS)('text passages on %s', (driver) => {
  let database: TestDatabase;
  let catalog: Catalog;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    catalog = createCatalog(database.db);
  }, 60_000);
  afterAll(async () => {
    await database.dispose();
  });

  /** An item with one medium, ready for passages. */
  async function medium(kind: 'document' | 'captions' = 'document'): Promise<{ itemId: string; mediaId: string }> {
    const itemId = uniqueId('item');
    const mediaId = uniqueId('m');
    await catalog.items.upsert({ id: itemId, kind: 'document', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Báo cáo' }], status: 'published', access: { level: 'public' } }, { author: 'test' });
    const sha256 = mediaId.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a').slice(0, 64);
    await catalog.media.insert({ id: mediaId, itemId, sha256, mimeType: kind === 'document' ? 'application/pdf' : 'text/vtt', kind, size: 10, originalName: 'a', originalKey: `originals/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`, position: 0, status: 'ready', derivatives: [] });
    return { itemId, mediaId };
  }

  const page = (ids: { itemId: string; mediaId: string }, seq: number, text: string, source: TextPassage['source'] = 'pdf-text'): TextPassage => ({ ...ids, seq, source, page: seq + 1, text });

  it('stores pages and cues with their locations and reads them back in order', async () => {
    const doc = await medium();
    await catalog.texts.replace(doc.mediaId, [page(doc, 1, 'Trang hai: đặc biệt'), page(doc, 0, 'Báo cáo bảo tồn lễ hội')]);
    expect((await catalog.texts.listForMedia(doc.mediaId)).map((p) => [p.page, p.text])).toEqual([[1, 'Báo cáo bảo tồn lễ hội'], [2, 'Trang hai: đặc biệt']]);

    const vtt = await medium('captions');
    const cue: TextPassage = { ...vtt, seq: 0, source: 'captions', startSeconds: 90, endSeconds: 94.5, recordingId: 'm-video', lang: 'vi', text: 'Ghe về đích' };
    await catalog.texts.replace(vtt.mediaId, [cue]);
    expect(await catalog.texts.listForMedia(vtt.mediaId)).toEqual([cue]);
  });

  it('replaces every passage of a medium: a re-run never leaves old and new text mixed', async () => {
    const doc = await medium();
    await catalog.texts.replace(doc.mediaId, [page(doc, 0, 'cũ 1'), page(doc, 1, 'cũ 2'), page(doc, 2, 'cũ 3')]);
    await catalog.texts.replace(doc.mediaId, [page(doc, 0, 'mới 1')]);
    expect((await catalog.texts.listForMedia(doc.mediaId)).map((p) => p.text)).toEqual(['mới 1']);
    await catalog.texts.replace(doc.mediaId, []);
    expect(await catalog.texts.listForMedia(doc.mediaId)).toEqual([]);
  });

  it('keeps the previous text whole when a replacement fails half-way', async () => {
    const doc = await medium();
    await catalog.texts.replace(doc.mediaId, [page(doc, 0, 'giữ nguyên')]);
    // Two passages with the same seq: the second INSERT row violates the primary key inside the transaction.
    await expect(catalog.texts.replace(doc.mediaId, [page(doc, 0, 'a'), page(doc, 0, 'b')])).rejects.toThrow();
    expect((await catalog.texts.listForMedia(doc.mediaId)).map((p) => p.text)).toEqual(['giữ nguyên']);
  });

  it('refuses passages of another medium and invalid passages before writing anything', async () => {
    const doc = await medium();
    const other = await medium();
    await expect(catalog.texts.replace(doc.mediaId, [page(other, 0, 'lạc chỗ')])).rejects.toThrow(/belongs to/);
    await expect(catalog.texts.replace(doc.mediaId, [{ ...page(doc, 0, 'x'), page: 0 }])).rejects.toBeInstanceOf(RecordValidationError);
    expect(await catalog.texts.listForMedia(doc.mediaId)).toEqual([]);
  });

  it('writes a 5 000-page document in chunks under the drivers parameter limits', async () => {
    const doc = await medium();
    const passages = Array.from({ length: 5000 }, (_, i) => page(doc, i, `Trang ${i + 1}`));
    await catalog.texts.replace(doc.mediaId, passages);
    const back = await catalog.texts.listForMedia(doc.mediaId);
    expect(back).toHaveLength(5000);
    expect(back[4999]).toMatchObject({ page: 5000, text: 'Trang 5000' });
  });

  it('reads a window of a medium’s passages, or one page’s, with the total', async () => {
    const doc = await medium();
    await catalog.texts.replace(doc.mediaId, Array.from({ length: 30 }, (_, i) => page(doc, i, `Trang ${i + 1}`)));
    const window = await catalog.texts.readForMedia(doc.mediaId, { offset: 10, limit: 5 });
    expect(window.total).toBe(30);
    expect(window.passages.map((p) => p.text)).toEqual(['Trang 11', 'Trang 12', 'Trang 13', 'Trang 14', 'Trang 15']);
    const seventh = await catalog.texts.readForMedia(doc.mediaId, { page: 7, offset: 0, limit: 100 });
    expect(seventh).toEqual({ total: 1, passages: [expect.objectContaining({ page: 7, text: 'Trang 7' })] });
    expect(await catalog.texts.readForMedia(doc.mediaId, { page: 31, offset: 0, limit: 100 })).toEqual({ total: 0, passages: [] });
    expect((await catalog.texts.readForMedia(doc.mediaId, { offset: 29, limit: 100 })).passages.map((p) => p.text)).toEqual(['Trang 30']);
  });

  it('lists passages per item and for several items in one call', async () => {
    const a = await medium();
    const b = await medium();
    await catalog.texts.replace(a.mediaId, [page(a, 0, 'A1'), page(a, 1, 'A2')]);
    await catalog.texts.replace(b.mediaId, [page(b, 0, 'B1')]);
    expect((await catalog.texts.listForItem(a.itemId)).map((p) => p.text)).toEqual(['A1', 'A2']);
    const grouped = await catalog.texts.listForItems([a.itemId, b.itemId, 'no-such-item']);
    expect([...grouped].map(([id, list]) => [id, list.map((p) => p.text)])).toEqual([[a.itemId, ['A1', 'A2']], [b.itemId, ['B1']], ['no-such-item', []]]);
    expect(await catalog.texts.listForItems([])).toEqual(new Map());
  });
});
