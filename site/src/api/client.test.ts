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
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('asks the API for the path and repeated filters', async () => {
    const client = createApiClient({ baseUrl, timeoutMs: 1000 });
    expect(await client.search({ q: 'chùa', ethnicGroups: ['khmer', 'hoa'] })).toEqual({ url: '/api/search?q=ch%C3%B9a&ethnicGroups=khmer&ethnicGroups=hoa' });
    expect(await client.item('a b')).toEqual({ url: '/api/items/a%20b' });
  });

  it.each([
    ['missing', ApiNotFoundError, 404],
    ['broken', ApiUnavailableError, 503],
    ['garbled', ApiUnavailableError, 503],
    ['bad', ApiError, 400],
    ['slow', ApiUnavailableError, 503],
  ] as const)('an item that is %s is a %s', async (id, errorClass, status) => {
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
