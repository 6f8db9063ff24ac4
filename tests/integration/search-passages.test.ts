import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Value } from 'typebox/value';
import { SearchResult, type ItemInput, type MediaKind, type TextPassage } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC, SYSTEM, type Viewer } from '../../ingest/src/access/index.ts';
import type { Archive } from '../../ingest/src/archive.ts';
import { searchArchive } from '../../ingest/src/search/service.ts';
import { temporaryArchive } from '../support/archive.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'ingest', 'bin', 'disan.js');

/** Text inside media (document pages, caption cues) is searchable, and a hit says where. */
describe('search inside media', () => {
  let archive: Archive;
  let dataDir: string;
  let open = true;

  const item = (id: string, fields: Partial<ItemInput> = {}) =>
    archive.catalog.items.upsert(
      { id, kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: id }], status: 'published', access: { level: 'public' }, ...fields },
      { author: 'test' },
    );
  const medium = (id: string, itemId: string, kind: MediaKind, position = 0) =>
    archive.catalog.media.insert({
      id, itemId, sha256: createHash('sha256').update(id).digest('hex'), mimeType: 'application/octet-stream', kind, size: 10,
      originalName: `${id}.bin`, originalKey: `originals/${id}`, position, status: 'ready', derivatives: [],
    });
  const pages = (mediaId: string, itemId: string, texts: string[]): TextPassage[] =>
    texts.map((text, index) => ({ mediaId, itemId, seq: index, source: 'pdf-text', page: index + 1, text }));
  const search = (q: string, viewer: Viewer = PUBLIC) => searchArchive(archive, { q }, viewer);

  beforeAll(async () => {
    ({ archive, dataDir } = await temporaryArchive());
    await item('so-tay-le-hoi', { title: [{ lang: 'vi', value: 'Sổ tay lễ hội' }] });
    await medium('so-tay-pdf', 'so-tay-le-hoi', 'document');
    const book = Array.from({ length: 12 }, (_, index) => `Trang ${index + 1}: mục lục các lễ hội của đồng bào.`);
    book[6] = 'Chùa Dơi ở Sóc Trăng, nơi hàng nghìn con dơi sống trên cây sao.';
    await archive.catalog.texts.replace('so-tay-pdf', pages('so-tay-pdf', 'so-tay-le-hoi', book));

    await item('phim-dua-ghe', { title: [{ lang: 'vi', value: 'Phim đua ghe ngo' }] });
    await medium('phim-dua-ghe-video', 'phim-dua-ghe', 'video');
    await medium('phim-dua-ghe-vtt', 'phim-dua-ghe', 'captions', 1);
    const cues = ['Chào mừng quý vị', 'Các ghe tập hợp', 'Ghe Phước Hòa ra sông', 'Tiếng trống Chhay-dăm vang lên', 'Kết thúc'];
    await archive.catalog.texts.replace(
      'phim-dua-ghe-vtt',
      cues.map((text, index) => ({ mediaId: 'phim-dua-ghe-vtt', itemId: 'phim-dua-ghe', seq: index, source: 'captions', startSeconds: index * 30, endSeconds: index * 30 + 29, recordingId: 'phim-dua-ghe-video', text })),
    );

    await item('tai-lieu-han-che', { description: [{ lang: 'vi', value: 'Tài liệu về nghi lễ Sampeah.' }], access: { level: 'metadata-only' } });
    await medium('tai-lieu-pdf', 'tai-lieu-han-che', 'document');
    await archive.catalog.texts.replace('tai-lieu-pdf', pages('tai-lieu-pdf', 'tai-lieu-han-che', ['Nghi lễ Sampeah và bài khấn Yeay Mao.']));

    await item('ban-nhap', { status: 'draft' });
    await medium('ban-nhap-pdf', 'ban-nhap', 'document');
    await archive.catalog.texts.replace('ban-nhap-pdf', pages('ban-nhap-pdf', 'ban-nhap', ['Lễ dâng y Kathina.']));

    await archive.indexer.reindexAll();
  });

  afterAll(async () => {
    if (open) await archive.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finds the one page of a 12-page document holding the words, marked', async () => {
    const result = await search('chua doi');
    expect(result.hits.map((hit) => hit.id)).toEqual(['so-tay-le-hoi']);
    const [hit] = result.hits;
    expect(hit?.passages).toEqual([{ mediaId: 'so-tay-pdf', source: 'pdf-text', page: 7, html: expect.stringContaining('<mark>Chùa</mark> <mark>Dơi</mark>') as string }]);
    expect(hit?.snippet?.field).toBe('fullText');
    expect(hit?.snippet?.html).toBe(hit?.passages[0]?.html);
    expect(Value.Check(SearchResult, result)).toBe(true);
    expect(result).not.toHaveProperty('mediaTextHits');
  });

  it('finds the caption cue at 90 seconds in its recording, and toneless words find toned text', async () => {
    const [hit] = (await search('trong chhay dam')).hits;
    expect(hit?.id).toBe('phim-dua-ghe');
    expect(hit?.passages).toEqual([
      { mediaId: 'phim-dua-ghe-vtt', source: 'captions', startSeconds: 90, endSeconds: 119, recordingId: 'phim-dua-ghe-video', html: 'Tiếng <mark>trống</mark> <mark>Chhay</mark>-<mark>dăm</mark> vang lên' },
    ]);
  });

  it('leaves passages empty when the words are only in the record', async () => {
    const [hit] = (await search('so tay')).hits;
    expect(hit?.id).toBe('so-tay-le-hoi');
    expect(hit?.passages).toEqual([]);
    expect(hit?.snippet?.field).toBe('title');
  });

  it('never lets a word inside the media of a metadata-only record find it', async () => {
    expect((await search('yeay mao')).total).toBe(0);
    expect((await search('yeay mao', SYSTEM)).total).toBe(0);
  });

  it('shows the public a metadata-only record found by its description, without its media text', async () => {
    const [hit] = (await search('sampeah')).hits;
    expect(hit?.id).toBe('tai-lieu-han-che');
    expect(hit?.snippet?.field).toBe('description');
    expect(hit?.passages).toEqual([]);
    const [staff] = (await search('sampeah', SYSTEM)).hits;
    expect(staff?.passages.map((passage) => passage.page)).toEqual([1]);
  });

  it('hides drafts from the public and shows them, located, to the system', async () => {
    expect((await search('kathina')).total).toBe(0);
    const [hit] = (await search('kathina', SYSTEM)).hits;
    expect(hit?.id).toBe('ban-nhap');
    expect(hit?.passages[0]).toMatchObject({ page: 1, html: 'Lễ dâng y <mark>Kathina</mark>.' });
  });

  it('prints the page and the time code at the command line', async () => {
    await archive.close();
    open = false;
    const disan = async (...args: string[]) =>
      (await promisify(execFile)(process.execPath, ['--no-warnings', BIN, ...args], { cwd: ROOT, env: { ...process.env, DISAN_DATA_DIR: dataDir } })).stdout;
    expect(await disan('search', 'chua doi')).toMatch(/page 7: .*«Chùa» «Dơi»/);
    expect(await disan('search', 'chhay dam')).toMatch(/00:01:30: .*«Chhay»-«dăm»/);
    const json = JSON.parse(await disan('search', 'chua doi', '--json')) as SearchResult;
    expect(json.hits[0]?.passages[0]?.page).toBe(7);
  }, 60_000);
});
