import { randomUUID } from 'node:crypto';
import { ACCOUNT_ROLE_NAMES, INTERFACE_LANGUAGES, type Membership } from '@disan/schemas';
import type { AccountRole } from '../access/viewer.ts';
import { isoDate, toNumber } from '../catalog/rows.ts';
import type { Row, Sql } from '../database/database.ts';
import { sqlState, SQLSTATE } from '../database/driver-support.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { sha256, type AccountsContext } from './context.ts';
import { PasswordPolicyError, WrongPasswordError } from './errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { checkPassword } from './policy.ts';
import type { NoticeFacts } from '../mail/notice-texts.ts';
import type { Account, Accounts, Actor } from './types.ts';

export const ACCOUNT_COLUMNS = 'u.id, u.email, u.name, u.language, u.status, u.roles, u.totp_enabled_at, u.created_at, u.last_login_at';

/** Accounts from rows of `users u`, with their memberships in one more query. */
export async function toAccounts(sql: Sql, rows: Row[]): Promise<Account[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => String(row.id));
  const memberships = await sql.query<{ user_id: string; community: string; steward: boolean }>(
    'SELECT user_id, community, steward FROM community_members WHERE user_id = ANY($1::text[]) ORDER BY community',
    [ids],
  );
  const byUser = new Map<string, Membership[]>();
  for (const m of memberships) byUser.set(m.user_id, [...(byUser.get(m.user_id) ?? []), { community: m.community, steward: m.steward }]);
  return rows.map((row) => ({
    id: String(row.id),
    email: String(row.email),
    name: String(row.name),
    language: row.language as Account['language'],
    status: row.status as Account['status'],
    roles: row.roles as Account['roles'],
    memberships: byUser.get(String(row.id)) ?? [],
    secondFactor: row.totp_enabled_at !== null,
    createdAt: isoDate(row.created_at),
    lastLoginAt: row.last_login_at === null ? null : isoDate(row.last_login_at),
  }));
}

export async function getAccount(sql: Sql, id: string): Promise<Account | null> {
  return (await toAccounts(sql, await sql.query(`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = $1`, [id])))[0] ?? null;
}

/** Ends every session of an account but `keepHash` (a stored, hashed id): what it could do, it may no longer. */
export async function endSessions(sql: Sql, userId: string, at: Date, keepHash?: string): Promise<number> {
  const rows = await sql.query('UPDATE sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL AND id <> $3 RETURNING id', [userId, at.toISOString(), keepHash ?? '']);
  return rows.length;
}

/** Sets a password the policy accepts; the caller ends sessions and audits. */
export async function setPassword(sql: Sql, account: Account, password: string, at: Date): Promise<void> {
  const problems = checkPassword(password, { email: account.email, name: account.name });
  if (problems.length > 0) throw new PasswordPolicyError(problems);
  await sql.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [account.id, await hashPassword(password), at.toISOString()]);
}

function checkProfile(input: { email?: string; name?: string; language?: string; roles?: readonly string[] }): void {
  const problems: string[] = [];
  if (input.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(input.email)) problems.push(`"${input.email}" is not an email address`);
  if (input.email !== undefined && input.email.length > 254) problems.push('the email address is longer than 254 characters');
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > 200)) problems.push('the name must have 1 to 200 characters');
  if (input.language !== undefined && !(INTERFACE_LANGUAGES as readonly string[]).includes(input.language)) problems.push(`language must be one of ${INTERFACE_LANGUAGES.join(', ')}`);
  for (const role of input.roles ?? []) if (!(ACCOUNT_ROLE_NAMES as readonly string[]).includes(role)) problems.push(`"${role}" is not a role (${ACCOUNT_ROLE_NAMES.join(', ')})`);
  if (problems.length > 0) throw new ValidationError(`Cannot save the account: ${problems.join('; ')}.`);
}

export function createUsers(ctx: AccountsContext): Accounts['users'] {
  const { db } = ctx;
  return {
    async create(input, actor) {
      const email = input.email.trim();
      checkProfile({ ...input, email });
      const roles = [...new Set(input.roles)];
      const at = ctx.now().toISOString();
      const id = randomUUID();
      try {
        return await db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO users (id, email, name, language, status, roles, created_at, updated_at) VALUES ($1, $2, $3, $4, 'invited', $5::text[], $6, $6)`,
            [id, email, input.name.trim(), input.language, roles, at],
          );
          await ctx.audit(tx, actor, 'user.create', id, { email, roles });
          return (await getAccount(tx, id))!;
        });
      } catch (error) {
        if (sqlState(error) === SQLSTATE.uniqueViolation) throw new ConflictError(`An account with the email ${email} already exists.`, { cause: error });
        throw error;
      }
    },

    get: (id) => getAccount(db, id),

    async findByEmail(email) {
      return (await toAccounts(db, await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE lower(u.email) = lower($1)`, [email.trim()])))[0] ?? null;
    },

    async list(options = {}) {
      const query = options.query?.trim() ? `%${options.query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const where = 'WHERE $1::text IS NULL OR u.email ILIKE $1 OR u.name ILIKE $1';
      const [rows, counted] = await Promise.all([
        db.query(`SELECT ${ACCOUNT_COLUMNS} FROM users u ${where} ORDER BY lower(u.name), u.id LIMIT $2 OFFSET $3`, [query, options.limit ?? 50, options.offset ?? 0]),
        db.query<{ total: unknown }>(`SELECT count(*) AS total FROM users u ${where}`, [query]),
      ]);
      return { accounts: await toAccounts(db, rows), total: toNumber(counted[0]?.total ?? 0) };
    },

    update: (id, patch, actor) => updateUser(ctx, id, patch, actor),

    async changePassword(id, input, actor, keepSessionId) {
      const rows = await db.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [id]);
      if (rows.length === 0) throw new NotFoundError(`No account ${id}`);
      if (!rows[0]!.password_hash || !(await verifyPassword(rows[0]!.password_hash, input.current))) throw new WrongPasswordError();
      await db.transaction(async (tx) => {
        const account = (await getAccount(tx, id))!;
        await setPassword(tx, account, input.next, ctx.now());
        const ended = await endSessions(tx, id, ctx.now(), keepSessionId === undefined ? undefined : sha256(keepSessionId));
        await ctx.audit(tx, actor, 'password.change', id, { sessionsEnded: ended });
      });
      ctx.notifier.notify(id, actor, { event: 'password-changed' });
    },

    async count() {
      return toNumber((await db.query<{ n: unknown }>('SELECT count(*) AS n FROM users'))[0]?.n ?? 0);
    },
  };
}

async function updateUser(ctx: AccountsContext, id: string, patch: Parameters<Accounts['users']['update']>[1], actor: Actor): Promise<Account> {
  checkProfile(patch);
  const notices: NoticeFacts[] = [];
  const account = await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ status: string; roles: AccountRole[]; name: string; language: string; password_hash: string | null }>(
      'SELECT status, roles, name, language, password_hash FROM users WHERE id = $1 FOR UPDATE',
      [id],
    );
    const before = rows[0];
    if (!before) throw new NotFoundError(`No account ${id}`);
    const at = ctx.now();
    const profile: Record<string, string> = {};
    if (patch.name !== undefined && patch.name.trim() !== before.name) profile.name = patch.name.trim();
    if (patch.language !== undefined && patch.language !== before.language) profile.language = patch.language;
    const roles = patch.roles === undefined ? before.roles : [...new Set(patch.roles)];
    const rolesChanged = roles.length !== before.roles.length || roles.some((role) => !before.roles.includes(role));
    // Re-enabling an account that never set a password brings it back to invited, not active.
    const status = patch.status === 'active' && before.password_hash === null ? 'invited' : (patch.status ?? before.status);
    await tx.query('UPDATE users SET name = $2, language = $3, roles = $4::text[], status = $5, updated_at = $6 WHERE id = $1', [
      id,
      profile.name ?? before.name,
      profile.language ?? before.language,
      roles,
      status,
      at.toISOString(),
    ]);
    if (Object.keys(profile).length > 0) await ctx.audit(tx, actor, 'user.update', id, profile);
    const roleLost = before.roles.some((role) => !roles.includes(role));
    if (rolesChanged) {
      await ctx.audit(tx, actor, 'role.change', id, { from: before.roles, to: roles });
      notices.push({ event: 'roles-changed', added: roles.filter((role) => !before.roles.includes(role)), removed: before.roles.filter((role) => !roles.includes(role)) });
    }
    if (status !== before.status) {
      await ctx.audit(tx, actor, status === 'disabled' ? 'user.disable' : 'user.enable', id, { from: before.status, to: status });
      // Every change of status an update can make is into or out of `disabled`.
      notices.push({ event: status === 'disabled' ? 'account-disabled' : 'account-enabled' });
    }
    if (status === 'disabled' || roleLost) {
      const ended = await endSessions(tx, id, at);
      if (ended > 0) await ctx.audit(tx, actor, 'auth.sessions-ended', id, { count: ended, why: status === 'disabled' ? 'disabled' : 'role removed' });
    }
    return (await getAccount(tx, id))!;
  });
  for (const facts of notices) ctx.notifier.notify(id, actor, facts);
  return account;
}
