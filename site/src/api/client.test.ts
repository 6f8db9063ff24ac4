import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { item } from '../lib/item.fixture.ts';
import { createApiClient, queryString } from './client.ts';
import { ApiError, ApiNotFoundError, ApiUnavailableError } from './errors.ts';

describe('queryString', () => {
  it.each([
    [{ q: 'le hoi', kind: ['festival', 'ritual'], page: 2 }, 'q=le+hoi&kind=festival&kind=ritual&page=2'],
    [{ q: '', kind: [], page: undefined }, ''],
    [{ q: 'a&b=c' }, 'q=a%26b%3Dc'],
  ])('%j → %s', (params, expected) => {
    expect(queryString(params)).toBe(expected);
  });
});

const hit = { id: 'chua-doi', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Chùa Dơi' }], thumbnail: null, geo: null, snippet: null, passages: [] };
const searchResult = { query: 'chùa', total: 1, page: 1, pageSize: 20, hits: [{ ...hit, status: 'published', access: { level: 'community', communities: ['khmer-soc-trang'] } }], facets: {}, engine: 'embedded', tookMs: 1 };
/** An answer from an API older than the badges in lists: hits without their state and access. */
const unbadgedResult = { ...searchResult, hits: [hit] };
const mediaText = { mediaId: 'm-1', total: 0, offset: 0, limit: 100, passages: [] };
const waveform = { version: 1, sampleRate: 8000, samplesPerPeak: 256, length: 1, peaks: [-1, 1] };

// A real HTTP server on loopback standing in for the API: valid answers by path, and its failure modes.
describe('createApiClient', () => {
  let server: Server;
  let baseUrl = '';
  const requests: { url: string; forwardedFor: string | undefined }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '';
      requests.push({ url, forwardedFor: req.headers['x-forwarded-for'] as string | undefined });
      const json = (body: unknown): void => { res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)); };
      if (url.startsWith('/api/items/slow')) return void setTimeout(() => res.end('{}'), 2000);
      if (url.startsWith('/api/items/missing')) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{}}');
      if (url.startsWith('/api/items/broken')) return void res.writeHead(500).end('{"error":{}}');
      if (url.startsWith('/api/items/bad')) return void res.writeHead(400).end('{"error":{}}');
      if (url.startsWith('/api/items/garbled')) return void res.writeHead(200).end('<html>');
      if (url.startsWith('/api/items/misshapen')) { json({ ...item, title: 'not a list', media: null }); return; }
      if (url.startsWith('/api/items/')) { json(item); return; }
      if (url.startsWith('/api/search?q=unbadged')) { json(unbadgedResult); return; }
      if (url.startsWith('/api/search')) { json(searchResult); return; }
      if (url.startsWith('/api/collections')) { json({ collections: [] }); return; }
      if (url.includes('/text')) { json(mediaText); return; }
      if (url.startsWith('/api/media/')) { json(waveform); return; }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const lastRequest = () => requests.at(-1);

  it('names the visitor in X-Forwarded-For when told, so the API limits each visitor apart', async () => {
    await createApiClient({ baseUrl, timeoutMs: 1000, forwardedFor: '203.0.113.7' }).item('x');
    expect(lastRequest()).toEqual({ url: '/api/items/x', forwardedFor: '203.0.113.7' });
    await createApiClient({ baseUrl, timeoutMs: 1000 }).item('x');
    expect(lastRequest()).toEqual({ url: '/api/items/x', forwardedFor: undefined });
  });

  it('asks the API for the path and repeated filters, and hands on answers of the right shape', async () => {
    const client = createApiClient({ baseUrl, timeoutMs: 1000 });
    expect(await client.search({ q: 'chùa', ethnicGroups: ['khmer', 'hoa'] })).toEqual(searchResult);
    expect(lastRequest()?.url).toBe('/api/search?q=ch%C3%B9a&ethnicGroups=khmer&ethnicGroups=hoa');
    expect(await client.item('a b')).toEqual(item);
    expect(lastRequest()?.url).toBe('/api/items/a%20b');
    expect(await client.mediaText('m-1', { page: 7 })).toEqual(mediaText);
    expect(lastRequest()?.url).toBe('/api/media/m-1/text?page=7');
  });

  it('fetches a waveform only from a media rendition path of the API', async () => {
    const client = createApiClient({ baseUrl, timeoutMs: 1000 });
    expect(await client.waveform('/api/media/m-1/waveform-json')).toEqual(waveform);
    for (const path of ['https://elsewhere.example/w.json', '//elsewhere.example/w', '/api/media/../items/x', '/api/items/x']) {
      await expect(client.waveform(path), path).rejects.toBeInstanceOf(ApiError);
    }
  });

  it.each([
    ['missing', 404, ApiNotFoundError],
    ['broken', 503, ApiUnavailableError],
    ['garbled', 503, ApiUnavailableError],
    ['misshapen', 503, ApiUnavailableError],
    ['bad', 400, ApiError],
    ['slow', 503, ApiUnavailableError],
  ] as const)('an item that is %s fails with status %s', async (id, status, errorClass) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = createApiClient({ baseUrl, timeoutMs: 300 });
    const error: unknown = await client.item(id).catch((e: unknown) => e);
    quiet.mockRestore();
    expect(error).toBeInstanceOf(errorClass);
    expect((error as ApiError).status).toBe(status);
  });

  it('logs an answer of the wrong shape with where it is wrong, and treats the API as unavailable', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = createApiClient({ baseUrl, timeoutMs: 1000 });
    await expect(client.item('misshapen')).rejects.toBeInstanceOf(ApiUnavailableError);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/answer to \/api\/items\/misshapen does not match its shape: .*\/title/));
    log.mockRestore();
  });

  it('checks that every hit says its state and who may read it, which the badges in results rely on', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = createApiClient({ baseUrl, timeoutMs: 1000 });
    await expect(client.search({ q: 'unbadged' })).rejects.toBeInstanceOf(ApiUnavailableError);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/does not match its shape: .*\/hits\/0/));
    log.mockRestore();
  });

  it('says which API could not be reached', async () => {
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
    await expect(client.collections()).rejects.toThrow(/http:\/\/127\.0\.0\.1:9/);
  });
});
