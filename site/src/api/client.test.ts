import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// A real HTTP server on loopback standing in for the API's failure modes.
describe('createApiClient', () => {
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '';
      if (url.startsWith('/api/items/slow')) return void setTimeout(() => res.end('{}'), 2000);
      if (url.startsWith('/api/items/missing')) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{}}');
      if (url.startsWith('/api/items/broken')) return void res.writeHead(500).end('{"error":{}}');
      if (url.startsWith('/api/items/bad')) return void res.writeHead(400).end('{"error":{}}');
      if (url.startsWith('/api/items/garbled')) return void res.writeHead(200).end('<html>');
      const forwarded = req.headers['x-forwarded-for'];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(forwarded === undefined ? { url } : { url, forwardedFor: forwarded }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('names the visitor in X-Forwarded-For when told, so the API limits each visitor apart', async () => {
    const visitor = createApiClient({ baseUrl, timeoutMs: 1000, forwardedFor: '203.0.113.7' });
    expect(await visitor.item('x')).toMatchObject({ forwardedFor: '203.0.113.7' });
    expect(await createApiClient({ baseUrl, timeoutMs: 1000 }).item('x')).toEqual({ url: '/api/items/x' });
  });

  it('asks the API for the path and repeated filters', async () => {
    const client = createApiClient({ baseUrl, timeoutMs: 1000 });
    expect(await client.search({ q: 'chùa', ethnicGroups: ['khmer', 'hoa'] })).toEqual({ url: '/api/search?q=ch%C3%B9a&ethnicGroups=khmer&ethnicGroups=hoa' });
    expect(await client.item('a b')).toEqual({ url: '/api/items/a%20b' });
    expect(await client.mediaText('m-1', { page: 7 })).toEqual({ url: '/api/media/m-1/text?page=7' });
  });

  it('fetches a waveform only from a media rendition path of the API', async () => {
    const client = createApiClient({ baseUrl, timeoutMs: 1000 });
    expect(await client.waveform('/api/media/m-1/waveform-json')).toEqual({ url: '/api/media/m-1/waveform-json' });
    for (const path of ['https://elsewhere.example/w.json', '//elsewhere.example/w', '/api/media/../items/x', '/api/items/x']) {
      await expect(client.waveform(path), path).rejects.toBeInstanceOf(ApiError);
    }
  });

  it.each([
    ['missing', 404, ApiNotFoundError],
    ['broken', 503, ApiUnavailableError],
    ['garbled', 503, ApiUnavailableError],
    ['bad', 400, ApiError],
    ['slow', 503, ApiUnavailableError],
  ] as const)('an item that is %s fails with status %s', async (id, status, errorClass) => {
    const client = createApiClient({ baseUrl, timeoutMs: 300 });
    const error: unknown = await client.item(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    expect((error as ApiError).status).toBe(status);
  });

  it('says which API could not be reached', async () => {
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
    await expect(client.collections()).rejects.toThrow(/http:\/\/127\.0\.0\.1:9/);
  });
});
