import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account } from '@disan/ingest/accounts';
import { addAccount, PASSWORD, signIn } from '../../../tests/support/accounts.ts';
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
  operationId?: string;
  requestBody?: unknown;
}

const COMMUNITY = 'khmer-soc-trang';

/**
 * A valid body for each operation that takes one, so that a route whose rule is asked in
 * the handler (canManageCommunity) gets past validation to ask it. Changes that would end
 * the walking viewer's own access (sign-out is fine: each route gets a fresh sign-in)
 * are avoided: a wrong current password, a name change rather than disabling.
 */
const bodies = (member: Account): Record<string, unknown> => ({
  searchItemsByBody: { q: '' },
  signIn: { email: 'nobody@example.org', password: 'not the password at all' },
  updateAccount: { name: 'Someone else' },
  changePassword: { current: 'not the password at all', next: 'another long passphrase 2026' },
  confirmSecondFactor: { code: '000000' },
  disableSecondFactor: { password: 'not the password at all' },
  createToken: { name: 'walk', scope: 'read', expiresInDays: 1 },
  useLink: { password: 'short' },
  requestPasswordReset: { email: member.email },
  inviteUser: { email: 'invited@example.org', name: 'Invited', language: 'en', roles: ['researcher'] },
  updateUser: { name: 'Renamed' },
  sendUserLink: { purpose: 'reset' },
  createCommunity: { id: 'walk-community', name: 'Walk' },
  setMember: { email: member.email, steward: false },
});

describe('every route asks access', () => {
  let f: ApiFixture;
  let paths: Record<string, Record<string, Operation>>;
  let ids: Record<string, string>;

  let admin: Account;
  let member: Account;

  beforeAll(async () => {
    // The walk sends several requests per route, more than a minute's worth of the default limit.
    f = await apiFixture({ DISAN_RATE_LIMIT: '1000000' });
    paths = (await f.app.inject({ url: '/api/docs/json' })).json<{ paths: typeof paths }>().paths;
    await f.archive.accounts.communities.create({ id: COMMUNITY, name: 'Khmer Sóc Trăng' }, { id: 'cli' });
    admin = await addAccount(f.archive, { email: 'admin@example.org', roles: ['admin'] });
    member = await addAccount(f.archive, { email: 'member@example.org', memberships: [{ community: COMMUNITY, steward: false }] });
    const token = await f.archive.accounts.tokens.create(admin.id, { name: 'walk', scope: 'write', expiresInDays: 30 }, { id: 'cli' });
    const link = await f.archive.accounts.links.create(member.id, 'reset', { id: 'cli' });
    const session = await signIn(f.app, member.email);
    const handle = f.archive.accounts.sessions.handleOf(session.cookie.split('=')[1]!.split('.')[0]!);
    ids = { mediaId: await f.mediaOf('ok-om-bok'), version: '1', rendition: 'thumb', handle, token: link.token, userId: member.id, user: admin.id, tokenId: token.info.id };
  });
  afterAll(async () => {
    await f.close();
  });

  /** A real id for each path parameter, so the request reaches the rule a real one would. */
  const urlOf = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      if (name === 'id') {
        if (path.startsWith('/api/collections') || path.startsWith('/api/dictionary/word-lists')) return 'khmer-festivals';
        if (path.startsWith('/api/users')) return ids.user!;
        if (path.startsWith('/api/account/tokens')) return ids.tokenId!;
        if (path.startsWith('/api/communities')) return COMMUNITY;
        return 'ok-om-bok';
      }
      const id = ids[name];
      if (id === undefined) throw new Error(`no fixture id for path parameter ${name} of ${path}: add one to this test`);
      return id;
    });

  /** Routes whose query string is required: the request must pass validation to reach its rule. */
  const QUERIES: Record<string, string> = {
    '/api/media/{mediaId}/find': '?q=ok',
    '/api/items/{id}/cite': '?format=ris',
    '/api/search/export': '?format=ris',
    '/api/collections/{id}/export': '?format=ris',
    '/api/dictionary/search': '?q=ok',
    '/api/dictionary/browse': '?order=khmer',
  };

  const operations = () => Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

  it('documents a rule for every route in the OpenAPI document', () => {
    const routes = operations();
    expect(routes.length).toBeGreaterThanOrEqual(40);
    expect(routes.filter(({ operation }) => !operation['x-access']).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  /** Each route is called with fresh headers: a session is signed in anew, since some routes end it. */
  const walkers: [string, () => Promise<Record<string, string>>][] = [
    ['the public', () => Promise.resolve({})],
    ['the operator', () => Promise.resolve(OPERATOR)],
    ['an admin signed in with the session cookie', async () => (await signIn(f.app, admin.email, PASSWORD)).writes],
    ['a community member signed in', async () => (await signIn(f.app, member.email, PASSWORD)).writes],
  ];

  it.each(walkers)('asks the declared rule while serving each route to %s', async (_who, headersOf) => {
    const unasked: string[] = [];
    const body = bodies(member);
    for (const { path, method, operation } of operations()) {
      const headers = await headersOf();
      asked.clear();
      const payload = operation.requestBody === undefined ? {} : { payload: body[operation.operationId ?? ''] ?? {} };
      const response = await f.app.inject({ method: method.toUpperCase() as 'GET', url: urlOf(path) + (QUERIES[path] ?? ''), headers, ...payload });
      expect(response.statusCode, `${method} ${path}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
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
