import { isoDate, toNumber } from '../catalog/rows.ts';
import { sqlState, SQLSTATE } from '../database/driver-support.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { AccountsContext } from './context.ts';
import type { Accounts } from './types.ts';
import { endSessions } from './users.ts';

/** The same shape as record and collection ids, since records name communities in `access.communities`. */
const COMMUNITY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Communities and who belongs to them. Records restricted to a community are read by its
 * members; its stewards decide who belongs. Losing a membership or a stewardship ends the
 * person's sessions at once, since their open pages may show what they may no longer read.
 */
export function createCommunities(ctx: AccountsContext): Accounts['communities'] {
  const { db } = ctx;
  return {
    async list() {
      const rows = await db.query<{ id: string; name: string; members: unknown }>(
        `SELECT c.id, c.name, (SELECT count(*) FROM community_members m WHERE m.community = c.id) AS members FROM communities c ORDER BY c.name, c.id`,
      );
      return rows.map((row) => ({ id: row.id, name: row.name, members: toNumber(row.members) }));
    },

    async create(input, actor) {
      const name = input.name.trim();
      if (!COMMUNITY_ID.test(input.id)) throw new ValidationError(`"${input.id}" cannot be a community id: use lower-case letters, digits and hyphens (at most 64).`);
      if (name === '' || name.length > 200) throw new ValidationError('The community name must have 1 to 200 characters.');
      try {
        return await db.transaction(async (tx) => {
          await tx.query('INSERT INTO communities (id, name, created_at) VALUES ($1, $2, $3)', [input.id, name, ctx.now().toISOString()]);
          await ctx.audit(tx, actor, 'community.create', input.id, { name });
          return { id: input.id, name, members: 0 };
        });
      } catch (error) {
        if (sqlState(error) === SQLSTATE.uniqueViolation) throw new ConflictError(`The community ${input.id} already exists.`, { cause: error });
        throw error;
      }
    },

    async members(community) {
      const rows = await db.query<{ user_id: string; name: string; email: string; steward: boolean; added_at: Date }>(
        `SELECT m.user_id, u.name, u.email, m.steward, m.added_at FROM community_members m JOIN users u ON u.id = m.user_id
         WHERE m.community = $1 ORDER BY lower(u.name), u.id`,
        [community],
      );
      return rows.map((row) => ({ userId: row.user_id, name: row.name, email: row.email, steward: row.steward, addedAt: isoDate(row.added_at) }));
    },

    async setMember(community, userId, input, actor) {
      await db.transaction(async (tx) => {
        const found = await tx.query<{ kind: string }>(`SELECT 'community' AS kind FROM communities WHERE id = $1 UNION ALL SELECT 'user' FROM users WHERE id = $2`, [community, userId]);
        if (!found.some((row) => row.kind === 'community')) throw new NotFoundError(`No community ${community}`);
        if (!found.some((row) => row.kind === 'user')) throw new NotFoundError(`No account ${userId}`);
        const before = await tx.query<{ steward: boolean }>('SELECT steward FROM community_members WHERE community = $1 AND user_id = $2 FOR UPDATE', [community, userId]);
        const now = ctx.now();
        if (before[0]?.steward === input.steward) return;
        await tx.query(
          `INSERT INTO community_members (community, user_id, steward, added_at, added_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (community, user_id) DO UPDATE SET steward = EXCLUDED.steward`,
          [community, userId, input.steward, now.toISOString(), actor.id],
        );
        const action = before[0] ? 'community.member-update' : 'community.member-add';
        await ctx.audit(tx, actor, action, community, { userId, steward: input.steward });
        if (before[0]?.steward === true && !input.steward) await endSessions(tx, userId, now);
      });
    },

    async removeMember(community, userId, actor) {
      await db.transaction(async (tx) => {
        const rows = await tx.query('DELETE FROM community_members WHERE community = $1 AND user_id = $2 RETURNING steward', [community, userId]);
        if (rows.length === 0) return;
        await ctx.audit(tx, actor, 'community.member-remove', community, { userId });
        await endSessions(tx, userId, ctx.now());
      });
    },
  };
}
