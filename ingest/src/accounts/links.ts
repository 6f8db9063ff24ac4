import type { LinkPurpose } from '@disan/schemas';
import type { Sql } from '../database/database.ts';
import { NotFoundError } from '../errors.ts';
import { addMs, randomSecret, sha256, type AccountsContext } from './context.ts';
import { LinkNotUsableError } from './errors.ts';
import type { Accounts, Actor, OneTimeLink } from './types.ts';
import { endSessions, getAccount, setPassword } from './users.ts';

/**
 * One-time links: an invitation (set a first password) or a reset (set a new one). The
 * token is 256 random bits, stored only as its SHA-256; it works once, until it expires,
 * and only while it is the newest of its purpose for the account.
 */
export function createLinks(ctx: AccountsContext): Accounts['links'] {
  const { db } = ctx;
  const lifetimeMs = (purpose: LinkPurpose) => (purpose === 'invitation' ? ctx.config.invitationHours * 3_600_000 : ctx.config.resetMinutes * 60_000);

  const create = async (sql: Sql, userId: string, purpose: LinkPurpose, actor: Actor): Promise<OneTimeLink> => {
    const account = await getAccount(sql, userId);
    if (!account) throw new NotFoundError(`No account ${userId}`);
    const now = ctx.now();
    const token = randomSecret();
    const expiresAt = addMs(now, lifetimeMs(purpose)).toISOString();
    // A new link voids the earlier unused ones of the same purpose: only the last one sent works.
    await sql.query('DELETE FROM account_links WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [userId, purpose]);
    await sql.query('INSERT INTO account_links (hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [sha256(token), userId, purpose, now.toISOString(), expiresAt]);
    await ctx.audit(sql, actor, 'link.create', userId, { purpose, expiresAt });
    return { token, purpose, expiresAt };
  };

  /** A link still usable: unused, unexpired, and for an account it suits (an invitation for an invited one, a reset for an active one). */
  const find = async (sql: Sql, token: string, lock: boolean) => {
    const rows = await sql.query<{ user_id: string; purpose: LinkPurpose; expires_at: Date; status: string }>(
      `SELECT l.user_id, l.purpose, l.expires_at, u.status FROM account_links l JOIN users u ON u.id = l.user_id
       WHERE l.hash = $1 AND l.used_at IS NULL AND l.expires_at > $2${lock ? ' FOR UPDATE OF l' : ''}`,
      [sha256(token), ctx.now().toISOString()],
    );
    const row = rows[0];
    if (!row || row.status !== (row.purpose === 'invitation' ? 'invited' : 'active')) return null;
    return row;
  };

  return {
    create: (userId, purpose, actor) => db.transaction((tx) => create(tx, userId, purpose, actor)),

    async peek(token) {
      const row = await find(db, token, false);
      const account = row && (await getAccount(db, row.user_id));
      return row && account ? { purpose: row.purpose, account, expiresAt: new Date(row.expires_at).toISOString() } : null;
    },

    async consume(token, password, actor) {
      const { account, purpose } = await db.transaction(async (tx) => {
        const row = await find(tx, token, true);
        if (!row) throw new LinkNotUsableError();
        const account = (await getAccount(tx, row.user_id))!;
        const now = ctx.now();
        await setPassword(tx, account, password, now);
        await tx.query('UPDATE account_links SET used_at = $2 WHERE hash = $1', [sha256(token), now.toISOString()]);
        if (row.purpose === 'invitation') await tx.query(`UPDATE users SET status = 'active' WHERE id = $1`, [account.id]);
        const ended = await endSessions(tx, account.id, now);
        await ctx.audit(tx, { ...actor, id: actor.id === 'anonymous' ? account.id : actor.id }, row.purpose === 'invitation' ? 'user.activate' : 'password.reset', account.id, { sessionsEnded: ended });
        return { account: (await getAccount(tx, account.id))!, purpose: row.purpose };
      });
      if (purpose === 'reset') ctx.notifier.notify(account.id, actor, { event: 'password-reset' });
      return account;
    },

    async requestReset(email, actor) {
      return db.transaction(async (tx) => {
        const rows = await tx.query<{ id: string }>(`SELECT id FROM users WHERE lower(email) = lower($1) AND status = 'active'`, [email.trim()]);
        if (!rows[0]) return null;
        const link = await create(tx, rows[0].id, 'reset', actor);
        return { account: (await getAccount(tx, rows[0].id))!, link };
      });
    },
  };
}
