import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, SessionInfo } from '@disan/ingest/accounts';
import { addAccount, PASSWORD, signIn, type SignedIn } from '../../../../tests/support/accounts.ts';
import { apiFixture, type ApiFixture } from '../../../../tests/support/api-fixture.ts';
import { buildApp } from '../../app.ts';
// The session's fields on requests, for the hook below.
import type {} from '../../plugins/session.ts';

let clock = new Date('2026-06-01T10:00:00Z');
const COMMUNITY = 'khmer-soc-trang';

describe('sessions, tokens and accounts through the API', () => {
  let f: ApiFixture;
  let admin: SignedIn;

  beforeAll(async () => {
    f = await apiFixture({}, { now: () => clock });
    await f.archive.accounts.communities.create({ id: COMMUNITY, name: 'Khmer Sóc Trăng' }, { id: 'cli' });
    await addAccount(f.archive, { email: 'admin@example.org', roles: ['admin'] });
    admin = await signIn(f.app, 'admin@example.org');
  });
  afterAll(async () => {
    await f.close();
  });

  const status = async (url: string, headers: Record<string, string>) => (await f.app.inject({ url, headers })).statusCode;

  it('ends the other sessions at a password change, and keeps the one that changed it', async () => {
    const account = await addAccount(f.archive, { email: 'changer@example.org', roles: ['researcher'] });
    const [here, elsewhere] = [await signIn(f.app, account.email), await signIn(f.app, account.email)];
    const next = 'a brand new passphrase for 2027';
    const response = await f.app.inject({ method: 'POST', url: '/api/account/password', headers: here.writes, payload: { current: PASSWORD, next } });
    expect(response.statusCode).toBe(204);
    expect(await status('/api/items/nghien-cuu', here.reads)).toBe(200);
    expect(await status('/api/items/nghien-cuu', elsewhere.reads)).toBe(404);
    const weak = await f.app.inject({ method: 'POST', url: '/api/account/password', headers: here.writes, payload: { current: next, next: 'password1' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json<{ error: { code: string; problems: string[] } }>().error.code).toBe('password_policy');
    expect(weak.json<{ error: { problems: string[] } }>().error.problems.length).toBeGreaterThan(0);
  });

  it('lists the account’s sessions with the current one marked, and ends another by its handle', async () => {
    const account = await addAccount(f.archive, { email: 'lister@example.org' });
    const [here, elsewhere] = [await signIn(f.app, account.email), await signIn(f.app, account.email)];
    const { sessions } = (await f.app.inject({ url: '/api/account/sessions', headers: here.reads })).json<{ sessions: SessionInfo[] }>();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    expect((await f.app.inject({ method: 'DELETE', url: `/api/account/sessions/${other.handle}`, headers: here.writes, payload: { password: PASSWORD } })).statusCode).toBe(204);
    expect((await f.app.inject({ url: '/api/auth/session', headers: elsewhere.reads })).json<{ account: null }>().account).toBeNull();
  });

  it('ends another session only with the account’s current password: none is invalid, a wrong one 403 wrong_password, audited', async () => {
    const account = await addAccount(f.archive, { email: 'confirmer@example.org' });
    const [here, elsewhere] = [await signIn(f.app, account.email), await signIn(f.app, account.email)];
    const { sessions } = (await f.app.inject({ url: '/api/account/sessions', headers: here.reads })).json<{ sessions: SessionInfo[] }>();
    const end = (payload?: object) => f.app.inject({ method: 'DELETE', url: `/api/account/sessions/${sessions.find((s) => !s.current)!.handle}`, headers: here.writes, ...(payload ? { payload } : {}) });
    expect((await end()).statusCode).toBe(400);
    const wrong = await end({ password: 'not the password at all' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('wrong_password');
    expect((await f.app.inject({ url: '/api/auth/session', headers: elsewhere.reads })).json<{ account: Account | null }>().account?.id).toBe(account.id);
    const { entries } = await f.archive.catalog.audit.list({ target: account.id, action: 'auth.reauth-failed' });
    expect(entries).toHaveLength(1);
    expect((await end({ password: PASSWORD })).statusCode).toBe(204);
    expect((await f.app.inject({ url: '/api/auth/session', headers: elsewhere.reads })).json<{ account: null }>().account).toBeNull();
  });

  it('counts a wrong password given to confirm an action as a failed sign-in: past the free attempts, 429 with Retry-After, sign-in too', async () => {
    const account = await addAccount(f.archive, { email: 'guesser@example.org' });
    const session = await signIn(f.app, account.email);
    const confirm = (password: string) => f.app.inject({ method: 'POST', url: '/api/account/tokens', headers: session.writes, payload: { name: 'guess', scope: 'read', expiresInDays: 1, password } });
    for (let attempt = 0; attempt < 5; attempt++) expect((await confirm(`wrong guess ${attempt}`)).statusCode).toBe(403);
    const throttled = await confirm(PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await f.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: account.email, password: PASSWORD } })).statusCode).toBe(429);
    clock = new Date(clock.getTime() + Number(throttled.headers['retry-after']) * 1000);
    expect((await confirm(PASSWORD)).statusCode).toBe(201);
  });

  it('makes a disabled account the public at its next request, even one that was in flight when it was disabled', async () => {
    const member = await addAccount(f.archive, { email: 'leaving@example.org', memberships: [{ community: COMMUNITY, steward: false }] });
    const session = await signIn(f.app, member.email);
    // An app whose requests wait at a gate once the viewer is decided, and touch their session (so the library saves it back).
    const app = await buildApp({ archive: f.archive, config: f.archive.config, logger: false });
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    app.addHook('preHandler', async (request) => {
      if (request.headers['x-test-gate'] === undefined) return;
      request.session.address = 'changed while in flight';
      await gate;
    });
    const inFlight = app.inject({ url: '/api/items/cong-dong', headers: { ...session.reads, 'x-test-gate': '1' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const disabled = await f.app.inject({ method: 'PATCH', url: `/api/users/${member.id}`, headers: admin.writes, payload: { status: 'disabled' } });
    expect(disabled.statusCode).toBe(200);
    open();
    // Decided before the change, it still answers; what matters is that it cannot bring the session back.
    expect((await inFlight).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/items/cong-dong', headers: session.reads })).statusCode).toBe(404);
    expect(await status('/api/items/cong-dong', session.reads)).toBe(404);
    expect((await f.app.inject({ url: '/api/auth/session', headers: session.reads })).json<{ account: null }>().account).toBeNull();
    await app.close();
  });

  it('ends a member’s access when a steward removes them from the community', async () => {
    const steward = await addAccount(f.archive, { email: 'steward@example.org', memberships: [{ community: COMMUNITY, steward: true }] });
    const member = await addAccount(f.archive, { email: 'removed@example.org', memberships: [{ community: COMMUNITY, steward: false }] });
    const [stewardSession, memberSession] = [await signIn(f.app, steward.email), await signIn(f.app, member.email)];
    expect(await status('/api/items/cong-dong', memberSession.reads)).toBe(200);
    expect((await f.app.inject({ method: 'DELETE', url: `/api/communities/${COMMUNITY}/members/${member.id}`, headers: stewardSession.writes })).statusCode).toBe(204);
    expect(await status('/api/items/cong-dong', memberSession.reads)).toBe(404);
    // A steward manages their own community and no other.
    expect((await f.app.inject({ url: '/api/communities/other-community/members', headers: stewardSession.reads })).statusCode).toBe(404);
  });

  describe('personal tokens', () => {
    let owner: Account;
    let session: SignedIn;
    const create = async (scope: 'read' | 'write', expiresInDays = 30) => {
      const response = await f.app.inject({ method: 'POST', url: '/api/account/tokens', headers: session.writes, payload: { name: `${scope} script`, scope, expiresInDays, password: PASSWORD } });
      expect(response.statusCode).toBe(201);
      return response.json<{ token: string; info: { id: string } }>();
    };
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    beforeAll(async () => {
      owner = await addAccount(f.archive, { email: 'scripter@example.org', roles: ['admin'] });
      session = await signIn(f.app, owner.email);
    });

    it('makes a token only with the owner’s current password: none is invalid, a wrong one 403 wrong_password and no token', async () => {
      const make = (payload: object) => f.app.inject({ method: 'POST', url: '/api/account/tokens', headers: session.writes, payload: { name: 'unconfirmed', scope: 'write', expiresInDays: 30, ...payload } });
      expect((await make({})).statusCode).toBe(400);
      const wrong = await make({ password: `${PASSWORD}!` });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json<{ error: { code: string } }>().error.code).toBe('wrong_password');
      expect((await f.archive.accounts.tokens.list(owner.id)).map((t) => t.name)).not.toContain('unconfirmed');
      expect((await make({ password: PASSWORD })).statusCode).toBe(201);
    });

    it('lets a read token read what its owner reads, and refuses every change as the access plugin does (404), CSRF or not', async () => {
      const { token } = await create('read');
      expect(await status('/api/items/ban-nhap', bearer(token))).toBe(200);
      expect(await status('/api/users', bearer(token))).toBe(404);
      for (const [method, url, payload] of [
        ['POST', '/api/users', { email: 'x@example.org', name: 'X', language: 'vi', roles: [] }],
        ['POST', '/api/account/tokens', { name: 'escalate', scope: 'write', expiresInDays: 1, password: PASSWORD }],
        ['PATCH', '/api/account', { name: 'Renamed by a read token' }],
      ] as const) {
        expect((await f.app.inject({ method, url, headers: bearer(token), payload })).statusCode, `${method} ${url}`).toBe(404);
      }
    });

    it('lets a write token change what its owner may, with no CSRF token and from any origin', async () => {
      const { token } = await create('write');
      const response = await f.app.inject({ method: 'POST', url: '/api/users', headers: { ...bearer(token), origin: 'https://script.example' }, payload: { email: 'by-token@example.org', name: 'By token', language: 'en', roles: ['researcher'] } });
      expect(response.statusCode).toBe(201);
      expect(response.json<{ link: { url: string }; mailed: boolean }>()).toMatchObject({ link: { url: expect.stringMatching(/^http:\/\/localhost:4321\/en\/welcome\/[\w-]+$/) as unknown }, mailed: false });
    });

    it('refuses an expired or revoked token with 401 and a message saying what to do', async () => {
      const expiring = await create('read', 1);
      const revoked = await create('read');
      expect((await f.app.inject({ method: 'DELETE', url: `/api/account/tokens/${revoked.info.id}`, headers: session.writes })).statusCode).toBe(204);
      expect(await status('/api/items', bearer(revoked.token))).toBe(401);
      expect(await status('/api/items', bearer(expiring.token))).toBe(200);
      clock = new Date(clock.getTime() + 2 * 86_400_000);
      const expired = await f.app.inject({ url: '/api/items', headers: bearer(expiring.token) });
      expect(expired.statusCode).toBe(401);
      expect(expired.json<{ error: { message: string } }>().error.message).toMatch(/expired/);
    });
  });

  it('opens a one-time link once: what it is for, the policy’s problems listed, then the password set', async () => {
    // A fresh sign-in: the token test moved the clock past the admin's session.
    admin = await signIn(f.app, 'admin@example.org');
    const invited = await f.app.inject({ method: 'POST', url: '/api/users', headers: admin.writes, payload: { email: 'newcomer@example.org', name: 'Newcomer', language: 'vi', roles: ['researcher'] } });
    const token = invited.json<{ link: { url: string } }>().link.url.split('/').pop()!;
    const peek = await f.app.inject({ url: `/api/links/${token}` });
    expect(peek.json()).toMatchObject({ purpose: 'invitation', email: 'newcomer@example.org' });
    expect(peek.headers['cache-control']).toBe('private, no-store');
    const weak = await f.app.inject({ method: 'POST', url: `/api/links/${token}`, payload: { password: 'short' } });
    expect(weak.statusCode).toBe(422);
    expect((await f.app.inject({ method: 'POST', url: `/api/links/${token}`, payload: { password: PASSWORD } })).statusCode).toBe(204);
    expect((await f.app.inject({ url: `/api/links/${token}` })).statusCode).toBe(404);
    expect((await signIn(f.app, 'newcomer@example.org')).account.status).toBe('active');
  });

  it('answers a password-reset request 202 whether or not the account exists', async () => {
    for (const email of ['admin@example.org', 'nobody@example.org']) {
      expect((await f.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email } })).statusCode).toBe(202);
    }
  });

  it('keeps an admin from disabling themselves', async () => {
    admin = await signIn(f.app, 'admin@example.org');
    const response = await f.app.inject({ method: 'PATCH', url: `/api/users/${admin.account.id}`, headers: admin.writes, payload: { status: 'disabled' } });
    expect(response.statusCode).toBe(409);
  });
});
