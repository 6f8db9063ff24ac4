import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import { afterEach, describe, expect, it } from 'vitest';
import { PUBLIC, SYSTEM, type Viewer } from '@disan/ingest/access';
import { apiFixture, OPERATOR, type ApiFixture } from '../../../tests/support/api-fixture.ts';
import { createPublicCache, type PublicCacheOptions } from './public-cache.ts';

/** A small app with the cache, compression and a viewer decided by one header, as in the real app. */
async function counterApp(
  options: Partial<PublicCacheOptions> = {},
  viewerOf: (authorization: string | undefined) => Viewer = (authorization) => (authorization ? SYSTEM : PUBLIC),
): Promise<{ app: FastifyInstance; calls: () => number }> {
  const app = Fastify({ logger: false });
  app.decorateRequest('viewer', null as never);
  const cache = createPublicCache({ seconds: 2, ...options });
  app.addHook('onSend', cache.store);
  await app.register(compress, { global: true, threshold: 1 });
  app.addHook('onRequest', (request, _reply, done) => {
    request.viewer = viewerOf(request.headers.authorization);
    done();
  });
  app.addHook('onRequest', cache.replay);
  let calls = 0;
  app.get('/cached/:n', { config: { publicCache: true } }, (request, reply) => {
    calls++;
    void reply.header('content-language', 'vi').header('x-per-request', String(calls));
    return { n: (request.params as { n: string }).n, call: calls, padding: 'x'.repeat(200) };
  });
  app.get('/missing', { config: { publicCache: true } }, (_request, reply) => {
    calls++;
    return reply.code(404).send({ call: calls });
  });
  app.get('/uncached', () => ({ call: ++calls }));
  return { app, calls: () => calls };
}

describe('public cache', () => {
  it('replays the public answer with the route headers, not per-request ones', async () => {
    const { app, calls } = await counterApp();
    const first = await app.inject('/cached/1');
    const second = await app.inject('/cached/1');
    expect(calls()).toBe(1);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['content-language']).toBe('vi');
    expect(second.headers['x-per-request']).toBeUndefined();
    await app.inject('/cached/2');
    expect(calls()).toBe(2);
  });

  it('asks access whose answers it may share: any anonymous viewer, never a signed-in user without roles', async () => {
    const { app, calls } = await counterApp({}, (authorization) => (authorization ? { kind: 'user', roles: [], communities: [] } : { kind: 'public' }));
    await app.inject('/cached/1');
    await app.inject('/cached/1');
    expect(calls()).toBe(1);
    await app.inject({ url: '/cached/1', headers: { authorization: 'Bearer user' } });
    expect(calls()).toBe(2);
  });

  it('reads through for anyone but the public, for other routes and for failures', async () => {
    const { app, calls } = await counterApp();
    await app.inject('/cached/1');
    const operator = await app.inject({ url: '/cached/1', headers: { authorization: 'Bearer x' } });
    expect(operator.json()).toMatchObject({ call: 2 });
    await app.inject('/uncached');
    await app.inject('/uncached');
    expect(calls()).toBe(4);
    await app.inject('/missing');
    const again = await app.inject('/missing');
    expect(again.statusCode).toBe(404);
    expect(calls()).toBe(6);
  });

  it('forgets an answer once its time is up', async () => {
    let clock = 1_000_000;
    const { app, calls } = await counterApp({ now: () => clock });
    await app.inject('/cached/1');
    clock += 1_999;
    await app.inject('/cached/1');
    expect(calls()).toBe(1);
    clock += 2;
    const fresh = await app.inject('/cached/1');
    expect(fresh.json()).toMatchObject({ call: 2 });
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const { app, calls } = await counterApp({ maxEntries: 2 });
    await app.inject('/cached/1');
    await app.inject('/cached/2');
    await app.inject('/cached/1'); // 1 is now the most recent
    await app.inject('/cached/3'); // evicts 2
    expect(calls()).toBe(3);
    await app.inject('/cached/1');
    expect(calls()).toBe(3);
    await app.inject('/cached/2');
    expect(calls()).toBe(4);
  });

  it('still compresses a replayed answer', async () => {
    const { app } = await counterApp();
    const plain = await app.inject('/cached/1');
    const zipped = await app.inject({ url: '/cached/1', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
  });

  it('is off at 0 seconds', async () => {
    const { app, calls } = await counterApp({ seconds: 0 });
    await app.inject('/cached/1');
    await app.inject('/cached/1');
    expect(calls()).toBe(2);
  });
});

describe('public cache in the API', () => {
  let fixture: ApiFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it('shows the public an edit only after DISAN_API_CACHE_SECONDS, and an operator at once', async () => {
    fixture = await apiFixture({ DISAN_API_CACHE_SECONDS: '1' });
    const { app, archive } = fixture;
    const before = await app.inject('/api/items/ok-om-bok');
    expect(before.statusCode).toBe(200);
    const item = await archive.catalog.items.get('ok-om-bok');
    if (!item) throw new Error('fixture item missing');
    const { version: _v, createdAt: _c, updatedAt: _u, ...input } = item;
    await archive.catalog.items.upsert({ ...input, title: [{ lang: 'vi', value: 'Tên mới' }] }, { author: 'test' });

    expect((await app.inject('/api/items/ok-om-bok')).body).toBe(before.body);
    const operator = await app.inject({ url: '/api/items/ok-om-bok', headers: OPERATOR });
    expect(operator.json<{ title: unknown }>().title).toEqual([{ lang: 'vi', value: 'Tên mới' }]);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await app.inject('/api/items/ok-om-bok')).json<{ title: unknown }>().title).toEqual([{ lang: 'vi', value: 'Tên mới' }]);
  });
});
