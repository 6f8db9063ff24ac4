import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaryClient } from './dictionary-client.ts';
import { ApiNotFoundError } from './errors.ts';
import { createTransport } from './transport.ts';

const summary = {
  id: 'tuk-ngo',
  language: 'km',
  headwords: [{ value: 'ទូកង', script: 'Khmr' }],
  romanisations: ['tuk ngo'],
  glosses: [{ lang: 'vi', value: 'ghe ngo' }],
  partOfSpeech: 'noun',
  recording: null,
  status: 'published',
  access: { level: 'public' },
};

// A loopback server standing in for the dictionary's routes: it records what reached it and answers by path.
describe('the dictionary client', () => {
  let server: Server;
  let baseUrl = '';
  const seen: string[] = [];
  const answers: Record<string, unknown> = {
    '/api/dictionary/search': { q: 'ទូកង', total: 1, hits: [{ ...summary, exact: true }], tookMs: 1 },
    '/api/dictionary/browse': { order: 'khmer', sections: [{ key: 'ទ', label: 'ទ', count: 1 }], entries: [{ ...summary, section: 'ទ' }], next: null },
    '/api/dictionary/word-lists': [{ id: 'boat-race', title: [{ lang: 'en', value: 'Boat race' }], description: [], entryCount: 1 }],
    '/api/dictionary/word-lists/boat-race': { id: 'boat-race', title: [{ lang: 'en', value: 'Boat race' }], description: [], entryCount: 1, entries: [summary] },
    '/api/dictionary/word-of-the-day': { date: '2026-12-03', entry: summary },
    '/api/items/dua-ghe-ngo/words': { itemId: 'dua-ghe-ngo', entries: [summary] },
    // Not an entry: the page must not render it.
    '/api/dictionary/entries/odd': { id: 'odd', entry: { headwords: [] } },
  };
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      const answer = answers[new URL(req.url ?? '/', 'http://x').pathname];
      if (answer === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = () => dictionaryClient(createTransport({ baseUrl, timeoutMs: 2000 }));

  it('searches with the words, the chosen languages (repeated) and a limit', async () => {
    const result = await client().search({ q: 'ទូកង', language: ['km', 'cjm'], limit: 30 });
    expect(result.hits[0]?.exact).toBe(true);
    expect(seen.at(-1)).toBe(`/api/dictionary/search?q=${encodeURIComponent('ទូកង')}&language=km&language=cjm&limit=30`);
  });

  it('browses from a section head and pages on with the cursor', async () => {
    await client().browse({ order: 'khmer', from: 'ទ', limit: 50 });
    expect(seen.at(-1)).toBe(`/api/dictionary/browse?order=khmer&from=${encodeURIComponent('ទ')}&limit=50`);
    const page = await client().browse({ order: 'khmer', after: 'c:1', limit: 50 });
    expect(page.entries[0]?.section).toBe('ទ');
    expect(seen.at(-1)).toBe('/api/dictionary/browse?order=khmer&after=c%3A1&limit=50');
  });

  it('reads the word lists, one list, the word of the day and a record’s words', async () => {
    await expect(client().wordLists()).resolves.toMatchObject([{ id: 'boat-race', entryCount: 1 }]);
    await expect(client().wordList('boat-race')).resolves.toMatchObject({ entries: [{ id: 'tuk-ngo' }] });
    await expect(client().wordOfTheDay()).resolves.toMatchObject({ entry: { id: 'tuk-ngo' } });
    expect(seen.at(-1)).toBe('/api/dictionary/word-of-the-day');
    await expect(client().recordWords('dua-ghe-ngo')).resolves.toMatchObject({ itemId: 'dua-ghe-ngo', entries: [{ id: 'tuk-ngo' }] });
  });

  it('refuses an answer that is not an entry, and says when there is none', async () => {
    await expect(client().entry('odd')).rejects.toThrow(/does not match its shape/);
    await expect(client().entry('missing')).rejects.toBeInstanceOf(ApiNotFoundError);
  });
});
