import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountClient } from './account-client.ts';
import { ApiRefusal } from './errors.ts';
import { createTransport, type Visitor } from './transport.ts';

const account = {
  id: 'u-1', email: 'sok@example.org', name: 'Sok', language: 'km', status: 'active', roles: ['researcher'],
  memberships: [], secondFactor: false, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null,
};

// A loopback server standing in for the API's account routes: it records what reached it.
describe('the account client', () => {
  let server: Server;
  let baseUrl = '';
  const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
        const json = (status: number, body: unknown, headers: Record<string, string | string[]> = {}) => { res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body)); };
        if (req.url === '/api/auth/session') { json(200, { account, csrfToken: 'tok-1' }, { 'set-cookie': 'disan_session=; Max-Age=0; Path=/' }); return; }
        if (req.url === '/api/auth/sign-in') {
          const { password } = JSON.parse(Buffer.concat(chunks).toString()) as { password: string };
          if (password === 'right horse battery') { json(200, { account, csrfToken: 'tok-2' }, { 'set-cookie': ['disan_session=new; HttpOnly; SameSite=Lax; Path=/'] }); return; }
          json(429, { error: { status: 429, code: 'rate_limited', message: 'wait', requestId: 'r' } }, { 'retry-after': '120' }); return;
        }
        if (req.url === '/api/auth/sign-out') return void res.writeHead(204, { 'set-cookie': 'disan_session=; Max-Age=0; Path=/' }).end();
        if (req.url === '/api/links/abcdefghijklmnop') { json(422, { error: { status: 422, code: 'invalid', message: 'weak', requestId: 'r', problems: ['Use at least 10 characters.'] } }); return; }
        if (req.url?.startsWith('/api/users?')) { json(200, { accounts: [account], total: 1 }); return; }
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{}}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = (visitor: Visitor, cookies: string[] = []) => accountClient(createTransport({ baseUrl, timeoutMs: 2000, visitor, onSetCookie: (c) => cookies.push(c) }));
  const visitor = (): Visitor => ({ cookie: 'disan_session=old', origin: 'http://site.example', secFetchSite: 'same-origin', forwardedHost: 'site.example', userAgent: 'Firefox', forwardedFor: '203.0.113.9' });

  it('reads the session with the visitor\'s cookie, and passes a Set-Cookie on', async () => {
    const cookies: string[] = [];
    const session = await client(visitor(), cookies).session();
    expect(session).toEqual({ account, csrfToken: 'tok-1' });
    const request = seen.at(-1);
    expect(request?.headers).toMatchObject({ cookie: 'disan_session=old', 'user-agent': 'Firefox', 'x-forwarded-for': '203.0.113.9', 'x-forwarded-host': 'site.example' });
    expect(request?.headers.origin, 'a read sends no Origin').toBeUndefined();
    expect(cookies).toEqual(['disan_session=; Max-Age=0; Path=/']);
  });

  it('signs in with the Origin, Sec-Fetch-Site and the form\'s CSRF token, and hands the new cookie back', async () => {
    const cookies: string[] = [];
    const v = { ...visitor(), csrfToken: 'from-the-form' };
    await client(v, cookies).signIn({ email: 'sok@example.org', password: 'right horse battery' });
    expect(seen.at(-1)?.headers).toMatchObject({ origin: 'http://site.example', 'sec-fetch-site': 'same-origin', 'x-csrf-token': 'from-the-form', 'content-type': 'application/json' });
    expect(cookies).toEqual(['disan_session=new; HttpOnly; SameSite=Lax; Path=/']);
  });

  it('keeps the API\'s refusal: its code and when to try again', async () => {
    const refused = await client(visitor()).signIn({ email: 'sok@example.org', password: 'wrong' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiRefusal);
    expect(refused).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 120 });
  });

  it('takes a 204 and the password policy\'s problems', async () => {
    const cookies: string[] = [];
    await client(visitor(), cookies).signOut();
    expect(cookies).toHaveLength(1);
    const refused = await client(visitor()).useLink('abcdefghijklmnop', 'short').catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 422, problems: ['Use at least 10 characters.'] });
  });

  it('lists people with the query, limit and offset', async () => {
    const page = await client(visitor()).users({ query: 'sok', limit: 50, offset: 50 });
    expect(page.total).toBe(1);
    expect(seen.at(-1)?.url).toBe('/api/users?query=sok&limit=50&offset=50');
  });
});
