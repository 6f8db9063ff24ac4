import { type AccountsContext } from './context.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { useRecoveryCode, useTotpCode } from './second-factor.ts';
import { clearFailures, recordFailure, retryAfterSeconds, type ThrottleKeys } from './throttle.ts';
import type { Accounts } from './types.ts';
import { getAccount } from './users.ts';

type SignIn = Accounts['signIn'];

type UserRow = {
  id: string;
  status: string;
  roles: string[];
  password_hash: string | null;
  totp_secret: string | null;
};

/**
 * Email and password, then the second factor when it is on. One answer (`invalid`) for an
 * unknown email, a wrong password and an account that may not sign in, and the same work
 * for each (an unknown email is checked against a dummy hash), so nobody learns which
 * accounts exist. Every failure is counted for throttling and audited with the address.
 */
export function createSignIn(ctx: AccountsContext): SignIn {
  const { db } = ctx;
  return async (input, actor) => {
    const email = input.email.trim().toLowerCase().slice(0, 254);
    const keys: ThrottleKeys = { account: email, address: actor.address };
    const failed = async (reason: string, target: string, count: boolean, details: Record<string, unknown> = {}) => {
      if (count) await recordFailure(db, keys, ctx.now());
      await ctx.audit(db, actor, 'auth.sign-in-failed', target, { email, reason, ...details });
    };

    const wait = await retryAfterSeconds(db, keys, ctx.now());
    if (wait > 0) {
      await failed('throttled', email, false, { retryAfterSeconds: wait });
      return { ok: false, reason: 'throttled', retryAfterSeconds: wait };
    }

    const rows = await db.query<UserRow>('SELECT id, status, roles, password_hash, totp_secret FROM users WHERE lower(email) = $1', [email]);
    const user = rows[0];
    const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
    if (!user || !passwordOk || user.status !== 'active') {
      await failed(!user ? 'unknown email' : !passwordOk ? 'wrong password' : `account ${user.status}`, user?.id ?? email, true);
      return { ok: false, reason: 'invalid' };
    }
    if (needsRehash(user.password_hash!)) {
      await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, await hashPassword(input.password)]);
    }

    const secondFactor = await checkSecondFactor(ctx, user, input.code);
    switch (secondFactor) {
      case 'asked':
        return { ok: false, reason: 'second-factor' };
      case 'setup':
        await failed('admin without a second factor', user.id, false);
        return { ok: false, reason: 'second-factor-setup' };
      case 'wrong':
        await failed('wrong second-factor code', user.id, true);
        return { ok: false, reason: 'second-factor' };
      case 'replayed':
        // The password was right and the code was seen before: the holder must hear of it (ASVS 2.8.5).
        await failed('second-factor code already used', user.id, true);
        ctx.notifier.notify(user.id, actor, { event: 'totp-replayed' });
        return { ok: false, reason: 'second-factor' };
      case 'none':
      case 'totp':
      case 'recovery-code':
        break;
    }

    await clearFailures(db, keys);
    const account = await db.transaction(async (tx) => {
      await tx.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [user.id, ctx.now().toISOString()]);
      await ctx.audit(tx, { ...actor, id: user.id }, 'auth.sign-in', user.id, { secondFactor: secondFactor !== 'none', ...(secondFactor === 'recovery-code' ? { recoveryCode: true } : {}) });
      return (await getAccount(tx, user.id))!;
    });
    if (secondFactor === 'recovery-code') ctx.notifier.notify(user.id, actor, { event: 'recovery-code-used' });
    return { ok: true, account };
  };
}

/**
 * `totp` or `recovery-code`: passed with that; `asked`: a code is needed and none was given;
 * `replayed`: a TOTP code already used; `setup`: an admin must have one and has none.
 */
async function checkSecondFactor(ctx: AccountsContext, user: UserRow, code: string | undefined): Promise<'none' | 'totp' | 'recovery-code' | 'asked' | 'wrong' | 'replayed' | 'setup'> {
  if (user.totp_secret === null) return ctx.config.adminSecondFactor === 'required' && user.roles.includes('admin') ? 'setup' : 'none';
  if (code === undefined || code.trim() === '') return 'asked';
  const now = ctx.now();
  const totp = await useTotpCode(ctx.db, user.id, user.totp_secret, code, now);
  if (totp !== 'wrong') return totp === 'accepted' ? 'totp' : 'replayed';
  return (await useRecoveryCode(ctx.db, user.id, code, now)) ? 'recovery-code' : 'wrong';
}
