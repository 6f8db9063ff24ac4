import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@disan/schemas';
import { apiFixture, OPERATOR, type ApiFixture } from '../../tests/support/api-fixture.ts';

/** Every route answers bad input with the one error shape and a reason naming the parameter. */
describe('the API on a real archive', () => {
  let f: ApiFixture;
  let mediaId: string;
  let thumb: Buffer;

  beforeAll(async () => {
    f = await apiFixture({ DISAN_BODY_LIMIT_BYTES: '16384' });
    mediaId = await f.mediaOf('ok-om-bok');
    const media = await f.archive.catalog.media.get(mediaId);
    const key = media!.derivatives.find((d) => d.name === 'thumb')!.key;
    const { body } = await f.archive.storage.get(key);
    thumb = Buffer.concat(await body.toArray());
  });
  afterAll(async () => {
    await f.close();
  });

  const errorOf = async (url: string, init: { method?: 'GET' | 'POST' | 'HEAD'; payload?: string; headers?: Record<string, string> } = {}) => {
    const response = await f.app.inject({ url, method: init.method ?? 'GET', ...(init.payload === undefined ? {} : { payload: init.payload }), headers: init.headers ?? {} });
    return { status: response.statusCode, body: response.json<ErrorBody>(), requestId: response.headers['x-request-id'] };
  };

  it.each([
    ['/api/items/no-such-item', 404, /Item no-such-item not found/],
    ['/api/collections/no-such-collection', 404, /Collection no-such-collection not found/],
    ['/api/media/m-nothing/thumb', 404, /not found/],
    ['/api/nowhere', 404, /no route GET \/api\/nowhere/],
    ['/api/items/Not_An_Id', 400, /path parameter "id" must match pattern/],
    ['/api/items?page=0', 400, /query parameter "page" must be >= 1/],
    ['/api/items?pageSize=1000', 400, /query parameter "pageSize" must be <= 100/],
    ['/api/items?sort=sideways', 400, /query parameter "sort"/],
    ['/api/collections/khmer-festivals?page=abc', 400, /query parameter "page" must be integer/],
    ['/api/search?facets=colour', 400, /query parameter "facets\[0\]"/],
    ['/api/search?near=9.6,105.9', 400, /query parameter "near" must match pattern/],
    ['/api/search?near=95,105.9,10', 400, /query parameter "near" must be a latitude/],
    ['/api/search?lat=9.6&lon=105.9', 400, /"lat", "lon" and "radius" \(km\) go together/],
    ['/api/search?lang=not a tag', 400, /query parameter "lang"/],
    ['/api/media/BAD/thumb', 400, /path parameter "mediaId"/],
    ['/api/jobs?status=lost', 400, /query parameter "status"/],
    // A 201-character id once answered in Fastify's own shape (the router's limit was 200).
    [`/api/items/${'a'.repeat(201)}`, 400, /path parameter "id" must match pattern/],
    [`/api/media/${'a'.repeat(201)}/thumb`, 400, /path parameter "mediaId"/],
    [`/api/items/${'a'.repeat(1001)}`, 414, /path parameter is too long/],
    ['/api/items/%E0%A4%A', 400, /not a valid URL/],
  ])('GET %s answers %i with a reason', async (url, status, reason) => {
    // The job list is for staff: anyone else is refused before the query is read.
    const { status: got, body, requestId } = await errorOf(url, url.startsWith('/api/jobs') ? { headers: OPERATOR } : {});
    expect(got).toBe(status);
    expect(body.error).toMatchObject({ status, requestId });
    expect(body.error.message).toMatch(reason);
  });

  it('takes one job status on /api/jobs, where status is not a list', async () => {
    const response = await f.app.inject({ url: '/api/jobs?status=done', headers: OPERATOR });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ jobs: { status: string }[] }>().jobs.every((job) => job.status === 'done')).toBe(true);
  });

  it.each(['/api/jobs', '/api/items', '/api/items/ok-om-bok', '/api/search?q=', '/api/collections', '/api/places', '/api/nowhere'])(
    'keeps the operator’s JSON answer from every cache and varies on the viewer’s headers: %s',
    async (url) => {
      const response = await f.app.inject({ url, headers: OPERATOR });
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.headers.vary).toMatch(/\bAuthorization, Cookie\b/);
    },
  );

  it('varies the public’s JSON answers on the viewer’s headers too, replays included, without making them private', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await f.app.inject({ url: '/api/items' });
      expect(response.headers.vary).toMatch(/\bAuthorization, Cookie\b/);
      expect(response.headers['cache-control']).toBeUndefined();
    }
    const refused = await f.app.inject({ url: '/api/items', headers: { authorization: 'Bearer wrong' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('private, no-store');
  });

  it('answers a 10 000-character search with 400 that states the limit, quickly', async () => {
    const started = performance.now();
    const { status, body } = await errorOf(`/api/search?q=${'x'.repeat(10_000)}`);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/query parameter "q" must NOT have more than 500 characters/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('answers a 10 000-character search sent as JSON with 400, not 413 or 500', async () => {
    const { status, body } = await errorOf('/api/search', { method: 'POST', payload: JSON.stringify({ q: 'x'.repeat(10_000) }), headers: { 'content-type': 'application/json' } });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/body field "q" must NOT have more than 500 characters/);
  });

  it('answers a body above the limit with 413 in the error shape', async () => {
    const { status, body } = await errorOf('/api/search', { method: 'POST', payload: JSON.stringify({ q: 'x', pad: 'y'.repeat(20_000) }), headers: { 'content-type': 'application/json' } });
    expect(status).toBe(413);
    expect(body.error.code).toBe('too_large');
  });

  it('searches by POST with a SearchQuery body', async () => {
    const response = await f.app.inject({ method: 'POST', url: '/api/search', payload: { q: 'ok om bok', facets: ['kind'] } });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ hits: { id: string }[] }>().hits.map((h) => h.id)).toEqual(['ok-om-bok']);
  });

  it('takes filters repeated or comma-separated alike', async () => {
    const ids = async (url: string) => (await f.app.inject({ url })).json<{ items: { id: string }[] }>().items.map((i) => i.id).sort();
    const both = ['chi-mo-ta', 'chol-chnam-thmay', 'ok-om-bok'];
    expect(await ids('/api/items?kind=festival,craft')).toEqual(both);
    expect(await ids('/api/items?kind=festival&kind=craft')).toEqual(both);
    expect(await ids('/api/items?province=Tr%C3%A0%20Vinh')).toEqual(['chol-chnam-thmay']);
  });

  it('finds items near a point by near=lat,lon,km and by lat/lon/radius alike', async () => {
    const ids = async (url: string) => (await f.app.inject({ url })).json<{ hits: { id: string }[] }>().hits.map((h) => h.id);
    expect(await ids('/api/search?near=9.6,105.97,5')).toEqual(['ok-om-bok']);
    expect(await ids('/api/search?lat=9.6&lon=105.97&radius=5')).toEqual(['ok-om-bok']);
  });

  describe('media delivery', () => {
    const url = () => `/api/media/${mediaId}/thumb`;

    it('serves the bytes with type, validators, cache and safety headers', async () => {
      const response = await f.app.inject({ url: url() });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(thumb)).toBe(true);
      expect(response.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'accept-ranges': 'bytes',
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=300, must-revalidate',
        'content-length': String(thumb.length),
      });
      expect(response.headers.etag).toMatch(/^"[0-9a-f]+"$/);
      expect(response.headers['last-modified']).toMatch(/GMT$/);
      expect(response.headers['content-disposition']).toMatch(/^inline;/);
    });

    it('serves the original with the same short public cache', async () => {
      const response = await f.app.inject({ url: `/api/media/${mediaId}/original` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
      expect(response.headers['content-disposition']).toMatch(/filename="photo-000\.jpg"/);
    });

    it.each([
      ['bytes=0-9', 0, 9],
      ['bytes=10-', 10, 'last'],
      ['bytes=-20', 'tail', 'last'],
      ['bytes=100-999999', 100, 'last'],
    ] as const)('answers Range %s with 206 and exactly those bytes', async (range, from, to) => {
      const response = await f.app.inject({ url: url(), headers: { range } });
      const start = from === 'tail' ? thumb.length - 20 : from;
      const end = to === 'last' ? thumb.length - 1 : to;
      expect(response.statusCode).toBe(206);
      expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${thumb.length}`);
      expect(response.rawPayload.equals(thumb.subarray(start, end + 1))).toBe(true);
    });

    it('answers a range past the end with 416 and the size', async () => {
      const response = await f.app.inject({ url: url(), headers: { range: `bytes=${thumb.length}-` } });
      expect(response.statusCode).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${thumb.length}`);
      expect(response.json<ErrorBody>().error.code).toBe('range_not_satisfiable');
    });

    it('sends the whole file for a malformed or multiple range', async () => {
      for (const range of ['bytes=5-2', 'items=0-1', 'bytes=0-1,4-5']) {
        const response = await f.app.inject({ url: url(), headers: { range } });
        expect(response.statusCode).toBe(200);
        expect(response.rawPayload.length).toBe(thumb.length);
      }
    });

    it('answers If-None-Match and If-Modified-Since with 304 and no body', async () => {
      const first = await f.app.inject({ url: url() });
      const byTag = await f.app.inject({ url: url(), headers: { 'if-none-match': `W/"other", ${first.headers.etag!}` } });
      expect(byTag.statusCode).toBe(304);
      expect(byTag.rawPayload.length).toBe(0);
      const byDate = await f.app.inject({ url: url(), headers: { 'if-modified-since': first.headers['last-modified']! } });
      expect(byDate.statusCode).toBe(304);
      const changed = await f.app.inject({ url: url(), headers: { 'if-none-match': '"something-else"' } });
      expect(changed.statusCode).toBe(200);
    });

    it('answers HEAD with the headers and length but no body', async () => {
      const response = await f.app.inject({ method: 'HEAD', url: url() });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-length']).toBe(String(thumb.length));
      expect(response.headers.etag).toBeDefined();
      expect(response.rawPayload.length).toBe(0);
    });

    it('answers 404 for a rendition that was never made', async () => {
      expect((await f.app.inject({ url: `/api/media/${mediaId}/webp-99999` })).statusCode).toBe(404);
    });

    it.each([
      ['withdrawn', { status: 'withdrawn' }],
      ['newly embargoed', { access: { level: 'embargo', embargoUntil: '2999-01-01' } }],
    ] as const)('lets no cache keep a public record’s media for longer than minutes, since it can be %s', async (_change, change) => {
      const id = 'chol-chnam-thmay';
      const { version: _v, createdAt: _c, updatedAt: _u, ...before } = (await f.archive.catalog.items.get(id))!;
      const files = [`/api/media/${await f.mediaOf(id)}/thumb`, `/api/media/${await f.mediaOf(id)}/original`];
      const maxAge = (header: string | undefined) => Number(/max-age=(\d+)/.exec(header ?? '')?.[1] ?? Infinity);
      for (const file of files) {
        const served = await f.app.inject({ url: file });
        expect(served.statusCode).toBe(200);
        expect(served.headers['cache-control']).not.toMatch(/immutable/);
        expect(served.headers['cache-control']).toMatch(/must-revalidate|no-cache/);
        expect(maxAge(served.headers['cache-control'])).toBeLessThanOrEqual(300);
      }
      await f.archive.catalog.items.upsert({ ...before, ...change }, { author: 'test' });
      try {
        // Once the cache revalidates, the file is gone for the public.
        for (const file of files) expect((await f.app.inject({ url: file })).statusCode).toBe(404);
      } finally {
        await f.archive.catalog.items.upsert(before, { author: 'test' });
      }
    });
  });

  it('reports readiness of catalog, storage and search', async () => {
    const response = await f.app.inject({ url: '/api/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', failed: [], checks: { catalog: { ok: true }, storage: { ok: true }, search: { ok: true } } });
    expect((await f.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
  });
});

describe('readiness when a part is down', () => {
  it('answers 503 naming the search engine once it is closed, with a generic reason', async () => {
    const f = await apiFixtureWithoutMedia();
    try {
      await f.archive.search.close();
      const response = await f.app.inject({ url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      const body = response.json<{ failed: string[]; checks: { search: { error: string } } }>();
      expect(body.failed).toEqual(['search']);
      expect(body.checks.search.error).toBe('failed (see the server log)');
      // Any door that needs search now fails: the answer hides the cause and names the request.
      const failed = await f.app.inject({ url: '/api/items', headers: { 'x-request-id': 'req-500' } });
      expect(failed.statusCode).toBeGreaterThanOrEqual(500);
      expect(failed.json<ErrorBody>().error).toMatchObject({ status: failed.statusCode, message: 'internal error', requestId: 'req-500' });
    } finally {
      await f.close();
    }
  });
});

/** Readiness needs no photos: an empty archive is enough. */
async function apiFixtureWithoutMedia() {
  const { temporaryArchive } = await import('../../tests/support/archive.ts');
  const { buildApp } = await import('./app.ts');
  const { archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' });
  const app = await buildApp({ archive, config: archive.config, logger: false });
  return {
    app,
    archive,
    close: async () => {
      await app.close();
      await dispose().catch(() => undefined);
    },
  };
}
