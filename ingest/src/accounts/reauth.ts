import { NotFoundError } from '../errors.ts';
import { type AccountsContext } from './context.ts';
import { TooManyAttemptsError, WrongPasswordError } from './errors.ts';
import { verifyPassword } from './passwords.ts';
import { clearFailures, recordFailure, retryAfterSeconds, type ThrottleKeys } from './throttle.ts';
import type { Accounts } from './types.ts';

/**
 * The account's current password, asked again before a sensitive action (a personal token,
 * ending sessions: OWASP ASVS 3.3.4, 3.7.1). A wrong one counts as a failed sign-in of the
 * account and the address, so a stolen session cannot be used to guess the password faster
 * than the sign-in form allows, and is audited as `auth.reauth-failed`.
 */
export function createReauthenticate(ctx: AccountsContext): Accounts['reauthenticate'] {
  const { db } = ctx;
  return async (userId, password, actor) => {
    const rows = await db.query<{ email: string; password_hash: string | null }>('SELECT email, password_hash FROM users WHERE id = $1', [userId]);
    const user = rows[0];
    if (!user) throw new NotFoundError(`No account ${userId}`);
    // The same key as sign-in (the email as typed, lowercased), so both doors share one count.
    const keys: ThrottleKeys = { account: user.email.trim().toLowerCase(), address: actor.address ?? '' };
    const wait = await retryAfterSeconds(db, keys, ctx.now());
    if (wait > 0) {
      await ctx.audit(db, actor, 'auth.reauth-failed', userId, { reason: 'throttled', retryAfterSeconds: wait });
      throw new TooManyAttemptsError(wait);
    }
    if (!user.password_hash || !(await verifyPassword(user.password_hash, password))) {
      await recordFailure(db, keys, ctx.now());
      await ctx.audit(db, actor, 'auth.reauth-failed', userId, { reason: 'wrong password' });
      throw new WrongPasswordError();
    }
    await clearFailures(db, keys);
  };
}
