import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOaiClient, DISAN_USER_AGENT, HarvestFetchError, OaiProtocolErrorResponse, parseRetryAfter } from './oai-client.ts';

const FIXTURES = '/work/shared/fixtures/oai';
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  const open = server;
  if (open) await new Promise<void>((resolve) => open.close(() => { resolve(); }));
  server = undefined;
});

/** A loopback server answering with `handler`; returns its base URL. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse, url: URL) => void): Promise<string> {
  server = createServer((request, response) => { handler(request, response, new URL(request.url ?? '/', 'http://localhost')); });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/oai`;
}

const xml = (response: ServerResponse, body: string, status = 200) => {
  response.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
  response.end(body);
};

async function collect<T>(pages: AsyncGenerator<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('OAI-PMH client', () => {
  it('follows NSDL\'s resumption tokens through four pages, sending only the token after the first', async () => {
    const seen: string[] = [];
    const tokens: Record<string, string> = {
      '0/200/733/nsdl_dc/null/2012-07-26/null': 'page2',
      '200/400/733/nsdl_dc/null/2012-07-26/null': 'page3',
      '400/600/733/nsdl_dc/null/2012-07-26/null': 'page4',
    };
    const base = await serve((request, response, url) => {
      seen.push(url.search);
      expect(request.headers['user-agent']).toBe(DISAN_USER_AGENT);
      const token = url.searchParams.get('resumptionToken');
      if (token === null) { xml(response, fixture('nsdl_ListIdentifiers-page1.xml')); return; }
      const page = tokens[token];
      xml(response, fixture(page ? `nsdl_ListIdentifiers-${page}.xml` : 'arxiv_error-badResumptionToken.xml'));
    });
    const client = createOaiClient(base, { delayMs: 0 });
    const pages = await collect(client.listIdentifiers({ metadataPrefix: 'nsdl_dc', from: '2012-07-26' }));
    expect(pages.map((page) => page.headers.length)).toEqual([200, 200, 200, 133]);
    expect(new Set(pages.flatMap((page) => page.headers.map((h) => h.identifier))).size).toBe(733);
    expect(seen[0]).toBe('?verb=ListIdentifiers&metadataPrefix=nsdl_dc&from=2012-07-26');
    expect(seen.slice(1).map((search) => new URLSearchParams(search).get('verb'))).toEqual(['ListIdentifiers', 'ListIdentifiers', 'ListIdentifiers']);
    expect(seen.slice(1).every((search) => [...new URLSearchParams(search).keys()].join() === 'verb,resumptionToken')).toBe(true);
    expect(client.requests).toBe(4);
  });

  it('treats noRecordsMatch as an empty list', async () => {
    const base = await serve((_request, response) => { xml(response, fixture('pod-stanford_error-noRecordsMatch.xml')); });
    expect(await collect(createOaiClient(base, { delayMs: 0 }).listRecords({ metadataPrefix: 'marc21', from: '2030-01-01' }))).toEqual([]);
  });

  it.each([
    ['arxiv_error-badArgument.xml', 'badArgument'],
    ['arxiv_error-badResumptionToken.xml', 'badResumptionToken'],
    ['arxiv_error-badVerb.xml', 'badVerb'],
    ['arxiv_error-idDoesNotExist.xml', 'idDoesNotExist'],
    ['spec-example_error-cannotDisseminateFormat.xml', 'cannotDisseminateFormat'],
  ])('reports %s as the OAI-PMH error %s, also when sent with HTTP 422', async (name, code) => {
    const base = await serve((_request, response) => { xml(response, fixture(name), 422); });
    const error = await collect(createOaiClient(base, { delayMs: 0 }).listRecords({ metadataPrefix: 'oai_dc' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OaiProtocolErrorResponse);
    expect((error as OaiProtocolErrorResponse).oaiCode).toBe(code);
    expect((error as Error).message).toContain(`answered ${code}`);
  });

  it('retries a connection reset twice with growing back-off, then reads the answer', async () => {
    let calls = 0;
    const base = await serve((request, response) => {
      calls++;
      if (calls <= 2) return request.socket.destroy();
      xml(response, fixture('dspace-erasmus_ListRecords-oai_dc.xml'));
    });
    const waits: number[] = [];
    const client = createOaiClient(base, { delayMs: 0, backoffMs: 20, onRetry: ({ waitMs }) => waits.push(waitMs) });
    const pages = await collect(client.listRecords({ metadataPrefix: 'oai_dc' }));
    expect(pages[0]?.records).toHaveLength(16);
    expect(waits).toEqual([20, 40]);
    expect(calls).toBe(3);
  });

  it('waits as long as a 503\'s Retry-After asks, and retries a 500 with back-off', async () => {
    let calls = 0;
    const stamps: number[] = [];
    const base = await serve((_request, response) => {
      calls++;
      stamps.push(Date.now());
      if (calls === 1) {
        response.writeHead(503, { 'retry-after': '1' });
        return response.end('busy');
      }
      if (calls === 2) {
        response.writeHead(500);
        return response.end('oops');
      }
      xml(response, fixture('dspace-erasmus_Identify.xml'));
    });
    const reasons: string[] = [];
    const identify = await createOaiClient(base, { delayMs: 0, backoffMs: 10, onRetry: ({ reason }) => reasons.push(reason) }).identify();
    expect(identify.granularity).toBe('YYYY-MM-DDThh:mm:ssZ');
    expect(reasons).toEqual(['HTTP 503', 'HTTP 500']);
    expect(stamps[1]! - stamps[0]!).toBeGreaterThanOrEqual(950);
  });

  it('gives up after its attempts with the last reason', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(502);
      response.end();
    });
    await expect(createOaiClient(base, { delayMs: 0, backoffMs: 1, maxAttempts: 3 }).identify()).rejects.toThrow(/failed 3 times; last: HTTP 502/);
  });

  it('times out a server that never answers', async () => {
    const base = await serve(() => undefined);
    const error = await createOaiClient(base, { delayMs: 0, backoffMs: 1, maxAttempts: 2, timeoutMs: 100 }).identify().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HarvestFetchError);
    expect((error as Error).message).toMatch(/timed out/);
  });

  it('spaces its requests by the polite delay', async () => {
    const stamps: number[] = [];
    const base = await serve((_request, response) => {
      stamps.push(Date.now());
      xml(response, fixture('dspace-erasmus_Identify.xml'));
    });
    const client = createOaiClient(base, { delayMs: 150 });
    await client.identify();
    await client.identify();
    expect(stamps[1]! - stamps[0]!).toBeGreaterThanOrEqual(140);
  });

  it('says so when a server answers something other than OAI-PMH', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html><body>Not here</body></html>');
    });
    await expect(createOaiClient(base, { delayMs: 0 }).identify()).rejects.toThrow(/\(HTTP 404\) did not answer OAI-PMH/);
  });

  it('reads Retry-After in seconds and as a date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 18:00:10 GMT', Date.parse('2026-12-02T18:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
