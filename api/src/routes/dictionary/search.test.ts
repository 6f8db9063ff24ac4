import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DictionaryEntry, DictionarySearchResult, ItemInput } from '@disan/schemas';
import type { Archive } from '@disan/ingest';
import { buildApp } from '../../app.ts';
import { temporaryArchive } from '../../../../tests/support/archive.ts';

const OPERATOR_TOKEN = 'dictionary-operator-token-0123456789abcdef';
const word = (id: string, entry: Pick<DictionaryEntry, 'language' | 'headwords'> & Partial<DictionaryEntry>, extra: Partial<ItemInput> = {}): ItemInput => ({
  id,
  kind: 'word',
  ethnicGroups: ['khmer'],
  title: [{ lang: entry.language, value: entry.headwords[0]!.value }],
  status: 'published',
  access: { level: 'public' },
  entry: { senses: [{ glosses: [{ lang: 'vi', value: 'ghe' }, { lang: 'en', value: 'boat' }] }], ...entry },
  ...extra,
});
const RECORDS: ItemInput[] = [
  word('tuk', { language: 'km', headwords: [{ value: 'ទូក', script: 'Khmr' }], romanisations: [{ value: 'tuk', system: 'ungegn' }], partOfSpeech: 'noun' }),
  word('tuk-ngo', { language: 'km', headwords: [{ value: 'ទូកង', script: 'Khmr' }], romanisations: [{ value: 'tuk ngô', system: 'ungegn' }], senses: [{ glosses: [{ lang: 'vi', value: 'ghe ngo' }] }] }),
  word('long-zhou', { language: 'yue', headwords: [{ value: '龍舟', script: 'Hant' }, { value: '龙舟', script: 'Hans' }], romanisations: [{ value: 'lung4 zau1', system: 'jyutping' }], senses: [{ glosses: [{ lang: 'vi', value: 'thuyền rồng' }] }] }, { ethnicGroups: ['hoa'] }),
  word('tuk-mo-ta', { language: 'km', headwords: [{ value: 'ទូកចម្លង', script: 'Khmr' }] }, { access: { level: 'metadata-only' } }),
  // Never shown to the public, whoever searches for them:
  word('tuk-nhap', { language: 'km', headwords: [{ value: 'ទូកនាគ', script: 'Khmr' }] }, { status: 'draft' }),
  word('tuk-cong-dong', { language: 'km', headwords: [{ value: 'ទូកអុំ', script: 'Khmr' }] }, { access: { level: 'community', communities: ['khmer-soc-trang'] } }),
  // A festival naming the boat: the archive's search finds it, the dictionary's does not.
  { id: 'ok-om-bok', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'km', value: 'ទូក' }], status: 'published', access: { level: 'public' } },
];

let archive: Archive;
let app: FastifyInstance;
let dispose: () => Promise<void>;

const audio = (id: string, itemId: string, position: number, status: 'ready' | 'processing') => ({
  id, itemId, sha256: id.padEnd(64, '0').replace(/[^0-9a-f]/g, '0'), mimeType: 'audio/wav', kind: 'audio' as const, size: 1, originalName: `${id}.wav`,
  originalKey: `originals/${id}`, position, status, durationSeconds: 1.2, caption: 'Đọc bởi một người Khmer Sóc Trăng',
  derivatives: status === 'ready' ? ['audio-opus', 'audio-mp3', 'waveform-json'].map((name) => ({ name, key: `derivatives/${id}/${name}`, mimeType: 'audio/ogg', size: 1 })) : [],
});

beforeAll(async () => {
  ({ archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN, DISAN_API_CACHE_SECONDS: '0' }));
  for (const item of RECORDS) await archive.catalog.items.upsert(item, { author: 'test' });
  await archive.catalog.media.insert(audio('tuk-a', 'tuk', 0, 'processing'));
  await archive.catalog.media.insert(audio('tuk-b', 'tuk', 1, 'ready'));
  await archive.catalog.media.insert(audio('mo-ta-a', 'tuk-mo-ta', 0, 'ready'));
  await archive.indexer.indexItems(RECORDS.map((record) => record.id));
  app = await buildApp({ archive, config: archive.config, logger: false });
}, 120_000);
afterAll(async () => {
  await app.close();
  await dispose();
});

const search = async (query: string, headers: Record<string, string> = {}) => {
  const response = await app.inject({ url: `/api/dictionary/search?${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<DictionarySearchResult>();
};
const ids = (result: DictionarySearchResult) => result.hits.map((hit) => hit.id);
const STAFF = { authorization: `Bearer ${OPERATOR_TOKEN}` };

describe('GET /api/dictionary/search', () => {
  it('lists the word named exactly first, marked exact, then the compounds holding it, and no record that is not a word', async () => {
    const result = await search(`q=${encodeURIComponent('ទូក')}`);
    expect(ids(result)[0]).toBe('tuk');
    expect(ids(result).sort()).toEqual(['tuk', 'tuk-mo-ta', 'tuk-ngo']);
    expect(result.hits.map((hit) => hit.exact)).toEqual([true, false, false]);
    expect(result.total).toBe(3);
  });

  it('builds each row from the catalog: headwords, romanisations, the first sense\'s glosses, part of speech', async () => {
    const [hit] = (await search('q=tuk')).hits;
    expect(hit).toMatchObject({
      id: 'tuk', language: 'km', headwords: [{ value: 'ទូក', script: 'Khmr' }], romanisations: ['tuk'],
      glosses: [{ lang: 'vi', value: 'ghe' }, { lang: 'en', value: 'boat' }], partOfSpeech: 'noun', status: 'published', access: { level: 'public' }, exact: true,
    });
  });

  it('plays the first recording that is ready, with its renditions', async () => {
    const [hit] = (await search('q=tuk')).hits;
    expect(hit?.recording).toMatchObject({ mediaId: 'tuk-b', opus: '/api/media/tuk-b/audio-opus', mp3: '/api/media/tuk-b/audio-mp3', waveform: '/api/media/tuk-b/waveform-json', durationSeconds: 1.2, generated: false });
  });

  it('gives no recording of a metadata-only word to the public, and staff hear it', async () => {
    const row = (result: DictionarySearchResult) => result.hits.find((hit) => hit.id === 'tuk-mo-ta');
    expect(row(await search(`q=${encodeURIComponent('ទូកចម្លង')}`))?.recording).toBeNull();
    expect(row(await search(`q=${encodeURIComponent('ទូកចម្លង')}`, STAFF))?.recording?.mediaId).toBe('mo-ta-a');
  });

  it('finds Han in either form and by Jyutping without tones, and Vietnamese glosses without tones', async () => {
    for (const q of ['龙舟', '龍舟', 'lung zau', 'thuyen rong']) expect(ids(await search(`q=${encodeURIComponent(q)}`))[0], q).toBe('long-zhou');
  });

  it('never names a draft or a community word to the public, and shows them to staff', async () => {
    for (const q of ['ទូកនាគ', 'ទូកអុំ']) expect(ids(await search(`q=${encodeURIComponent(q)}`)), q).toEqual([]);
    expect(ids(await search(`q=${encodeURIComponent('ទូកនាគ')}`, STAFF))).toEqual(['tuk-nhap']);
    expect(ids(await search(`q=${encodeURIComponent('ទូកអុំ')}`, STAFF))).toEqual(['tuk-cong-dong']);
  });

  it('narrows by the entry\'s language', async () => {
    expect(ids(await search('q=boat&language=yue'))).toEqual([]);
    expect(ids(await search(`q=${encodeURIComponent('ghe')}&language=km`)).sort()).toEqual(['tuk', 'tuk-mo-ta', 'tuk-ngo']);
  });

  it('pages with limit and an offset that need not fall on a page', async () => {
    const all = ids(await search(`q=${encodeURIComponent('ទូក')}`));
    expect(ids(await search(`q=${encodeURIComponent('ទូក')}&limit=2&offset=1`))).toEqual(all.slice(1, 3));
    expect(ids(await search(`q=${encodeURIComponent('ទូក')}&limit=1&offset=2`))).toEqual(all.slice(2, 3));
  });

  it('refuses a query without words to look for, and an over-long one, with 400', async () => {
    for (const url of ['/api/dictionary/search', '/api/dictionary/search?q=', `/api/dictionary/search?q=${'a'.repeat(201)}`, '/api/dictionary/search?q=a&limit=51']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(400);
    }
  });

  it('is in the OpenAPI document under the dictionary tag', async () => {
    const document = (await app.inject({ url: '/api/docs/json' })).json<{ paths: Record<string, { get?: { operationId: string; tags: string[] } }> }>();
    expect(document.paths['/api/dictionary/search']?.get).toMatchObject({ operationId: 'searchDictionary', tags: ['dictionary'] });
  });
});
