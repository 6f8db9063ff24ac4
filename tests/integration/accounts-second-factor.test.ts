import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '@disan/ingest';
import { WrongCodeError } from '@disan/ingest/accounts';
import { openDatabase, type Database } from '@disan/ingest/database';
import { activeAccount, CLI, PASSWORD, testAccounts, testClock, type Clock } from './accounts-support.ts';
import { hashRecoveryCode } from '../../ingest/src/accounts/second-factor.ts';

let FROM = { id: 'anonymous', address: '192.0.2.20' };
let addresses = 0;
/** What an authenticator app whose clock is `skewMs` off would show now. */
const codeAt = (secret: string, clock: Clock, skewMs = 0) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() + skewMs });
const STEP = 30_000;

describe('the TOTP second factor', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ driver: 'pglite', dir: 'memory://' });
  });
  afterAll(async () => {
    await db.close();
  });
  // Each test signs in from its own address: failures of one never throttle another.
  beforeEach(() => {
    FROM = { id: 'anonymous', address: `192.0.2.${++addresses}` };
  });

  async function enrolled(clock: Clock, env: Record<string, string> = {}) {
    const { accounts } = testAccounts(db, clock, env);
    const account = await activeAccount(accounts, ['admin']);
    const { secret, uri } = await accounts.secondFactor.begin(account.id);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Disan:.*\?.*secret=/);
    expect(uri).toContain('algorithm=SHA1');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
    await expect(accounts.secondFactor.confirm(account.id, '000000', CLI)).rejects.toBeInstanceOf(WrongCodeError);
    const recovery = await accounts.secondFactor.confirm(account.id, codeAt(secret, clock), CLI);
    // The confirming code's step is used: sign-ins start from the next step.
    clock.advance(STEP);
    return { accounts, account, secret, recovery };
  }

  it('asks for a code after the right password, then accepts one from a clock 30 s off either way', async () => {
    const clock = testClock(new Date('2026-06-01T08:00:05.000Z'));
    const { accounts, account, secret } = await enrolled(clock);
    expect((await accounts.users.get(account.id))!.secondFactor).toBe(true);
    const credentials = { email: account.email, password: PASSWORD };
    expect(await accounts.signIn(credentials, FROM)).toEqual({ ok: false, reason: 'second-factor' });
    expect((await accounts.signIn({ ...credentials, code: codeAt(secret, clock, 30_000) }, FROM)).ok).toBe(true);
    clock.advance(3 * STEP);
    expect((await accounts.signIn({ ...credentials, code: codeAt(secret, clock, -30_000) }, FROM)).ok).toBe(true);
  });

  it.each([90_000, -90_000])('refuses a code from a clock %i ms off', async (skew) => {
    const clock = testClock(new Date('2026-06-01T09:00:05.000Z'));
    const { accounts, account, secret } = await enrolled(clock);
    clock.advance(5 * STEP);
    expect(await accounts.signIn({ email: account.email, password: PASSWORD, code: codeAt(secret, clock, skew) }, FROM)).toEqual({ ok: false, reason: 'second-factor' });
  });

  it('never accepts the same code twice, nor an older one after a newer', async () => {
    const clock = testClock(new Date('2026-06-01T10:00:05.000Z'));
    const { accounts, account, secret } = await enrolled(clock);
    const credentials = { email: account.email, password: PASSWORD };
    const code = codeAt(secret, clock);
    expect((await accounts.signIn({ ...credentials, code }, FROM)).ok).toBe(true);
    expect(await accounts.signIn({ ...credentials, code }, FROM)).toEqual({ ok: false, reason: 'second-factor' });
    clock.advance(STEP);
    const older = codeAt(secret, clock, -STEP * 2);
    expect((await accounts.signIn({ ...credentials, code: codeAt(secret, clock) }, FROM)).ok).toBe(true);
    expect(await accounts.signIn({ ...credentials, code: older }, FROM)).toEqual({ ok: false, reason: 'second-factor' });
  });

  it('gives ten recovery codes, each usable once, typed in any case', async () => {
    const clock = testClock();
    const { accounts, account, recovery } = await enrolled(clock);
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    const credentials = { email: account.email, password: PASSWORD };
    expect((await accounts.signIn({ ...credentials, code: recovery[3]!.toUpperCase() }, FROM)).ok).toBe(true);
    expect(await accounts.signIn({ ...credentials, code: recovery[3]! }, FROM)).toEqual({ ok: false, reason: 'second-factor' });
    expect((await accounts.signIn({ ...credentials, code: recovery[4]!.replace('-', ' ') }, FROM)).ok).toBe(true);
  });

  it('stores each recovery code salted on its own, so the same code never hashes alike twice', async () => {
    const clock = testClock();
    const { account, recovery } = await enrolled(clock);
    const stored = (await db.query<{ hash: string }>('SELECT hash FROM recovery_codes WHERE user_id = $1', [account.id])).map((row) => row.hash);
    expect(stored).toHaveLength(10);
    expect(new Set(stored.map((hash) => hash.split(':')[0])).size).toBe(10);
    expect(stored.join()).not.toContain(recovery[0]!.replace('-', ''));
    expect(hashRecoveryCode(recovery[0]!)).not.toBe(hashRecoveryCode(recovery[0]!));
  });

  it('counts wrong codes as failures, so codes cannot be guessed faster than passwords', async () => {
    const clock = testClock();
    const { accounts, account } = await enrolled(clock);
    for (let i = 0; i < 5; i++) expect((await accounts.signIn({ email: account.email, password: PASSWORD, code: '123456' }, FROM)).ok).toBe(false);
    expect(await accounts.signIn({ email: account.email, password: PASSWORD, code: '123456' }, FROM)).toMatchObject({ reason: 'throttled' });
  });

  it('is turned off with the password; an admin must keep it when it is required', async () => {
    const clock = testClock();
    const { accounts, account } = await enrolled(clock, { DISAN_ADMIN_SECOND_FACTOR: 'required' });
    await expect(accounts.secondFactor.disable(account.id, PASSWORD, CLI)).rejects.toBeInstanceOf(ConflictError);
    const optional = testAccounts(db, clock).accounts;
    await optional.secondFactor.disable(account.id, PASSWORD, CLI);
    expect(await optional.signIn({ email: account.email, password: PASSWORD }, FROM)).toMatchObject({ ok: true, account: { secondFactor: false } });
  });

  it('refuses an admin without a second factor when it is required, saying so, and lets other roles in', async () => {
    const clock = testClock();
    const { accounts } = testAccounts(db, clock, { DISAN_ADMIN_SECOND_FACTOR: 'required' });
    const admin = await activeAccount(accounts, ['admin']);
    const researcher = await activeAccount(accounts, ['researcher']);
    expect(await accounts.signIn({ email: admin.email, password: PASSWORD }, FROM)).toEqual({ ok: false, reason: 'second-factor-setup' });
    expect(await accounts.signIn({ email: admin.email, password: 'wrong password here' }, FROM)).toEqual({ ok: false, reason: 'invalid' });
    expect((await accounts.signIn({ email: researcher.email, password: PASSWORD }, FROM)).ok).toBe(true);
    const { secret } = await accounts.secondFactor.begin(admin.id);
    await accounts.secondFactor.confirm(admin.id, codeAt(secret, clock), CLI);
    clock.advance(STEP);
    expect((await accounts.signIn({ email: admin.email, password: PASSWORD, code: codeAt(secret, clock) }, FROM)).ok).toBe(true);
  });
});
