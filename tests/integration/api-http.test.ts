import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import type { Archive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { originalKey } from '@disan/ingest/storage';
import { temporaryArchive } from '../support/archive.ts';

/**
 * The API over real HTTP on loopback (app.listen on port 0, fetch): what only a real
 * socket shows — headers from the plugins, CORS, rate limiting, compression, ranges.
 */
describe('the API over HTTP', () => {
  let archive: Archive;
  let dataDir: string;
  let dispose: () => Promise<void>;
  const apps: FastifyInstance[] = [];
  const video = randomBytes(3 * 1024 * 1024);

  /** A listening app on the shared archive, with these settings on top of the defaults. */
  const serve = async (env: Record<string, string> = {}): Promise<string> => {
    const config = loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
    const app = await buildApp({ archive, config, logger: false });
    apps.push(app);
    return app.listen({ host: '127.0.0.1', port: 0 });
  };
  let base: string;

  beforeAll(async () => {
    ({ archive, dataDir, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' }));
    // A video-sized original of a public item, stored and catalogued as the pipeline would.
    const sha256 = createHash('sha256').update(video).digest('hex');
    await archive.storage.put(originalKey(sha256), video, { contentType: 'video/mp4', size: video.length });
    await archive.catalog.items.upsert(
      { id: 'dua-ghe-ngo', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Đua ghe ngo' }], status: 'published', access: { level: 'public' } },
      { author: 'test' },
    );
    await archive.catalog.media.insert({
      id: 'm-video', itemId: 'dua-ghe-ngo', sha256, mimeType: 'video/mp4', kind: 'video', size: video.length, originalName: 'dua-ghe.mp4',
      originalKey: originalKey(sha256), position: 0, status: 'ready', derivatives: [],
    });
    await archive.indexer.indexItems(['dua-ghe-ngo']);
    base = await serve();
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await dispose();
  });

  it('sends strict security headers (helmet) with every answer', async () => {
    const response = await fetch(`${base}/api/items`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('allows no cross-origin browser access by default, and exactly the configured origins when set', async () => {
    const closed = await fetch(`${base}/api/items`, { headers: { origin: 'https://site.example' } });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const open = await serve({ DISAN_CORS_ORIGINS: 'https://site.example,https://other.example' });
    const allowed = await fetch(`${open}/api/items`, { headers: { origin: 'https://site.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://site.example');
    const stranger = await fetch(`${open}/api/items`, { headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 429 in the error shape once a client passes the rate limit', async () => {
    const limited = await serve({ DISAN_RATE_LIMIT: '3' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${limited}/api/health`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await fetch(`${limited}/api/health`);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(body.error.message).toMatch(/at most 3 per minute/);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('counts each visitor behind a trusted proxy (the site) apart, and ignores forwarded addresses from anyone else', async () => {
    const viaSite = await serve({ DISAN_RATE_LIMIT: '2' });
    const from = (address: string) => fetch(`${viaSite}/api/health`, { headers: { 'x-forwarded-for': address } }).then((r) => r.status);
    expect([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')]).toEqual([200, 200, 429]);
    expect(await from('203.0.113.2')).toBe(200);
    // A visitor cannot pose as another by sending its own X-Forwarded-For: the site appends the real address.
    expect(await from('198.51.100.9, 203.0.113.1')).toBe(429);

    const untrusting = await serve({ DISAN_RATE_LIMIT: '2', DISAN_TRUST_PROXY: 'none' });
    const spoof = (address: string) => fetch(`${untrusting}/api/health`, { headers: { 'x-forwarded-for': address } }).then((r) => r.status);
    expect([await spoof('203.0.113.1'), await spoof('203.0.113.2'), await spoof('203.0.113.3')]).toEqual([200, 200, 429]);
  });

  it('compresses JSON for clients that accept it', async () => {
    const response = await fetch(`${base}/api/docs/json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(((await response.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it('reads a byte range of a video exactly, uncompressed', async () => {
    const response = await fetch(`${base}/api/media/m-video/original`, { headers: { range: 'bytes=1048576-2097151', 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 1048576-2097151/${video.length}`);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await response.arrayBuffer()).equals(video.subarray(1048576, 2097152))).toBe(true);
  });

  it('echoes a sane incoming request id and replaces an unsafe one', async () => {
    const kept = await fetch(`${base}/api/nothing-here`, { headers: { 'x-request-id': 'proxy-42.a:b' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-42.a:b');
    expect(((await kept.json()) as ErrorBody).error.requestId).toBe('proxy-42.a:b');
    const replaced = await fetch(`${base}/api/health`, { headers: { 'x-request-id': `bad id ${'x'.repeat(200)}` } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes an OpenAPI document listing every route', async () => {
    const document = (await (await fetch(`${base}/api/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/items',
        'GET /api/items/{id}',
        'GET /api/collections',
        'GET /api/collections/{id}',
        'GET /api/places',
        'GET /api/ethnic-groups',
        'GET /api/search',
        'POST /api/search',
        'GET /api/media/{mediaId}/{rendition}',
        'HEAD /api/media/{mediaId}/{rendition}',
        'GET /api/jobs',
        'GET /api/health',
        'GET /api/ready',
      ]),
    );
    expect((await fetch(`${base}/api/docs`, { redirect: 'manual' })).status).toBeLessThan(400);
  });
});
