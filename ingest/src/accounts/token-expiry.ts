import { isoDate } from '../catalog/rows.ts';
import type { AccountsContext } from './context.ts';
import type { Actor } from './types.ts';

/** How long before its end a token's holder is told how to renew it (OWASP ASVS 4.0.3 2.3.3). */
export const TOKEN_WARNING_DAYS = 7;
const WARNING_MS = TOKEN_WARNING_DAYS * 86_400_000;
/** The archive itself, not a person: it shows no address and audits a failed mail as its own. */
const SWEEP: Actor = { id: 'system' };

/**
 * Claims every token now within its last 7 days that has not been warned, and mails
 * each holder. The claim is one UPDATE … WHERE expiry_warned_at IS NULL RETURNING, so
 * two processes sweeping at once never both warn the same token. A token made with 7
 * days or fewer of life was chosen that short: its holder is not warned. A mail that
 * fails is reported and audited as `mail.failed`, like every notice, not sent again.
 */
export async function warnExpiringTokens(ctx: AccountsContext): Promise<number> {
  // Without a mail server nothing is claimed, so tokens are still warned once one is configured.
  if (!ctx.notifier.mailing) return 0;
  const now = ctx.now();
  const rows = await ctx.db.query<{ user_id: string; name: string; expires_at: Date }>(
    `UPDATE api_tokens t SET expiry_warned_at = $1
     FROM users u
     WHERE u.id = t.user_id AND u.status = 'active'
       AND t.expiry_warned_at IS NULL AND t.revoked_at IS NULL
       AND t.expires_at > $1 AND t.expires_at <= $2
       AND t.expires_at - t.created_at > $3::interval
     RETURNING t.user_id, t.name, t.expires_at`,
    [now.toISOString(), new Date(now.getTime() + WARNING_MS).toISOString(), `${TOKEN_WARNING_DAYS} days`],
  );
  for (const row of rows) ctx.notifier.notify(row.user_id, SWEEP, { event: 'token-expiring', tokenName: row.name, expiresAt: isoDate(row.expires_at) });
  return rows.length;
}
