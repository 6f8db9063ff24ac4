import { Writable } from 'node:stream';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '@disan/ingest/accounts';
import { createAccounts } from '@disan/ingest/accounts';
import { addAccount, PASSWORD, sessionCookieOf, signIn } from '../../../../tests/support/accounts.ts';
import { apiFixture, type ApiFixture } from '../../../../tests/support/api-fixture.ts';
import { buildApp } from '../../app.ts';

/** The accounts' clock: throttling, TOTP steps and expiry follow it, not the wall. */
let clock = new Date('2026-06-01T10:00:00Z');
const advance = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

describe('signing in and out', () => {
  let f: ApiFixture;
  let researcher: Account;

  beforeAll(async () => {
    f = await apiFixture({}, { now: () => clock });
    researcher = await addAccount(f.archive, { email: 'researcher@example.org', roles: ['researcher'] });
  });
  afterAll(async () => {
    await f.close();
  });

  const signInWith = (payload: Record<string, string>, headers: Record<string, string> = {}) => f.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload, headers });
  const whoIs = async (cookie: string) => (await f.app.inject({ url: '/api/auth/session', headers: { cookie } })).json<{ account: Account | null; csrfToken: string | null }>();

  it('refuses a wrong password and an unknown email alike, with 401 invalid_credentials and no cookie', async () => {
    const wrong = await signInWith({ email: researcher.email, password: 'not the right password' });
    const unknown = await signInWith({ email: 'nobody@example.org', password: PASSWORD });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('invalid_credentials');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.json<{ error: { message: string } }>().error.message).toBe(unknown.json<{ error: { message: string } }>().error.message);
  });

  it('logs a failed sign-in at warn with the email and the address, never the password', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const app = await buildApp({ archive: f.archive, config: f.archive.config, logger: { level: 'warn', stream } });
    await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: researcher.email, password: 'a secret that must not be logged' } });
    await app.close();
    const failure = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'sign-in failed');
    expect(failure).toMatchObject({ level: 40, email: researcher.email, reason: 'invalid', client: '127.0.0.1' });
    expect(lines.join('\n')).not.toContain('a secret that must not be logged');
  });

  it('logs a refused door at warn with the rule and who asked, and names the person on every later line of their request', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const app = await buildApp({ archive: f.archive, config: f.archive.config, logger: { level: 'info', stream } });
    const { cookie, account } = await signIn(app, researcher.email);
    expect((await app.inject({ url: '/api/audit', headers: { cookie } })).statusCode).toBe(404);
    await app.close();
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((entry) => entry.msg === 'access refused')).toMatchObject({ level: 40, rule: 'canReadAudit', viewer: `user:${account.id}`, credential: 'session' });
    expect(entries.find((entry) => entry.msg === 'request completed' && (entry.res as { statusCode?: number } | undefined)?.statusCode === 404)).toMatchObject({ viewer: `user:${account.id}` });
    expect(lines.join('\n')).not.toContain(cookie.split('=')[1]);
  });

  it('answers 429 with Retry-After and when to try again after repeated failures, then lets the right password in once the wait is over', async () => {
    const account = await addAccount(f.archive, { email: 'throttled@example.org' });
    let response = await signInWith({ email: account.email, password: 'wrong password number 0' });
    for (let attempt = 1; response.statusCode === 401 && attempt < 20; attempt++) response = await signInWith({ email: account.email, password: `wrong password number ${attempt}` });
    expect(response.statusCode).toBe(429);
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const error = response.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/Try again in \d+ seconds? \(after \d\d:\d\d:\d\d UTC\)/);
    // Even the right password waits: a guesser cannot tell it from a wrong one.
    expect((await signInWith({ email: account.email, password: PASSWORD })).statusCode).toBe(429);
    advance(retryAfter);
    expect((await signInWith({ email: account.email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('sets no cookie for a visitor who never signs in', async () => {
    for (const url of ['/api/items/ok-om-bok', '/api/auth/session', '/api/items']) {
      expect((await f.app.inject({ url })).headers['set-cookie'], url).toBeUndefined();
    }
    expect((await f.app.inject({ url: '/api/auth/session' })).json()).toEqual({ account: null, csrfToken: null });
  });

  it('sets disan_session as HttpOnly, SameSite=Lax, Path=/, without Secure or an expiry, over http', async () => {
    const response = await signInWith({ email: researcher.email, password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^disan_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('sets __Host-disan_session with Secure when DISAN_PUBLIC_URL is https', async () => {
    const config = { ...f.archive.config, http: { ...f.archive.config.http, publicUrl: 'https://heritage.example.org' } };
    const app = await buildApp({ archive: f.archive, config, logger: false });
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: researcher.email, password: PASSWORD }, headers: { 'x-forwarded-proto': 'https', origin: 'https://heritage.example.org' } });
    const header = String(response.headers['set-cookie']);
    const cookie = sessionCookieOf(response, '__Host-disan_session')!;
    const session = (await app.inject({ url: '/api/auth/session', headers: { cookie, 'x-forwarded-proto': 'https' } })).json<{ account: Account | null }>();
    await app.close();
    expect(header).toMatch(/^__Host-disan_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(session.account?.id).toBe(researcher.id);
  });

  it('gives a new session id at sign-in: a cookie planted before is not the one after, and no longer signs anyone in', async () => {
    // An attacker signs in, then plants their own valid cookie in the victim's browser.
    const attacker = await addAccount(f.archive, { email: 'attacker@example.org' });
    const planted = (await signIn(f.app, attacker.email)).cookie;
    const response = await signInWith({ email: researcher.email, password: PASSWORD }, { cookie: planted });
    const after = sessionCookieOf(response)!;
    expect(after).not.toBe(planted);
    expect((await whoIs(after)).account?.id).toBe(researcher.id);
    expect((await whoIs(planted)).account).toBeNull();
    // A cookie the server never issued is replaced too.
    const forged = await signInWith({ email: researcher.email, password: PASSWORD }, { cookie: 'disan_session=chosen-by-the-attacker.c2lnbmF0dXJl' });
    expect(sessionCookieOf(forged)).not.toContain('chosen-by-the-attacker');
  });

  it('treats an unknown session cookie as the public and clears it', async () => {
    const response = await f.app.inject({ url: '/api/items/nghien-cuu', headers: { cookie: 'disan_session=unknown.c2lnbmF0dXJl' } });
    expect(response.statusCode).toBe(404);
    expect(String(response.headers['set-cookie'])).toMatch(/^disan_session=; .*Expires=Thu, 01 Jan 1970/);
  });

  it('signs out: 204, the cookie cleared, the old cookie the public, the sign-out audited', async () => {
    const session = await signIn(f.app, researcher.email);
    expect((await f.app.inject({ url: '/api/items/nghien-cuu', headers: session.reads })).statusCode).toBe(200);
    const response = await f.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: session.writes });
    expect(response.statusCode).toBe(204);
    expect(String(response.headers['set-cookie'])).toMatch(/^disan_session=; .*Expires=Thu, 01 Jan 1970.*HttpOnly; SameSite=Lax/);
    expect((await f.app.inject({ url: '/api/items/nghien-cuu', headers: session.reads })).statusCode).toBe(404);
    const { entries } = await f.archive.catalog.audit.list({ actor: researcher.id, action: 'auth.sign-out' });
    expect(entries.length).toBeGreaterThanOrEqual(1);
  });

  it('signs out everywhere with the current password (none: 400, a wrong one: 403 wrong_password): every session of the account ends, this one included', async () => {
    const [phone, laptop] = [await signIn(f.app, researcher.email), await signIn(f.app, researcher.email)];
    const everywhere = (payload?: object) => f.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: laptop.writes, ...(payload ? { payload } : {}) });
    expect((await everywhere()).statusCode).toBe(400);
    const wrong = await everywhere({ password: 'not the password at all' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('wrong_password');
    expect((await whoIs(phone.cookie)).account).not.toBeNull();
    expect((await everywhere({ password: PASSWORD })).statusCode).toBe(204);
    expect((await whoIs(phone.cookie)).account).toBeNull();
    expect((await whoIs(laptop.cookie)).account).toBeNull();
  });

  it('asks for the second factor when it is on, and takes a TOTP code (from a later step than setup) or a recovery code', async () => {
    const account = await addAccount(f.archive, { email: 'totp@example.org' });
    const session = await signIn(f.app, account.email);
    const { secret } = (await f.app.inject({ method: 'POST', url: '/api/account/second-factor', headers: session.writes })).json<{ secret: string }>();
    const confirmed = await f.app.inject({ method: 'POST', url: '/api/account/second-factor/confirm', headers: session.writes, payload: { code: codeAt(secret, clock) } });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);

    const asked = await signInWith({ email: account.email, password: PASSWORD });
    expect(asked.statusCode).toBe(401);
    expect(asked.json<{ error: { code: string } }>().error.code).toBe('second_factor_required');
    expect(asked.headers['set-cookie']).toBeUndefined();
    expect((await signInWith({ email: account.email, password: PASSWORD, code: '000000' })).statusCode).toBe(401);

    advance(30);
    const withCode = await signInWith({ email: account.email, password: PASSWORD, code: codeAt(secret, clock) });
    expect(withCode.statusCode).toBe(200);
    expect(sessionCookieOf(withCode)).toBeDefined();
    expect((await signInWith({ email: account.email, password: PASSWORD, code: recoveryCodes[0]! })).statusCode).toBe(200);
    expect((await signInWith({ email: account.email, password: PASSWORD, code: recoveryCodes[0]! })).statusCode).toBe(401);
  });

  it('works over real HTTP with a cookie jar: sign in, read as the account, change with the token, sign out', async () => {
    const app = await buildApp({ archive: f.archive, config: f.archive.config, logger: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const jar = new Map<string, string>();
    /** A browser's cookie handling, reduced to one host: keep what is set, drop what is cleared. */
    const call = async (path: string, init: RequestInit = {}) => {
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(`${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split('; ');
        const name = pair.slice(0, pair.indexOf('='));
        const value = pair.slice(pair.indexOf('=') + 1);
        if (value === '' || attributes.some((a) => a.startsWith('Expires=Thu, 01 Jan 1970'))) jar.delete(name);
        else jar.set(name, value);
      }
      return response;
    };
    try {
      const json = { 'content-type': 'application/json', origin: base };
      const signedIn = await call('/api/auth/sign-in', { method: 'POST', headers: json, body: JSON.stringify({ email: researcher.email, password: PASSWORD }) });
      expect(signedIn.status).toBe(200);
      expect([...jar.keys()]).toEqual(['disan_session']);
      const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
      expect((await call('/api/items/nghien-cuu')).status).toBe(200);
      expect((await call('/api/account', { method: 'PATCH', headers: json, body: JSON.stringify({ language: 'en' }) })).status).toBe(403);
      expect((await call('/api/account', { method: 'PATCH', headers: { ...json, 'x-csrf-token': csrfToken }, body: JSON.stringify({ language: 'en' }) })).status).toBe(200);
      expect((await call('/api/auth/sign-out', { method: 'POST', headers: { origin: base, 'x-csrf-token': csrfToken } })).status).toBe(204);
      expect(jar.size).toBe(0);
      expect((await call('/api/items/nghien-cuu')).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('refuses an admin without a second factor when DISAN_ADMIN_SECOND_FACTOR is required, saying what to do', async () => {
    const admin = await addAccount(f.archive, { email: 'strict-admin@example.org', roles: ['admin'] });
    const accounts = createAccounts(f.archive.db, { config: { ...f.archive.config.accounts, adminSecondFactor: 'required' }, now: () => clock });
    const app = await buildApp({ archive: { ...f.archive, accounts }, config: f.archive.config, logger: false });
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: admin.email, password: PASSWORD } });
    await app.close();
    expect(response.statusCode).toBe(403);
    const error = response.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe('second_factor_setup_required');
    expect(error.message).toContain('disan users second-factor');
  });
});
