import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../config.ts';
import { forwardHeaders } from './proxy.ts';
import { buildSiteServer, IMMUTABLE, type NodeHandler } from './site-server.ts';

/** A stand-in API on loopback that echoes what reached it, and answers as the real one does. */
function fakeApi(): Promise<{ server: Server; url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === '/api/media/m-1/webp-480') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      if (req.headers.range === 'bytes=0-9') return void res.writeHead(206, { 'content-range': 'bytes 0-9/100', 'content-type': 'image/webp', etag: '"v1"' }).end(Buffer.alloc(10));
      return void res.writeHead(200, { 'content-type': 'image/webp', etag: '"v1"', 'cache-control': 'public, max-age=86400' }).end(Buffer.alloc(100));
    }
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => { res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ type: req.headers['content-type'], body: Buffer.concat(chunks).toString() })); });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=abc; HttpOnly; Path=/' }).end(JSON.stringify({ url: req.url }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => { resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }); }));
}

const pages: NodeHandler = (req, res) => {
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => { res.writeHead(200, { 'content-type': 'text/plain' }).end(`form ${Buffer.concat(chunks).toString()}`); });
    return;
  }
  res.writeHead(req.url === '/missing-page' ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' }).end(`<p>page ${req.url ?? ''}</p>`);
};

describe('the site server', () => {
  let app: FastifyInstance;
  let api: Awaited<ReturnType<typeof fakeApi>>;
  let clientDir = '';
  const script = 'export const words = "xin chào";\n'.repeat(200);

  beforeAll(async () => {
    api = await fakeApi();
    clientDir = await mkdtemp(join(tmpdir(), 'disan-site-client-'));
    await mkdir(join(clientDir, '_astro'));
    await writeFile(join(clientDir, '_astro', 'app.abc123.js'), script);
    await writeFile(join(clientDir, 'robots.txt'), 'User-agent: *\n');
    app = await buildSiteServer({ config: loadSiteConfig({ DISAN_API_URL: api.url }), pages, clientDir });
  });
  afterAll(async () => {
    await app.close();
    api.server.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  it('serves hashed build files compressed and cached for a year, other files for an hour', async () => {
    const built = await app.inject({ url: '/_astro/app.abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(built.statusCode).toBe(200);
    expect(built.headers['cache-control']).toBe(IMMUTABLE);
    expect(built.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(built.rawPayload).toString()).toBe(script);
    expect(built.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const robots = await app.inject({ url: '/robots.txt' });
    expect(robots.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers a missing build file with a plain 404, without rendering a page', async () => {
    const answer = await app.inject({ url: '/_astro/nope.zzz.js' });
    expect(answer.statusCode).toBe(404);
    expect(answer.body).toBe('Not found');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('renders every other address with the pages handler, security headers included', async () => {
    const answer = await app.inject({ url: '/en/item/x?y=1' });
    expect(answer.body).toBe('<p>page /en/item/x?y=1</p>');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answer.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect((await app.inject({ url: '/missing-page' })).statusCode).toBe(404);
  });

  it('leaves a form posted to a page unread, for Astro to read', async () => {
    const answer = await app.inject({ method: 'POST', url: '/en/about', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'q=le+hoi' });
    expect(answer.body).toBe('form q=le+hoi');
  });

  it('proxies /api with cookies, Authorization and X-Forwarded-For through, and Set-Cookie back', async () => {
    const answer = await app.inject({ url: '/api/items?q=a', headers: { cookie: 'session=abc', authorization: 'Bearer t', 'x-forwarded-for': '1.2.3.4' }, remoteAddress: '10.0.0.9' });
    expect(answer.json()).toEqual({ url: '/api/items?q=a' });
    expect(answer.headers['set-cookie']).toBe('session=abc; HttpOnly; Path=/');
    const seen = api.seen.at(-1);
    expect(seen).toMatchObject({ cookie: 'session=abc', authorization: 'Bearer t', 'x-forwarded-for': '1.2.3.4, 10.0.0.9' });
  });

  it.each([
    ['/oai?verb=Identify', '/api/oai?verb=Identify', '/oai', 'verb=Identify'],
    ['/sru?operation=explain', '/api/sru?operation=explain', '/sru', 'operation=searchRetrieve&query=a'],
  ])('proxies %s, the address other libraries use, to the API\'s %s, saying which', async (url, upstream, prefix, form) => {
    const answer = await app.inject({ url });
    expect(answer.json()).toEqual({ url: upstream });
    expect(api.seen.at(-1)?.['x-forwarded-prefix']).toBe(prefix);
    expect((await app.inject({ method: 'POST', url: prefix, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form })).json()).toEqual({
      type: 'application/x-www-form-urlencoded',
      body: form,
    });
  });

  it.each([
    ['application/json', '{"name":"Sok"}'],
    ['application/x-www-form-urlencoded', 'name=S%C3%B3c&password=x'],
  ])('sends a %s body on to the API as it came', async (type, body) => {
    const answer = await app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': type }, payload: body });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toEqual({ type, body });
  });

  it('passes Range (206) and If-None-Match (304) through, with ETag and cache headers', async () => {
    const ranged = await app.inject({ url: '/api/media/m-1/webp-480', headers: { range: 'bytes=0-9' } });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-range']).toBe('bytes 0-9/100');
    expect(ranged.rawPayload.length).toBe(10);
    const full = await app.inject({ url: '/api/media/m-1/webp-480' });
    expect(full.headers.etag).toBe('"v1"');
    expect(full.headers['cache-control']).toBe('public, max-age=86400');
    expect((await app.inject({ url: '/api/media/m-1/webp-480', headers: { 'if-none-match': '"v1"' } })).statusCode).toBe(304);
  });

  it('answers a dead API with a 502 in the API error shape', async () => {
    const dead = await buildSiteServer({ config: loadSiteConfig({ DISAN_API_URL: 'http://127.0.0.1:9' }), pages, clientDir });
    try {
      const answer = await dead.inject({ url: '/api/items' });
      expect(answer.statusCode).toBe(502);
      const body = answer.json<{ error: { status: number; code: string; message: string; requestId: string } }>();
      expect(body.error).toMatchObject({ status: 502, code: 'unavailable' });
      expect(body.error.requestId).toBe(answer.headers['x-request-id']);
    } finally {
      await dead.close();
    }
  });
});

describe('forwardHeaders', () => {
  it('keeps every request header and adds the X-Forwarded-* trio', () => {
    expect(forwardHeaders({ range: 'bytes=0-99', cookie: 'a=b', 'x-forwarded-for': '1.2.3.4' }, '10.0.0.9', 'heritage.example.org')).toEqual({
      range: 'bytes=0-99',
      cookie: 'a=b',
      'x-forwarded-for': '1.2.3.4, 10.0.0.9',
      'x-forwarded-host': 'heritage.example.org',
      'x-forwarded-proto': 'http',
    });
  });

  it('tells the API the scheme of the public address, never one a visitor sends', () => {
    const headers = forwardHeaders({ 'x-forwarded-proto': 'http' }, '10.0.0.9', 'heritage.example.org', 'https');
    expect(headers['x-forwarded-proto']).toBe('https');
  });
});
