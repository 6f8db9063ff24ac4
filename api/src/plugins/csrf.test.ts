import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, PASSWORD, signIn, type SignedIn } from '../../../tests/support/accounts.ts';
import { apiFixture, type ApiFixture } from '../../../tests/support/api-fixture.ts';
import { buildApp } from '../app.ts';
import { originRefusal } from './csrf.ts';

describe('originRefusal', () => {
  const allowed = new Set(['https://heritage.example.org', 'https://partner.example.net']);
  it.each([
    ['no Origin and no Sec-Fetch-Site (a script, the site’s server)', {}, true],
    ['the public URL', { origin: 'https://heritage.example.org', 'sec-fetch-site': 'same-origin' }, true],
    ['a CORS origin', { origin: 'https://partner.example.net' }, true],
    ['the host the request came to', { origin: 'http://localhost:4321' }, true],
    ['another origin', { origin: 'https://evil.example' }, false],
    ['a sandboxed page (Origin: null)', { origin: 'null' }, false],
    ['Sec-Fetch-Site: cross-site, whatever the Origin', { origin: 'https://heritage.example.org', 'sec-fetch-site': 'cross-site' }, false],
    ['Sec-Fetch-Site: same-origin without Origin', { 'sec-fetch-site': 'same-origin' }, true],
  ])('%s: allowed %s', (_case, headers, expected) => {
    expect(originRefusal(headers, 'localhost:4321', allowed) === undefined).toBe(expected);
  });
});

describe('CSRF through the API', () => {
  let f: ApiFixture;
  let app: FastifyInstance;
  let session: SignedIn;
  // http, so the cookie keeps the name of the fixture's app (https is tested in routes/auth).
  const PUBLIC_URL = 'http://heritage.example.org';

  beforeAll(async () => {
    f = await apiFixture();
    // The site's public URL and one CORS origin configured, as in production.
    app = await buildApp({ archive: f.archive, config: { ...f.archive.config, http: { ...f.archive.config.http, publicUrl: PUBLIC_URL, corsOrigins: ['https://partner.example.net'] } }, logger: false });
    await addAccount(f.archive, { email: 'person@example.org' });
    session = await signIn(f.app, 'person@example.org');
  });
  afterAll(async () => {
    await app.close();
    await f.close();
  });

  // The apps share the catalog and the session secret, so a session from one works in the other.
  const patch = (headers: Record<string, string>) => app.inject({ method: 'PATCH', url: '/api/account', headers, payload: { name: 'Renamed' } });
  const errorOf = (response: Awaited<ReturnType<typeof patch>>) => response.json<{ error: { status: number; code: string; message: string } }>().error;

  it('refuses a change from another origin with 403 and a message a person can act on', async () => {
    const response = await patch({ ...session.writes, origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).message).toMatch(/not from this archive's site\. Open the archive's own page and try again there/);
  });

  it('refuses a change marked Sec-Fetch-Site: cross-site', async () => {
    expect((await patch({ ...session.writes, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });

  it('refuses a change from the site itself without the session’s CSRF token, or with another’s', async () => {
    const missing = await patch({ cookie: session.cookie, origin: PUBLIC_URL });
    expect(missing.statusCode).toBe(403);
    expect(errorOf(missing)).toMatchObject({ code: 'csrf' });
    expect(errorOf(missing).message).toMatch(/x-csrf-token/);
    const other = await signIn(f.app, 'person@example.org');
    expect((await patch({ cookie: session.cookie, 'x-csrf-token': other.csrfToken, origin: PUBLIC_URL })).statusCode).toBe(403);
  });

  it('takes a change with the token from the public URL, a CORS origin, the host the site proxy forwards, or a server without Origin', async () => {
    for (const headers of [
      { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' } as Record<string, string>,
      { origin: 'https://partner.example.net' },
      { origin: 'http://site.internal:4321', 'x-forwarded-host': 'site.internal:4321' },
      {},
    ]) {
      expect((await patch({ ...session.writes, ...headers })).statusCode, JSON.stringify(headers)).toBe(200);
    }
  });

  it('gives the same token again from GET /api/auth/session, which works for changes', async () => {
    const { csrfToken } = (await app.inject({ url: '/api/auth/session', headers: session.reads })).json<{ csrfToken: string }>();
    expect((await patch({ cookie: session.cookie, 'x-csrf-token': csrfToken })).statusCode).toBe(200);
  });

  it('checks the origin of a sign-in even without a cookie, and needs no token for it', async () => {
    const sign = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/auth/sign-in', headers, payload: { email: 'person@example.org', password: PASSWORD } });
    expect((await sign({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await sign({ origin: PUBLIC_URL })).statusCode).toBe(200);
  });

  it('leaves a public change with no cookie alone (a reset request), and checks the origin of one that carries a stale cookie', async () => {
    const reset = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/password-resets', headers, payload: { email: 'person@example.org' } });
    expect((await reset({ origin: 'https://evil.example' })).statusCode).toBe(202);
    expect((await reset({ origin: 'https://evil.example', cookie: 'disan_session=stale.c2ln' })).statusCode).toBe(403);
    expect((await reset({ cookie: 'disan_session=stale.c2ln' })).statusCode).toBe(202);
  });
});
