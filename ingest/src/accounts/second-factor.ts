import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Sql } from '../database/database.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { sha256, type AccountsContext } from './context.ts';
import { WrongCodeError, WrongPasswordError } from './errors.ts';
import { verifyPassword } from './passwords.ts';
import type { Accounts } from './types.ts';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/** One step either way: a phone's clock a little off still works; a code a minute and a half old does not. */
const WINDOW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Without 0/o, 1/l/i: a code copied from paper is typed right. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const totp = (secret: string, label = 'Disan') =>
  new TOTP({ issuer: 'Disan', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });

/** The time step whose code `code` is (within the window), or null. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: WINDOW_STEPS });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/**
 * Accepts a TOTP code once: the step is recorded, and a code of that step or an earlier
 * one is refused afterwards, so a code seen over someone's shoulder cannot be replayed.
 * `replayed`: the code is right for the window but its step (or a later one) was used,
 * so whoever typed it knows the password; the caller audits it and tells the holder.
 */
export async function useTotpCode(sql: Sql, userId: string, secret: string, code: string, now: Date): Promise<'accepted' | 'replayed' | 'wrong'> {
  const step = totpStep(secret, code, now);
  if (step === null) return 'wrong';
  const rows = await sql.query('UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id', [userId, step]);
  return rows.length > 0 ? 'accepted' : 'replayed';
}

const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A recovery code as stored: a random salt of its own and the SHA-256 of salt and code.
 * Ten letters carry about 50 bits, too few to stand a plain hash being read (OWASP ASVS
 * 2.6.2 asks for a unique salt below 112 bits): with a salt each, no table of every code
 * serves more than one stored value.
 */
export function hashRecoveryCode(code: string, salt: string = randomBytes(16).toString('base64url')): string {
  return `${salt}:${sha256(`${salt}:${normalizeRecoveryCode(code)}`)}`;
}

function matchesRecoveryCode(stored: string, code: string): boolean {
  const salt = stored.split(':')[0] ?? '';
  const expected = Buffer.from(hashRecoveryCode(code, salt));
  const actual = Buffer.from(stored);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Uses up one recovery code; false when it is unknown or already used. */
export async function useRecoveryCode(sql: Sql, userId: string, code: string, now: Date): Promise<boolean> {
  if (normalizeRecoveryCode(code).length !== 10) return false;
  const unused = await sql.query<{ hash: string }>('SELECT hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
  const match = unused.find((row) => matchesRecoveryCode(row.hash, code));
  if (!match) return false;
  // Used at most once even when two sign-ins race with the same code.
  const rows = await sql.query('UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND hash = $2 AND used_at IS NULL RETURNING hash', [userId, match.hash, now.toISOString()]);
  return rows.length > 0;
}

function recoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]!).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function createSecondFactor(ctx: AccountsContext): Accounts['secondFactor'] {
  const { db } = ctx;
  return {
    async begin(userId) {
      const rows = await db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [userId]);
      if (!rows[0]) throw new NotFoundError(`No account ${userId}`);
      const secret = new Secret({ size: 20 }).base32;
      await db.query('UPDATE users SET totp_pending_secret = $2 WHERE id = $1', [userId, secret]);
      return { secret, uri: totp(secret, rows[0].email).toString() };
    },

    async confirm(userId, code, actor) {
      const codes = await db.transaction(async (tx) => {
        const rows = await tx.query<{ pending: string | null }>('SELECT totp_pending_secret AS pending FROM users WHERE id = $1 FOR UPDATE', [userId]);
        const pending = rows[0]?.pending;
        if (!pending) throw new ConflictError('Start setting up the second factor first: no secret is waiting for a code.');
        const now = ctx.now();
        const step = totpStep(pending, code, now);
        if (step === null) throw new WrongCodeError();
        await tx.query('UPDATE users SET totp_secret = $2, totp_pending_secret = NULL, totp_enabled_at = $3, totp_last_step = $4 WHERE id = $1', [userId, pending, now.toISOString(), step]);
        const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
        await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
        for (const recovery of codes) await tx.query('INSERT INTO recovery_codes (user_id, hash) VALUES ($1, $2)', [userId, hashRecoveryCode(recovery)]);
        await ctx.audit(tx, actor, 'second-factor.on', userId, { recoveryCodes: codes.length });
        return codes;
      });
      ctx.notifier.notify(userId, actor, { event: 'second-factor-on' });
      return codes;
    },

    async disable(userId, password, actor) {
      const rows = await db.query<{ password_hash: string | null; roles: string[] }>('SELECT password_hash, roles FROM users WHERE id = $1', [userId]);
      const row = rows[0];
      if (!row) throw new NotFoundError(`No account ${userId}`);
      if (!row.password_hash || !(await verifyPassword(row.password_hash, password))) throw new WrongPasswordError();
      if (ctx.config.adminSecondFactor === 'required' && row.roles.includes('admin')) {
        throw new ConflictError('Admins must keep a second factor here (DISAN_ADMIN_SECOND_FACTOR=required): set up a new one instead of turning it off.');
      }
      await db.transaction(async (tx) => {
        await tx.query('UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1', [userId]);
        await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
        await ctx.audit(tx, actor, 'second-factor.off', userId, {});
      });
      ctx.notifier.notify(userId, actor, { event: 'second-factor-off' });
    },
  };
}
