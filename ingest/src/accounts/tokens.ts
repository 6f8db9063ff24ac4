import { randomBytes } from 'node:crypto';
import { TOKEN_SCOPES, type ApiTokenInfo } from '@disan/schemas';
import { isoDate } from '../catalog/rows.ts';
import type { Row } from '../database/database.ts';
import { ValidationError } from '../errors.ts';
import { addMs, randomSecret, sha256, type AccountsContext } from './context.ts';
import type { Accounts } from './types.ts';
import { getAccount } from './users.ts';
import { warnExpiringTokens } from './token-expiry.ts';

/** Personal tokens start with this, so secret scanners (and people) recognise a leaked one. */
export const TOKEN_PREFIX = 'disan_pat_';
export const TOKEN_MAX_DAYS = 366;
/** `last_used_at` is written at most this often: a script calling in a loop does not write on every request. */
const LAST_USE_EVERY_MS = 60_000;

const toInfo = (row: Row): ApiTokenInfo => ({
  id: String(row.id),
  name: String(row.name),
  scope: row.scope as ApiTokenInfo['scope'],
  createdAt: isoDate(row.created_at),
  expiresAt: isoDate(row.expires_at),
  lastUsedAt: row.last_used_at === null ? null : isoDate(row.last_used_at),
  revokedAt: row.revoked_at === null ? null : isoDate(row.revoked_at),
});

export function createTokens(ctx: AccountsContext): Accounts['tokens'] {
  const { db } = ctx;
  return {
    async create(userId, input, actor) {
      const name = input.name.trim();
      const problems: string[] = [];
      if (name === '' || name.length > 100) problems.push('the name must have 1 to 100 characters');
      if (!(TOKEN_SCOPES as readonly string[]).includes(input.scope)) problems.push(`the scope must be ${TOKEN_SCOPES.join(' or ')}`);
      if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > TOKEN_MAX_DAYS) problems.push(`it must expire in 1 to ${TOKEN_MAX_DAYS} days`);
      if (problems.length > 0) throw new ValidationError(`Cannot create the token: ${problems.join('; ')}.`);
      const token = `${TOKEN_PREFIX}${randomSecret()}`;
      const now = ctx.now();
      const created = await db.transaction(async (tx) => {
        const rows = await tx.query(
          `INSERT INTO api_tokens (id, user_id, name, hash, scope, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING id, name, scope, created_at, expires_at, last_used_at, revoked_at`,
          [`tok_${randomBytes(9).toString('base64url')}`, userId, name, sha256(token), input.scope, now.toISOString(), addMs(now, input.expiresInDays * 86_400_000).toISOString()],
        );
        const info = toInfo(rows[0]!);
        await ctx.audit(tx, actor, 'token.create', userId, { tokenId: info.id, name, scope: info.scope, expiresAt: info.expiresAt });
        return { token, info };
      });
      ctx.notifier.notify(userId, actor, { event: 'token-created', tokenName: name, scope: created.info.scope });
      return created;
    },

    async list(userId) {
      const rows = await db.query('SELECT id, name, scope, created_at, expires_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id', [userId]);
      return rows.map(toInfo);
    },

    async revoke(userId, tokenId, actor) {
      return db.transaction(async (tx) => {
        const rows = await tx.query('UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id', [tokenId, userId, ctx.now().toISOString()]);
        if (rows.length > 0) await ctx.audit(tx, actor, 'token.revoke', userId, { tokenId });
        return rows.length > 0;
      });
    },

    async resolve(token) {
      if (!token.startsWith(TOKEN_PREFIX)) return null;
      const rows = await db.query<{ id: string; user_id: string; scope: ApiTokenInfo['scope']; expires_at: Date; last_used_at: Date | null; revoked_at: Date | null }>(
        'SELECT id, user_id, scope, expires_at, last_used_at, revoked_at FROM api_tokens WHERE hash = $1',
        [sha256(token)],
      );
      const row = rows[0];
      const now = ctx.now();
      if (!row || row.revoked_at !== null || new Date(row.expires_at).getTime() <= now.getTime()) return null;
      const account = await getAccount(db, row.user_id);
      if (account?.status !== 'active') return null;
      if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() >= LAST_USE_EVERY_MS) {
        await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [row.id, now.toISOString()]);
      }
      return { account, scope: row.scope };
    },

    warnExpiring: () => warnExpiringTokens(ctx),
  };
}
