import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiFixture, OPERATOR, type ApiFixture } from '../../../tests/support/api-fixture.ts';
import { registerAccess } from './access.ts';

/** Every call into the access module, by rule name, while serving one request. */
const asked = vi.hoisted(() => new Set<string>());

// Each function of the access entry is wrapped to record its name: the routes, the
// services and the search service all import that entry, so every question is seen.
vi.mock('@disan/ingest/access', async (importOriginal) => {
  const original = await importOriginal<Record<string, unknown>>();
  return Object.fromEntries(
    Object.entries(original).map(([name, value]) => [
      name,
      typeof value === 'function'
        ? (...args: unknown[]): unknown => {
            asked.add(name);
            return (value as (...a: unknown[]) => unknown)(...args);
          }
        : value,
    ]),
  );
});

interface Operation {
  'x-access'?: string;
  requestBody?: unknown;
}

describe('every route asks access', () => {
  let f: ApiFixture;
  let paths: Record<string, Record<string, Operation>>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    f = await apiFixture();
    paths = (await f.app.inject({ url: '/api/docs/json' })).json<{ paths: typeof paths }>().paths;
    ids = { mediaId: await f.mediaOf('ok-om-bok'), rendition: 'thumb' };
  });
  afterAll(async () => {
    await f.close();
  });

  /** A real id for each path parameter, so the request reaches the rule a real one would. */
  const urlOf = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      if (name === 'id') return path.startsWith('/api/collections') ? 'khmer-festivals' : 'ok-om-bok';
      const id = ids[name];
      if (id === undefined) throw new Error(`no fixture id for path parameter ${name} of ${path}: add one to this test`);
      return id;
    });

  const operations = () => Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

  it('documents a rule for every route in the OpenAPI document', () => {
    const routes = operations();
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect(routes.filter(({ operation }) => !operation['x-access']).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it.each([
    ['the public', {}],
    ['the operator', OPERATOR],
  ])('asks the declared rule while serving each route to %s', async (_who, headers) => {
    const unasked: string[] = [];
    for (const { path, method, operation } of operations()) {
      asked.clear();
      const body = operation.requestBody === undefined ? {} : { payload: { q: '' } };
      const response = await f.app.inject({ method: method.toUpperCase() as 'GET', url: urlOf(path), headers, ...body });
      expect(response.statusCode, `${method} ${path}`).toBeLessThan(500);
      if (!asked.has(operation['x-access'] ?? '')) unasked.push(`${method} ${path} (${operation['x-access'] ?? 'no rule'}; asked ${[...asked].join(', ') || 'nothing'})`);
    }
    expect(unasked).toEqual([]);
  });
});

describe('registerAccess', () => {
  it('refuses a route that names no access rule', () => {
    const app = Fastify();
    registerAccess(app, {});
    expect(() => app.get('/api/forgotten', () => 'open')).toThrow(/GET \/api\/forgotten names no access rule/);
  });

  it('refuses a rule that access does not have', () => {
    const app = Fastify();
    registerAccess(app, {});
    expect(() => app.get('/api/typo', { config: { access: 'canReadEverything' as 'anyone' } }, () => 'open')).toThrow(/GET \/api\/typo names no access rule/);
  });

  it('gives routes a plugin adds the rule named for their prefix', async () => {
    const app = Fastify();
    registerAccess(app, { '/api/docs': 'anyone' });
    app.get('/api/docs/json', (request) => request.routeOptions.config.access ?? 'none');
    expect((await app.inject({ url: '/api/docs/json' })).body).toBe('anyone');
    await app.close();
  });

  it('answers 404 when a rule on the viewer alone refuses, before the route runs', async () => {
    const app = Fastify();
    app.decorateRequest('viewer', null as never);
    app.addHook('onRequest', (request, _reply, done) => {
      request.viewer = { kind: 'public' };
      done();
    });
    registerAccess(app, {});
    const handler = vi.fn(() => 'secret');
    app.get('/api/staff', { config: { access: 'canReadJobs' } }, handler);
    expect((await app.inject({ url: '/api/staff' })).statusCode).toBe(404);
    expect(handler).not.toHaveBeenCalled();
    await app.close();
  });
});
