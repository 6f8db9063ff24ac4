import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '@disan/ingest';
import { LinkNotUsableError, PasswordPolicyError, WrongPasswordError } from '@disan/ingest/accounts';
import { createCatalog } from '@disan/ingest/catalog';
import { createTestDatabase, DRIVERS, uniqueId, type TestDatabase } from './drivers.ts';
import { activeAccount, CLI, PASSWORD, testAccounts, testClock } from './accounts-support.ts';

const FROM = { id: 'anonymous', address: '192.0.2.10', requestId: 'req-1' };

describe.each(DRIVERS)('accounts (%s)', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t.dispose();
  });

  describe('users and sign-in', () => {
    it('creates an invited account, refuses a taken email whatever its case, and signs in once activated', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const email = `${uniqueId('a')}@Example.org`;
      const account = await accounts.users.create({ email, name: 'An', language: 'en', roles: ['archivist'] }, CLI);
      expect(account).toMatchObject({ status: 'invited', roles: ['archivist'], memberships: [], secondFactor: false, lastLoginAt: null });
      await expect(accounts.users.create({ email: email.toUpperCase(), name: 'B', language: 'vi', roles: [] }, CLI)).rejects.toBeInstanceOf(ConflictError);
      expect(await accounts.signIn({ email, password: PASSWORD }, FROM)).toEqual({ ok: false, reason: 'invalid' });
      const link = await accounts.links.create(account.id, 'invitation', CLI);
      await accounts.links.consume(link.token, PASSWORD, FROM);
      const signedIn = await accounts.signIn({ email: email.toLowerCase(), password: PASSWORD }, FROM);
      expect(signedIn).toMatchObject({ ok: true, account: { id: account.id, status: 'active' } });
      expect(await accounts.users.findByEmail(email.toUpperCase())).toMatchObject({ id: account.id });
    });

    it('gives one answer for an unknown email, a wrong password and a disabled account, and audits each with the address', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const account = await activeAccount(accounts);
      const other = await activeAccount(accounts);
      await accounts.users.update(other.id, { status: 'disabled' }, CLI);
      const address = { ...FROM, address: '198.51.100.7' };
      expect(await accounts.signIn({ email: 'nobody@example.org', password: PASSWORD }, address)).toEqual({ ok: false, reason: 'invalid' });
      expect(await accounts.signIn({ email: account.email, password: 'not the password' }, address)).toEqual({ ok: false, reason: 'invalid' });
      expect(await accounts.signIn({ email: other.email, password: PASSWORD }, address)).toEqual({ ok: false, reason: 'invalid' });
      const failures = await createCatalog(t.db).audit.list({ action: 'auth.sign-in-failed', target: account.id });
      expect(failures.entries[0]).toMatchObject({ address: '198.51.100.7', requestId: 'req-1', details: { reason: 'wrong password' } });
    });

    it('rehashes a password stored with older parameters at the next sign-in', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const account = await activeAccount(accounts);
      await t.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [account.id, await hash(PASSWORD, { memoryCost: 8192, timeCost: 1, parallelism: 1 })]);
      expect((await accounts.signIn({ email: account.email, password: PASSWORD }, FROM)).ok).toBe(true);
      const [row] = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [account.id]);
      expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect((await accounts.signIn({ email: account.email, password: PASSWORD }, FROM)).ok).toBe(true);
    });

    it('throttles an account with growing delays, counted in the database, and tells when to retry', async () => {
      const clock = testClock();
      const { accounts } = testAccounts(t.db, clock);
      const account = await activeAccount(accounts);
      const wrong = { email: account.email, password: 'wrong wrong wrong' };
      const from = { ...FROM, address: `203.0.113.${Math.floor(Math.random() * 200)}` };
      for (let i = 0; i < 5; i++) expect(await accounts.signIn(wrong, from)).toEqual({ ok: false, reason: 'invalid' });
      expect(await accounts.signIn({ ...wrong, password: PASSWORD }, from)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
      clock.advance(1_000);
      expect(await accounts.signIn(wrong, from)).toEqual({ ok: false, reason: 'invalid' });
      // A second engine (another API process) sees the same failures.
      const other = testAccounts(await t.connect(), clock).accounts;
      expect(await other.signIn({ ...wrong, password: PASSWORD }, from)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 2 });
      clock.advance(2_000);
      expect((await accounts.signIn({ ...wrong, password: PASSWORD }, from)).ok).toBe(true);
      // Success forgets the account's failures.
      expect(await accounts.signIn(wrong, from)).toEqual({ ok: false, reason: 'invalid' });
      expect((await accounts.signIn({ ...wrong, password: PASSWORD }, from)).ok).toBe(true);
    });

    it('throttles an address trying many accounts', async () => {
      const clock = testClock();
      const { accounts } = testAccounts(t.db, clock);
      const from = { ...FROM, address: `2001:db8::${Math.floor(Math.random() * 9999)}` };
      for (let i = 0; i < 20; i++) await accounts.signIn({ email: `${uniqueId('guess')}@example.org`, password: 'guess guess guess' }, from);
      const account = await activeAccount(accounts);
      expect(await accounts.signIn({ email: account.email, password: PASSWORD }, from)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
      expect((await accounts.signIn({ email: account.email, password: PASSWORD }, { ...from, address: '192.0.2.99' })).ok).toBe(true);
    });

    it('changes a password after checking the current one, ending the other sessions', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const account = await activeAccount(accounts);
      await accounts.sessions.save('keep-me', { userId: account.id, data: {} });
      await accounts.sessions.save('other-device', { userId: account.id, data: {} });
      await expect(accounts.users.changePassword(account.id, { current: 'not it at all', next: 'a brand new phrase' }, CLI)).rejects.toBeInstanceOf(WrongPasswordError);
      await expect(accounts.users.changePassword(account.id, { current: PASSWORD, next: 'short' }, CLI)).rejects.toBeInstanceOf(PasswordPolicyError);
      await accounts.users.changePassword(account.id, { current: PASSWORD, next: 'a brand new phrase' }, CLI, 'keep-me');
      expect(await accounts.sessions.load('keep-me')).not.toBeNull();
      expect(await accounts.sessions.load('other-device')).toBeNull();
      expect((await accounts.signIn({ email: account.email, password: 'a brand new phrase' }, FROM)).ok).toBe(true);
    });

    it('checks the password again before a sensitive action: a wrong one is audited and counted as a failed sign-in of the account', async () => {
      const clock = testClock();
      const { accounts } = testAccounts(t.db, clock);
      const account = await activeAccount(accounts);
      const self = { id: account.id, address: '192.0.2.77', requestId: 'req-reauth' };
      await accounts.reauthenticate(account.id, PASSWORD, self);
      for (let attempt = 0; attempt < 5; attempt++) await expect(accounts.reauthenticate(account.id, `wrong ${attempt}`, self)).rejects.toBeInstanceOf(WrongPasswordError);
      expect((await createCatalog(t.db).audit.list({ target: account.id, action: 'auth.reauth-failed' })).entries).toHaveLength(5);
      // Past the free attempts both doors wait, the right password too (it cannot be told from a guess).
      await expect(accounts.reauthenticate(account.id, PASSWORD, self)).rejects.toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 1 });
      expect(await accounts.signIn({ email: account.email, password: PASSWORD }, FROM)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
      clock.advance(1000);
      await accounts.reauthenticate(account.id, PASSWORD, self);
      expect((await accounts.signIn({ email: account.email, password: PASSWORD }, FROM)).ok).toBe(true);
    });
  });

  describe('sessions', () => {
    it('ends a session after the idle time-out, and writes last_seen at most once a minute', async () => {
      const clock = testClock();
      const { accounts } = testAccounts(t.db, clock, { DISAN_SESSION_IDLE_MINUTES: '30' });
      const account = await activeAccount(accounts);
      await accounts.sessions.save('s-idle', { userId: account.id, data: { csrf: 'x' }, address: '192.0.2.1', userAgent: 'Firefox' });
      const first = await accounts.sessions.load('s-idle');
      expect(first).toMatchObject({ userId: account.id, data: { csrf: 'x' } });
      clock.advance(30_000);
      expect((await accounts.sessions.load('s-idle'))!.lastSeenAt).toBe(first!.lastSeenAt);
      clock.advance(31_000);
      expect((await accounts.sessions.load('s-idle'))!.lastSeenAt).toBe(clock.now().toISOString());
      clock.advance(29 * 60_000);
      expect(await accounts.sessions.load('s-idle')).not.toBeNull();
      clock.advance(30 * 60_000);
      expect(await accounts.sessions.load('s-idle')).toBeNull();
    });

    it('ends a session at the absolute time-out however active it is', async () => {
      const clock = testClock();
      const { accounts } = testAccounts(t.db, clock, { DISAN_SESSION_MAX_HOURS: '2' });
      const account = await activeAccount(accounts);
      await accounts.sessions.save('s-max', { userId: account.id, data: {} });
      for (let minutes = 0; minutes < 110; minutes += 10) {
        clock.advance(10 * 60_000);
        expect(await accounts.sessions.load('s-max')).not.toBeNull();
      }
      clock.advance(10 * 60_000);
      expect(await accounts.sessions.load('s-max')).toBeNull();
    });

    it('stores only a hash of the id, lists sessions by handle, and ends one by its handle', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const account = await activeAccount(accounts);
      await accounts.sessions.save('secret-session-id', { userId: account.id, data: {}, userAgent: 'Chromium' });
      await accounts.sessions.save('second-session-id', { userId: account.id, data: {} });
      expect(await t.db.query("SELECT 1 FROM sessions WHERE id = 'secret-session-id'")).toEqual([]);
      const list = await accounts.sessions.list(account.id);
      expect(list).toHaveLength(2);
      const handle = accounts.sessions.handleOf('secret-session-id');
      expect(list.map((s) => s.handle)).toContain(handle);
      expect(JSON.stringify(list)).not.toContain('secret-session-id');
      expect(await accounts.sessions.destroyByHandle(account.id, handle)).toBe(true);
      expect(await accounts.sessions.load('secret-session-id')).toBeNull();
      expect(await accounts.sessions.load('second-session-id')).not.toBeNull();
    });

    it('ends every session at once when the account is disabled, and a request in flight cannot save it back', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const account = await activeAccount(accounts);
      await accounts.sessions.save('s-disable', { userId: account.id, data: {} });
      await accounts.users.update(account.id, { status: 'disabled' }, CLI);
      expect(await accounts.sessions.load('s-disable')).toBeNull();
      await accounts.users.update(account.id, { status: 'active' }, CLI);
      await accounts.sessions.save('s-disable', { userId: account.id, data: { late: true } });
      expect(await accounts.sessions.load('s-disable')).toBeNull();
    });

    it('ends the sessions when a role is removed, not when one is added', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const account = await activeAccount(accounts, ['researcher']);
      await accounts.sessions.save('s-role', { userId: account.id, data: {} });
      await accounts.users.update(account.id, { roles: ['researcher', 'archivist'] }, CLI);
      expect(await accounts.sessions.load('s-role')).not.toBeNull();
      await accounts.users.update(account.id, { roles: ['archivist'] }, CLI);
      expect(await accounts.sessions.load('s-role')).toBeNull();
      expect((await createCatalog(t.db).audit.list({ target: account.id, action: 'role.change' })).entries[0]).toMatchObject({ details: { from: ['researcher', 'archivist'], to: ['archivist'] } });
    });

    it('signs out everywhere but the current session', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const account = await activeAccount(accounts);
      for (const id of ['e1', 'e2', 'e3']) await accounts.sessions.save(`${account.id}-${id}`, { userId: account.id, data: {} });
      expect(await accounts.sessions.destroyAll(account.id, `${account.id}-e1`, { id: account.id })).toBe(2);
      expect(await accounts.sessions.load(`${account.id}-e1`)).not.toBeNull();
      expect(await accounts.sessions.load(`${account.id}-e2`)).toBeNull();
    });
  });

  describe('communities', () => {
    it('derives member and steward from memberships, and ends sessions when a stewardship or membership is taken away', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const community = uniqueId('khmer');
      await accounts.communities.create({ id: community, name: 'Khmer of Trà Vinh' }, CLI);
      await expect(accounts.communities.create({ id: community, name: 'again' }, CLI)).rejects.toBeInstanceOf(ConflictError);
      const account = await activeAccount(accounts, []);
      await accounts.communities.setMember(community, account.id, { steward: true }, CLI);
      const viewer = accounts.viewerOf((await accounts.users.get(account.id))!);
      expect(viewer).toMatchObject({ roles: ['member', 'steward'], communities: [community], stewardOf: [community] });
      expect(await accounts.communities.members(community)).toMatchObject([{ userId: account.id, steward: true }]);
      await accounts.sessions.save('s-steward', { userId: account.id, data: {} });
      await accounts.communities.setMember(community, account.id, { steward: false }, CLI);
      expect(await accounts.sessions.load('s-steward')).toBeNull();
      expect(accounts.viewerOf((await accounts.users.get(account.id))!)).toMatchObject({ roles: ['member'], stewardOf: [] });
      await accounts.sessions.save('s-member', { userId: account.id, data: {} });
      await accounts.communities.removeMember(community, account.id, CLI);
      expect(await accounts.sessions.load('s-member')).toBeNull();
      expect(accounts.viewerOf((await accounts.users.get(account.id))!)).toMatchObject({ roles: [], communities: [] });
      expect((await accounts.communities.list()).find((c) => c.id === community)).toEqual({ id: community, name: 'Khmer of Trà Vinh', members: 0 });
    });
  });

  describe('personal tokens', () => {
    it('returns the token once, stores its hash, resolves it with its scope, and records its last use', async () => {
      const clock = testClock();
      const { accounts } = testAccounts(t.db, clock);
      const account = await activeAccount(accounts);
      const { token, info } = await accounts.tokens.create(account.id, { name: 'harvester', scope: 'read', expiresInDays: 30 }, { id: account.id });
      expect(token).toMatch(/^disan_pat_[A-Za-z0-9_-]{43}$/);
      expect(await t.db.query('SELECT 1 FROM api_tokens WHERE hash = $1', [token])).toEqual([]);
      const resolved = await accounts.tokens.resolve(token);
      expect(resolved).toMatchObject({ account: { id: account.id }, scope: 'read' });
      expect(accounts.viewerOf(resolved!.account, resolved!.scope)).toMatchObject({ scope: 'read' });
      expect((await accounts.tokens.list(account.id))[0]).toMatchObject({ id: info.id, lastUsedAt: clock.now().toISOString() });
      expect(await accounts.tokens.resolve(`${token}x`)).toBeNull();
      expect(await accounts.tokens.resolve('not a token')).toBeNull();
    });

    it('stops working when expired, revoked, or when the account is disabled', async () => {
      const clock = testClock();
      const { accounts } = testAccounts(t.db, clock);
      const account = await activeAccount(accounts);
      const expiring = await accounts.tokens.create(account.id, { name: 'a', scope: 'write', expiresInDays: 1 }, CLI);
      const revoked = await accounts.tokens.create(account.id, { name: 'b', scope: 'write', expiresInDays: 10 }, CLI);
      const kept = await accounts.tokens.create(account.id, { name: 'c', scope: 'write', expiresInDays: 10 }, CLI);
      expect(await accounts.tokens.revoke(account.id, revoked.info.id, CLI)).toBe(true);
      expect(await accounts.tokens.revoke(account.id, revoked.info.id, CLI)).toBe(false);
      expect(await accounts.tokens.revoke('someone-else', kept.info.id, CLI)).toBe(false);
      expect(await accounts.tokens.resolve(revoked.token)).toBeNull();
      clock.advance(86_400_000);
      expect(await accounts.tokens.resolve(expiring.token)).toBeNull();
      expect(await accounts.tokens.resolve(kept.token)).not.toBeNull();
      await accounts.users.update(account.id, { status: 'disabled' }, CLI);
      expect(await accounts.tokens.resolve(kept.token)).toBeNull();
    });
  });

  describe('one-time links', () => {
    it('work once, apply the policy without using the link up, and expire', async () => {
      const clock = testClock();
      const { accounts } = testAccounts(t.db, clock, { DISAN_INVITATION_HOURS: '24' });
      const account = await accounts.users.create({ email: `${uniqueId('l')}@example.org`, name: 'Sok', language: 'km', roles: [] }, CLI);
      const link = await accounts.links.create(account.id, 'invitation', CLI);
      expect(link.expiresAt).toBe(new Date(clock.now().getTime() + 24 * 3_600_000).toISOString());
      expect(await accounts.links.peek(link.token)).toMatchObject({ purpose: 'invitation', account: { id: account.id } });
      await expect(accounts.links.consume(link.token, 'password1', FROM)).rejects.toBeInstanceOf(PasswordPolicyError);
      expect(await accounts.links.consume(link.token, PASSWORD, FROM)).toMatchObject({ status: 'active' });
      await expect(accounts.links.consume(link.token, PASSWORD, FROM)).rejects.toBeInstanceOf(LinkNotUsableError);
      expect(await accounts.links.peek(link.token)).toBeNull();

      const reset = await accounts.links.create(account.id, 'reset', CLI);
      clock.advance(60 * 60_000);
      expect(await accounts.links.peek(reset.token)).toBeNull();
      await expect(accounts.links.consume(reset.token, 'another fine phrase', FROM)).rejects.toBeInstanceOf(LinkNotUsableError);
    });

    it('voids an earlier unused link of the same purpose, and a reset goes only to an active account', async () => {
      const { accounts } = testAccounts(t.db, testClock());
      const account = await activeAccount(accounts);
      const first = (await accounts.links.requestReset(account.email.toUpperCase(), FROM))!.link;
      const second = (await accounts.links.requestReset(account.email, FROM))!.link;
      expect(await accounts.links.peek(first.token)).toBeNull();
      await accounts.links.consume(second.token, 'reset to this phrase', FROM);
      expect((await accounts.signIn({ email: account.email, password: 'reset to this phrase' }, FROM)).ok).toBe(true);
      expect(await accounts.links.requestReset('nobody@example.org', FROM)).toBeNull();
      await accounts.users.update(account.id, { status: 'disabled' }, CLI);
      expect(await accounts.links.requestReset(account.email, FROM)).toBeNull();
    });
  });
});
