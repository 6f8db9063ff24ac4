/**
 * The dictionary's read API on a real archive (embedded catalog and search): an entry's
 * page, a record's words, the browse orders with their sections and cursors, word lists,
 * the word of the day and the workspace's link suggestions, each through the viewer's rights.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '@disan/ingest';
import type { DictionaryBrowsePage, EntryView, ItemInput, LinkSuggestions, RecordWords, WordListSummary, WordListView, WordOfTheDay } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { temporaryArchive } from '../support/archive.ts';

const OPERATOR_TOKEN = 'dictionary-operator-token-0123456789abcdef';
const OPERATOR = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const PUBLISHED = { status: 'published', access: { level: 'public' } } as const;

type Entry = NonNullable<ItemInput['entry']>;
const word = (id: string, entry: Partial<Entry> & Pick<Entry, 'language' | 'headwords'>, gloss: string, extra: Partial<ItemInput> = {}): ItemInput => ({
  id,
  kind: 'word',
  ethnicGroups: [],
  title: [{ lang: entry.language, value: entry.headwords[0]!.value }],
  ...PUBLISHED,
  ...extra,
  entry: { senses: [{ glosses: [{ lang: 'vi', value: gloss }] }], ...entry },
});

const RECORDS: ItemInput[] = [
  {
    id: 'dua-ghe-ngo',
    kind: 'festival',
    ethnicGroups: ['khmer'],
    title: [{ lang: 'vi', value: 'Đua ghe ngo Sóc Trăng' }],
    description: [{ lang: 'vi', value: 'Các đội bơi ghe ngo (ទូកង, tuk ngo) của các chùa Khmer thi đấu trên sông Maspéro.' }],
    ...PUBLISHED,
  },
  { id: 'le-kin', kind: 'ritual', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Nghi lễ riêng ទូកង' }], status: 'draft', access: { level: 'public' } },
];

const ENTRIES: ItemInput[] = [
  word('w-tuk-ngo', { language: 'km', headwords: [{ value: 'ទូកង', script: 'Khmr' }], romanisations: [{ value: 'tuk ngo', system: 'ungegn' }], records: ['dua-ghe-ngo', 'le-kin'], relations: [{ type: 'compound-of', entryId: 'w-tuk' }, { type: 'see-also', entryId: 'w-an-kin' }, { type: 'see-also', headword: 'ទូករ' }] }, 'ghe ngo', { collections: ['wl-le-hoi'] }),
  word('w-tuk', { language: 'km', headwords: [{ value: 'ទូក', script: 'Khmr' }], romanisations: [{ value: 'tuk', system: 'ungegn' }] }, 'thuyền'),
  word('w-kbal', { language: 'km', headwords: [{ value: 'ក្បាល', script: 'Khmr' }] }, 'đầu'),
  word('w-an-kin', { language: 'km', headwords: [{ value: 'អង្គារ', script: 'Khmr' }], records: ['dua-ghe-ngo'] }, 'bí mật', { access: { level: 'community', communities: ['khmer-soc-trang'] } }),
  word('w-nhap', { language: 'km', headwords: [{ value: 'ខ្មែរ', script: 'Khmr' }] }, 'người Khmer', { status: 'draft', collections: ['wl-le-hoi'] }),
  word('w-chuan', { language: 'cmn', headwords: [{ value: '船', script: 'Hant' }] }, 'thuyền', { collections: ['wl-le-hoi'] }),
  word('w-miao', { language: 'cmn', headwords: [{ value: '廟', script: 'Hant' }, { value: '庙', script: 'Hans' }] }, 'miếu'),
  word('w-an', { language: 'cmn', headwords: [{ value: '安', script: 'Hant' }] }, 'an'),
  word('w-cham', { language: 'cjm', headwords: [{ value: 'ꨆꨓ', script: 'Cham' }] }, 'lễ hội'),
  word('w-kate', { language: 'cjm', headwords: [{ value: 'Katê', script: 'Latn' }] }, 'Katê'),
];

let archive: Archive;
let app: FastifyInstance;
let dispose: () => Promise<void> = async () => {};

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape of the body it expects
const get = async <T>(url: string, headers: Record<string, string> = {}) => {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json<T>(), headers: response.headers };
};

beforeAll(async () => {
  ({ archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN, DISAN_API_CACHE_SECONDS: '0', DISAN_RATE_LIMIT: '1000000' }));
  for (const input of [...RECORDS, ...ENTRIES]) await archive.catalog.items.upsert(input, { author: 'test' });
  await archive.catalog.collections.upsert({ id: 'wl-le-hoi', type: 'word-list', title: [{ lang: 'vi', value: 'Từ vựng lễ hội' }], itemOrder: ['w-chuan', 'w-nhap', 'w-tuk-ngo'], ...PUBLISHED });
  await archive.catalog.collections.upsert({ id: 'wl-nhap', type: 'word-list', title: [{ lang: 'vi', value: 'Nháp' }], status: 'draft', access: { level: 'public' } });
  await archive.catalog.media.insert({
    id: 'a-tuk-ngo', itemId: 'w-tuk-ngo', sha256: 'a'.repeat(64), mimeType: 'audio/wav', kind: 'audio', size: 10, originalName: 'tuk-ngo.wav', originalKey: 'originals/a', position: 0,
    status: 'ready', durationSeconds: 1.2, caption: 'ទូកង',
    derivatives: [
      { name: 'audio-opus', key: 'd/a.opus', mimeType: 'audio/ogg; codecs=opus', size: 5 },
      { name: 'audio-mp3', key: 'd/a.mp3', mimeType: 'audio/mpeg', size: 5 },
    ],
  });
  await archive.indexer.indexItems([...RECORDS, ...ENTRIES].map((i) => i.id));
  app = await buildApp({ archive, config: archive.config, logger: false });
}, 120_000);

afterAll(async () => {
  await app.close();
  await dispose();
});

describe('GET /api/dictionary/entries/{id}', () => {
  it('shows the entry with its recording, the records the viewer may read, relations both ways and its word lists', async () => {
    const { status, body } = await get<EntryView>('/api/dictionary/entries/w-tuk-ngo');
    expect(status).toBe(200);
    expect(body.entry.headwords[0]!.value).toBe('ទូកង');
    expect(body.recordings).toEqual([expect.objectContaining({ mediaId: 'a-tuk-ngo', opus: '/api/media/a-tuk-ngo/audio-opus', mp3: '/api/media/a-tuk-ngo/audio-mp3', waveform: null, generated: false })]);
    expect(body.records.map((r) => r.id)).toEqual(['dua-ghe-ngo']);
    // The community entry it names is hidden from the public: only the headwords written in the relations show.
    expect(body.related).toEqual([
      { type: 'compound-of', direction: 'forward', entryId: 'w-tuk', headword: 'ទូក' },
      { type: 'see-also', direction: 'forward', entryId: null, headword: 'ទូករ' },
    ]);
    expect(body.wordLists).toEqual([{ id: 'wl-le-hoi', title: [{ lang: 'vi', value: 'Từ vựng lễ hội' }] }]);
  });

  it('shows the inverse side of a relation on the entry it names', async () => {
    const { body } = await get<EntryView>('/api/dictionary/entries/w-tuk');
    expect(body.related).toEqual([{ type: 'compound-of', direction: 'inverse', entryId: 'w-tuk-ngo', headword: 'ទូកង' }]);
  });

  it('answers 404 alike for a draft, a community entry, a record that is not a word and a missing id; staff read the draft', async () => {
    for (const id of ['w-nhap', 'w-an-kin', 'dua-ghe-ngo', 'khong-co']) expect((await get(`/api/dictionary/entries/${id}`)).status, id).toBe(404);
    expect((await get('/api/dictionary/entries/w-nhap', OPERATOR)).status).toBe(200);
    const staff = await get<EntryView>('/api/dictionary/entries/w-tuk-ngo', OPERATOR);
    expect(staff.body.records.map((r) => r.id)).toEqual(['dua-ghe-ngo', 'le-kin']);
    expect(staff.body.related.map((r) => r.entryId)).toEqual(['w-tuk', 'w-an-kin', null]);
  });
});

describe('GET /api/items/{id}/words', () => {
  it('lists the readable entries that name the record, with their first recording', async () => {
    const { status, body } = await get<RecordWords>('/api/items/dua-ghe-ngo/words');
    expect(status).toBe(200);
    expect(body.entries.map((e) => e.id)).toEqual(['w-tuk-ngo']);
    expect(body.entries[0]!.recording?.mp3).toBe('/api/media/a-tuk-ngo/audio-mp3');
    expect((await get<RecordWords>('/api/items/dua-ghe-ngo/words', OPERATOR)).body.entries.map((e) => e.id)).toEqual(['w-an-kin', 'w-tuk-ngo']);
  });

  it('answers 404 for a record the viewer may not read', async () => {
    expect((await get('/api/items/le-kin/words')).status).toBe(404);
    expect((await get<RecordWords>('/api/items/le-kin/words', OPERATOR)).body.entries.map((e) => e.id)).toEqual(['w-tuk-ngo']);
  });
});

describe('GET /api/dictionary/browse', () => {
  const browse = async (query: string, headers: Record<string, string> = {}) => get<DictionaryBrowsePage>(`/api/dictionary/browse?${query}`, headers);

  it('lists Khmer entries in consonant order with their sections, the public’s only', async () => {
    const { body } = await browse('order=khmer');
    expect(body.entries.map((e) => e.id)).toEqual(['w-kbal', 'w-tuk', 'w-tuk-ngo']);
    expect(body.sections).toEqual([{ key: 'ក', label: 'ក', count: 1 }, { key: 'ទ', label: 'ទ', count: 2 }]);
    expect(body.next).toBeNull();
    const staff = await browse('order=khmer', OPERATOR);
    expect(staff.body.entries.map((e) => e.id)).toEqual(['w-kbal', 'w-nhap', 'w-tuk', 'w-tuk-ngo', 'w-an-kin']);
  });

  it('pages with an opaque cursor and starts at a section', async () => {
    const first = await browse('order=khmer&limit=2');
    expect(first.body.entries.map((e) => e.id)).toEqual(['w-kbal', 'w-tuk']);
    const second = await browse(`order=khmer&limit=2&after=${first.body.next}`);
    expect(second.body.entries.map((e) => e.id)).toEqual(['w-tuk-ngo']);
    expect(second.body.next).toBeNull();
    expect((await browse(`order=khmer&from=${encodeURIComponent('ទ')}`)).body.entries.map((e) => e.id)).toEqual(['w-tuk', 'w-tuk-ngo']);
    // No word begins with ខ for the public: the page starts at the next letter.
    expect((await browse(`order=khmer&from=${encodeURIComponent('ខ')}`)).body.entries[0]!.id).toBe('w-tuk');
    expect((await browse(`order=pinyin&after=${first.body.next}`)).status).toBe(400);
    expect((await browse('order=khmer&after=not-a-cursor')).status).toBe(400);
  });

  it('orders Chinese by pinyin and by radical, Cham script before Rumi, and Vietnamese glosses', async () => {
    expect((await browse('order=pinyin')).body.entries.map((e) => [e.id, e.section])).toEqual([['w-an', 'A'], ['w-chuan', 'C'], ['w-miao', 'M']]);
    const radical = await browse('order=radical');
    // 安 radical 40 (宀), 廟 radical 53 (广), 船 radical 137 (舟).
    expect(radical.body.entries.map((e) => e.id)).toEqual(['w-an', 'w-miao', 'w-chuan']);
    expect(radical.body.sections.map((s) => s.label)).toEqual(['宀 40', '广 53', '舟 137']);
    expect((await browse('order=cham')).body.entries.map((e) => e.id)).toEqual(['w-cham', 'w-kate']);
    const gloss = await browse('order=vietnamese-gloss');
    expect(gloss.body.entries.map((e) => e.glosses[0]!.value)).toEqual(['an', 'đầu', 'ghe ngo', 'Katê', 'lễ hội', 'miếu', 'thuyền', 'thuyền']);
    expect(gloss.body.sections.map((s) => s.key)).toEqual(['A', 'Đ', 'G', 'K', 'L', 'M', 'T']);
  });

  it('stays current when an entry is added, and a cursor from before still continues', async () => {
    const first = await browse('order=khmer&limit=1');
    await archive.catalog.items.upsert(word('w-chhnam', { language: 'km', headwords: [{ value: 'ឆ្នាំ', script: 'Khmr' }] }, 'năm'), { author: 'test' });
    const next = await browse(`order=khmer&after=${first.body.next}`);
    expect(next.body.entries.map((e) => e.id)).toEqual(['w-chhnam', 'w-tuk', 'w-tuk-ngo']);
  });
});

describe('word lists', () => {
  it('lists the word lists the viewer may see, with the entries the viewer may read', async () => {
    expect((await get<WordListSummary[]>('/api/dictionary/word-lists')).body).toEqual([{ id: 'wl-le-hoi', title: [{ lang: 'vi', value: 'Từ vựng lễ hội' }], description: [], entryCount: 2 }]);
    expect((await get<WordListSummary[]>('/api/dictionary/word-lists', OPERATOR)).body.map((l) => [l.id, l.entryCount])).toEqual([['wl-le-hoi', 3], ['wl-nhap', 0]]);
  });

  it('gives a list’s entries in its curated order, and 404 for a hidden list', async () => {
    expect((await get<WordListView>('/api/dictionary/word-lists/wl-le-hoi')).body.entries.map((e) => e.id)).toEqual(['w-chuan', 'w-tuk-ngo']);
    expect((await get<WordListView>('/api/dictionary/word-lists/wl-le-hoi', OPERATOR)).body.entries.map((e) => e.id)).toEqual(['w-chuan', 'w-nhap', 'w-tuk-ngo']);
    expect((await get('/api/dictionary/word-lists/wl-nhap')).status).toBe(404);
  });
});

describe('GET /api/dictionary/word-of-the-day', () => {
  it('is the same for a day whoever asks, a public entry with a recording first, cacheable until the next day', async () => {
    const days = ['2026-01-01', '2026-06-15', '2027-03-03'];
    for (const date of days) {
      const { status, body, headers } = await get<WordOfTheDay>(`/api/dictionary/word-of-the-day?date=${date}`);
      expect(status).toBe(200);
      expect(body.date).toBe(date);
      // The only entry with a recording the public may hear.
      expect(body.entry?.id).toBe('w-tuk-ngo');
      expect(headers['cache-control']).toMatch(/^public, max-age=\d+$/);
      expect((await get<WordOfTheDay>(`/api/dictionary/word-of-the-day?date=${date}`, OPERATOR)).body).toEqual(body);
    }
    expect((await get<WordOfTheDay>('/api/dictionary/word-of-the-day')).body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await get('/api/dictionary/word-of-the-day?date=yesterday')).status).toBe(400);
  });
});

describe('GET /api/workspace/records/{id}/word-links', () => {
  it('suggests, for an entry, the records whose text holds its headword or romanisation', async () => {
    const { status, body } = await get<LinkSuggestions>('/api/workspace/records/w-tuk-ngo/word-links', OPERATOR);
    expect(status).toBe(200);
    expect(body.suggestions.map((s) => [s.id, s.matched, s.alreadyLinked]).sort()).toEqual([['dua-ghe-ngo', 'ទូកង', true], ['le-kin', 'ទូកង', true]]);
    expect(body.suggestions.find((s) => s.id === 'dua-ghe-ngo')!.excerpt).toContain('ghe ngo (ទូកង, tuk ngo)');
  });

  it('suggests, for a record, the entries its text holds, a Khmer word inside a compound included', async () => {
    const { body } = await get<LinkSuggestions>('/api/workspace/records/dua-ghe-ngo/word-links', OPERATOR);
    expect(body.suggestions.map((s) => [s.id, s.matched, s.alreadyLinked]).sort()).toEqual([['w-tuk', 'ទូក', false], ['w-tuk-ngo', 'ទូកង', true]]);
  });

  it('is closed to the public', async () => {
    expect((await get('/api/workspace/records/w-tuk-ngo/word-links')).status).toBe(404);
  });
});
