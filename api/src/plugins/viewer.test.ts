import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { PUBLIC, SYSTEM, type Viewer } from '@disan/ingest/access';
import type { Account } from '@disan/ingest/accounts';
import { UnauthorizedError } from '../errors.ts';
import { createViewerOf, type ViewerDeps } from './viewer.ts';

const TOKEN = 'operator-token-0123456789abcdefghij';
const PERSONAL = 'disan_personal-token-of-the-researcher';
const account = (status: Account['status']): Account => ({
  id: 'u-1', email: 'a@example.org', name: 'A', language: 'vi', status, roles: ['researcher'], memberships: [], secondFactor: false, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null,
});
const researcher = (scope?: 'read' | 'write'): Viewer => ({ kind: 'user', id: 'u-1', roles: ['researcher'], communities: [], ...(scope ? { scope } : {}) });

/**
 * The decision alone, with the engine's answers given: the engine's own tests cover
 * tokens and sessions, and api/src/routes/auth tests the whole path on a real catalog.
 */
const deps = (operatorToken: string | undefined, status: Account['status'] = 'active'): ViewerDeps => ({
  operatorToken,
  accounts: {
    tokens: { resolve: (token: string) => Promise.resolve(token === PERSONAL ? { account: account('active'), scope: 'read' as const } : null) } as ViewerDeps['accounts']['tokens'],
    viewerOf: (_account: Account, scope?: 'read' | 'write') => researcher(scope) as Viewer & { kind: 'user' },
  },
  accountOf: (id) => Promise.resolve(id === 'u-1' ? account(status) : null),
});
const request = (authorization?: string, userId?: string) => ({ headers: authorization === undefined ? {} : { authorization }, session: userId === undefined ? {} : { userId } }) as unknown as FastifyRequest;

describe('viewerOf', () => {
  const viewerOf = createViewerOf(deps(TOKEN));

  it('treats a request without credentials as the public', async () => {
    expect(await viewerOf(request())).toEqual({ viewer: PUBLIC, credential: 'none' });
  });

  it.each([`Bearer ${TOKEN}`, `bearer ${TOKEN}`])('makes %s an operator', async (header) => {
    expect(await viewerOf(request(header))).toEqual({ viewer: SYSTEM, credential: 'operator' });
  });

  it('makes a personal token its owner, within the token’s scope', async () => {
    expect(await viewerOf(request(`Bearer ${PERSONAL}`))).toEqual({ viewer: researcher('read'), credential: 'token' });
  });

  it.each([`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, 'Bearer', `Basic ${TOKEN}`, TOKEN])('refuses %s with 401 rather than guessing', async (header) => {
    await expect(viewerOf(request(header))).rejects.toThrow(UnauthorizedError);
  });

  it('makes a session the account it names, and the public when the account is gone or not active', async () => {
    expect(await viewerOf(request(undefined, 'u-1'))).toEqual({ viewer: researcher(), credential: 'session' });
    expect(await viewerOf(request(undefined, 'u-gone'))).toEqual({ viewer: PUBLIC, credential: 'none' });
    expect(await createViewerOf(deps(TOKEN, 'disabled'))(request(undefined, 'u-1'))).toEqual({ viewer: PUBLIC, credential: 'none' });
  });

  it('lets a bearer token decide even beside a session cookie', async () => {
    expect(await viewerOf(request(`Bearer ${TOKEN}`, 'u-1'))).toEqual({ viewer: SYSTEM, credential: 'operator' });
  });

  it('gives no operator access over HTTP when no token is configured', async () => {
    await expect(createViewerOf(deps(undefined))(request(`Bearer ${TOKEN}`))).rejects.toThrow(UnauthorizedError);
    expect(await createViewerOf(deps(undefined))(request())).toEqual({ viewer: PUBLIC, credential: 'none' });
  });
});
