/**
 * The public dictionary's pages (issue 14) as the built site serves them, in front of a
 * loopback API answering the contract's shapes (schemas/src/dictionary-api.ts): what each
 * page asks the API, the headwords' scripts and `lang`, the play buttons' sources, the
 * entry's DefinedTerm JSON-LD, browse sections and paging, and every page in four
 * languages through the Nu checker. The real API's journey is tests/e2e/dictionary.test.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DictionaryBrowsePage, DictionarySearchResult, EntrySummary, EntryView, RecordingView, Waveform, WordListSummary, WordListView } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlErrors, type SavedPage } from '../e2e/vnu.ts';
import { startSite, type RunningSite } from '../support/site.ts';

const PUBLIC_URL = 'https://disan.example.org';
const LANGS = ['vi', 'en', 'km', 'zh'] as const;
const prefix = (lang: string) => (lang === 'vi' ? '' : `/${lang}`);

const recording: RecordingView = {
  mediaId: 'tuk-ngo-voice', opus: '/api/media/tuk-ngo-voice/audio-opus', mp3: '/api/media/tuk-ngo-voice/audio-mp3', waveform: '/api/media/tuk-ngo-voice/waveform-json',
  durationSeconds: 1.2, caption: 'Generated pronunciation of ទូកង', speaker: 'Lâm Sô Phia', locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng', generated: true, access: { level: 'public' },
};
const tukNgo: EntrySummary = {
  id: 'tuk-ngo', language: 'km', headwords: [{ value: 'ទូកង', script: 'Khmr' }], romanisations: ['tuk ngo', 'tuk ng'],
  glosses: [{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'racing boat' }], partOfSpeech: 'noun', recording, status: 'published', access: { level: 'public' },
};
const longZau: EntrySummary = {
  id: 'long-zau', language: 'yue', headwords: [{ value: '龍舟', script: 'Hant' }, { value: '龙舟', script: 'Hans' }], romanisations: ['lung4 zau1'],
  glosses: [{ lang: 'vi', value: 'thuyền rồng' }, { lang: 'en', value: 'dragon boat' }], partOfSpeech: 'noun', recording: null, status: 'published', access: { level: 'public' },
};
const entry: EntryView = {
  id: 'tuk-ngo',
  title: [{ lang: 'km', value: 'ទូកង' }],
  entry: {
    language: 'km', dialect: 'Sóc Trăng', headwords: [{ value: 'ទូកង', script: 'Khmr' }], romanisations: [{ value: 'tuk ngo', system: 'other' }, { value: 'tuk ng', system: 'ungegn' }],
    ipa: ['tuːk ŋɔː'], partOfSpeech: 'noun',
    senses: [{ glosses: [{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'racing boat' }], definition: [{ lang: 'en', value: 'The long Khmer racing boat of the Ok Om Bok boat race.' }], domains: ['boat', 'festival'],
      examples: [{ text: 'ប្រណាំងទូកង', translations: [{ lang: 'en', value: 'the ngo boat race' }, { lang: 'vi', value: 'đua ghe ngo' }] }] }],
    sources: ['Chuon Nath, Khmer Dictionary (1967)'],
  },
  recordings: [recording],
  records: [{ id: 'dua-ghe-ngo-soc-trang', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'en', value: 'Ngo boat race' }], thumbnail: null, geo: null, status: 'published', access: { level: 'public' } }],
  related: [{ type: 'compound-of', direction: 'inverse', entryId: 'long-zau', headword: '龍舟' }, { type: 'see-also', direction: 'forward', entryId: null, headword: 'ok om bok' }],
  wordLists: [{ id: 'boat-race', title: [{ lang: 'en', value: 'Boat race words' }, { lang: 'vi', value: 'Từ ngữ đua ghe' }] }],
  status: 'published', access: { level: 'public' }, version: 2, updatedAt: '2026-12-01T00:00:00.000Z',
};
const waveform: Waveform = { version: 1, sampleRate: 48000, samplesPerPeak: 480, length: 4, peaks: [-0.1, 0.2, -0.5, 0.6, -0.3, 0.3, 0, 0.05] };
const browse = (after: string | null): DictionaryBrowsePage => ({
  order: 'khmer',
  sections: [{ key: 'ក', label: 'ក', count: 1 }, { key: 'ទ', label: 'ទ', count: 1 }],
  entries: after ? [{ ...tukNgo, section: 'ទ' }] : [{ ...longZau, section: 'ក' }],
  next: after ? null : 'cursor-2',
});
const lists: WordListSummary[] = [{ id: 'boat-race', title: [{ lang: 'en', value: 'Boat race words' }, { lang: 'vi', value: 'Từ ngữ đua ghe' }], description: [{ lang: 'en', value: 'Words of the ngo boat race.' }], entryCount: 2 }];
const list: WordListView = { ...lists[0]!, entries: [tukNgo, longZau] };

let api: Server;
let site: RunningSite;
const asked: URL[] = [];
const saved: SavedPage[] = [];

beforeAll(async () => {
  api = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://api');
    asked.push(url);
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const q = url.searchParams.get('q') ?? '';
    if (url.pathname === '/api/auth/session') return json(200, { account: null, csrfToken: null });
    if (url.pathname === '/api/dictionary/search') {
      const hits = /ទូកង|ghe|tuk/.test(q) ? [{ ...tukNgo, exact: q === 'ទូកង' }] : [];
      return json(200, { q, total: hits.length, hits, tookMs: 1 } satisfies DictionarySearchResult);
    }
    if (url.pathname === '/api/dictionary/entries/tuk-ngo') return json(200, entry);
    if (url.pathname === '/api/media/tuk-ngo-voice/waveform-json') return json(200, waveform);
    if (url.pathname === '/api/dictionary/browse' && url.searchParams.get('order') === 'khmer') return json(200, browse(url.searchParams.get('after')));
    if (url.pathname === '/api/dictionary/word-lists') return json(200, lists);
    if (url.pathname === '/api/dictionary/word-lists/boat-race') return json(200, list);
    json(404, { error: { status: 404, code: 'not_found', message: 'not found', requestId: 'r' } });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  site = await startSite(`http://127.0.0.1:${(api.address() as AddressInfo).port}`, { DISAN_PUBLIC_URL: PUBLIC_URL });
}, 300_000);

afterAll(async () => {
  await site.stop();
  api.closeAllConnections();
  await new Promise((resolve) => api.close(resolve));
});

async function page(path: string, name?: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${site.url}${path}`);
  const html = await response.text();
  if (name) saved.push({ name: `${name}.html`, html });
  return { status: response.status, html };
}

describe('the dictionary search page', () => {
  it('finds ទូកង and shows it in Khmer script, romanised, glossed in the reader’s language, marked exact, with its sound', async () => {
    const { status, html } = await page(`/en/dictionary?q=${encodeURIComponent('ទូកង')}`, 'en-search');
    expect(status).toBe(200);
    expect(html).toContain('<span class="headword" lang="km"');
    expect(html).toMatch(/lang="km-Latn"[^>]*>tuk ngo, tuk ng</);
    expect(html).toContain('racing boat');
    expect(html).toContain('Exact match');
    expect(html).toContain('1 entries for “ទូកង”');
    // Opus first, MP3 for the rest; nothing loads or plays before a tap.
    expect(html).toMatch(/<audio controls preload="none"[^>]*>\s*<source src="\/api\/media\/tuk-ngo-voice\/audio-opus" type="audio\/ogg; codecs=opus"[^>]*>\s*<source src="\/api\/media\/tuk-ngo-voice\/audio-mp3" type="audio\/mpeg"/);
    expect(html).not.toContain('autoplay');
    expect(html).toContain('href="/en/dictionary/tuk-ngo"');
  });

  it('glosses in Vietnamese for a Vietnamese reader, and finds the word by its romanisations too', async () => {
    for (const q of ['ghe ngo', 'tuk ngo']) {
      const { html } = await page(`/dictionary?q=${encodeURIComponent(q)}`);
      expect(html).toContain('ghe ngo</span>');
      expect(html).toContain('href="/dictionary/tuk-ngo"');
      expect(html).not.toContain('Đúng từ');
    }
  });

  it('asks the API for the chosen language only, and never for a language it does not know', async () => {
    asked.length = 0;
    await page('/km/dictionary?q=ghe&language=km&language=klingon', 'km-search-filtered');
    const search = asked.find((u) => u.pathname === '/api/dictionary/search');
    expect(search?.searchParams.getAll('language')).toEqual(['km']);
    expect(search?.searchParams.get('limit')).toBe('30');
  });

  it('shows the search box, browse orders and word lists without searching when nothing is asked', async () => {
    for (const lang of LANGS) {
      asked.length = 0;
      const { status, html } = await page(`${prefix(lang)}/dictionary`, `${lang}-dictionary`);
      expect(status).toBe(200);
      expect(asked.some((u) => u.pathname === '/api/dictionary/search')).toBe(false);
      expect(html).toContain('data-keyboard');
      expect(html).toContain(`href="${prefix(lang)}/dictionary/browse/radical"`);
      expect(html).toContain(`href="${prefix(lang)}/dictionary/lists/boat-race"`);
    }
  });

  it('says plainly when nothing is found', async () => {
    const { html } = await page('/zh/dictionary?q=zzz', 'zh-search-empty');
    expect(html).toContain('未找到词条。');
  });
});

describe('the entry page', () => {
  it('carries valid DefinedTerm JSON-LD with the canonical address', async () => {
    const { status, html } = await page('/en/dictionary/tuk-ngo', 'en-entry');
    expect(status).toBe(200);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(json ?? 'null')).toEqual({
      '@context': 'https://schema.org', '@type': 'DefinedTerm', name: 'ទូកង', alternateName: ['tuk ngo', 'tuk ng'],
      description: 'racing boat: The long Khmer racing boat of the Ok Om Bok boat race.', termCode: 'tuk-ngo', url: `${PUBLIC_URL}/en/dictionary/tuk-ngo`, inLanguage: 'km',
      inDefinedTermSet: { '@type': 'DefinedTermSet', name: 'Disan’s Khmer, Hoa and Cham dictionary', url: `${PUBLIC_URL}/en/dictionary` },
    });
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/en/dictionary/tuk-ngo">`);
    expect(html).toContain(`value="${PUBLIC_URL}/en/dictionary/tuk-ngo"`);
  });

  it('shows spellings, IPA, meanings, the recording with its waveform and speaker, the records, related words, lists and sources', async () => {
    const { html } = await page('/en/dictionary/tuk-ngo');
    expect(html).toContain('/tuːk ŋɔː/');
    expect(html).toContain('(UNGEGN)');
    expect(html).toContain('boats, festivals');
    expect(html).toContain('the ngo boat race');
    expect(html).toContain('data-testid="waveform"');
    expect(html).toContain('Speaker: Lâm Sô Phia · Recorded in: Sóc Trăng · Dialect: Khmer Sóc Trăng');
    expect(html).toContain('Computer-generated sound');
    expect(html).toContain('href="/en/item/dua-ghe-ngo-soc-trang"');
    expect(html).toContain('Compounds with this word: <a href="/en/dictionary/long-zau"');
    expect(html).toContain('See also: ok om bok');
    expect(html).toContain('href="/en/dictionary/lists/boat-race"');
    expect(html).toContain('Chuon Nath, Khmer Dictionary (1967)');
  });

  it('is the 404 page for an entry that is not there or an id that cannot be one', async () => {
    expect((await page('/en/dictionary/khong-co')).status).toBe(404);
    expect((await page('/en/dictionary/..%2Fetc')).status).toBe(404);
  });

  it.each(LANGS)('renders in %s', async (lang) => {
    expect((await page(`${prefix(lang)}/dictionary/tuk-ngo`, `${lang}-entry-page`)).status).toBe(200);
  });
});

describe('browse and word lists', () => {
  it('lists a script’s sections to jump to, and pages on with the cursor', async () => {
    const first = await page('/km/dictionary/browse/khmer', 'km-browse');
    expect(first.status).toBe(200);
    expect(first.html).toContain(`href="/km/dictionary/browse/khmer?from=${encodeURIComponent('ទ')}"`);
    expect(first.html).toContain('href="/km/dictionary/browse/khmer?after=cursor-2"');
    const second = await page('/km/dictionary/browse/khmer?after=cursor-2');
    expect(second.html).toContain('ទូកង');
    expect(second.html).not.toContain('data-testid="browse-next"');
  });

  it('is the 404 page for an order that does not exist', async () => {
    expect((await page('/en/dictionary/browse/klingon')).status).toBe(404);
  });

  it('shows a word list in its curated order', async () => {
    const { status, html } = await page('/zh/dictionary/lists/boat-race', 'zh-word-list');
    expect(status).toBe(200);
    expect(html.indexOf('ទូកង')).toBeLessThan(html.indexOf('龍舟'));
    expect(html).toContain('<span class="headword" lang="zh-Hant"');
    expect(html).toContain('<span class="headword-alt" lang="zh-Hans"');
  });
});

describe('the HTML', () => {
  it('is valid for the Nu checker on every page saved above', async () => {
    expect(saved.length).toBeGreaterThan(10);
    expect(await htmlErrors(saved)).toEqual([]);
  }, 120_000);
});
