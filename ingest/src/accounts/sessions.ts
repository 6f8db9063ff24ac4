import { isoDate } from '../catalog/rows.ts';
import { addMs, sha256, type AccountsContext } from './context.ts';
import type { Accounts } from './types.ts';
import { endSessions } from './users.ts';

/** `last_seen_at` is written at most this often, so checking a session is nearly always one read. */
export const LAST_SEEN_EVERY_MS = 60_000;
/** Ended and expired rows are swept at most this often per process. */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * The session store behind the API's session library. Ids are 256-bit random values kept
 * only as their SHA-256, so reading the table gives nobody a session. A session ends after
 * DISAN_SESSION_IDLE_MINUTES without a request or DISAN_SESSION_MAX_HOURS after sign-in;
 * an ended session keeps its row (ended_at) until it would have expired anyway, so a request
 * that was in flight when it ended cannot save it back to life.
 */
export function createSessions(ctx: AccountsContext): Accounts['sessions'] {
  const { db } = ctx;
  const idleMs = ctx.config.sessionIdleMinutes * 60_000;
  const maxMs = ctx.config.sessionMaxHours * 3_600_000;
  const expired = (createdAt: Date, lastSeenAt: Date, now: Date) => now.getTime() - lastSeenAt.getTime() >= idleMs || now.getTime() - createdAt.getTime() >= maxMs;
  const handleOfHash = (hash: string) => sha256(`handle:${hash}`).slice(0, 32);
  let lastSweep = 0;

  const sweep = async (now: Date) => {
    if (now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now.getTime();
    await db.query('DELETE FROM sessions WHERE created_at < $1', [addMs(now, -maxMs).toISOString()]);
  };

  const live = async (userId: string) => {
    const now = ctx.now();
    const rows = await db.query<{ id: string; created_at: Date; last_seen_at: Date; address: string | null; user_agent: string | null }>(
      'SELECT id, created_at, last_seen_at, address, user_agent FROM sessions WHERE user_id = $1 AND ended_at IS NULL ORDER BY created_at DESC',
      [userId],
    );
    return rows.filter((row) => !expired(new Date(row.created_at), new Date(row.last_seen_at), now));
  };

  return {
    handleOf: (id) => handleOfHash(sha256(id)),

    async load(id) {
      const hash = sha256(id);
      const rows = await db.query<{ user_id: string; data: Record<string, unknown>; created_at: Date; last_seen_at: Date; ended_at: Date | null; status: string }>(
        'SELECT s.user_id, s.data, s.created_at, s.last_seen_at, s.ended_at, u.status FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1',
        [hash],
      );
      const row = rows[0];
      if (!row || row.ended_at !== null || row.status !== 'active') return null;
      const now = ctx.now();
      const createdAt = new Date(row.created_at);
      let lastSeenAt = new Date(row.last_seen_at);
      if (expired(createdAt, lastSeenAt, now)) {
        await db.query('UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', [hash, now.toISOString()]);
        return null;
      }
      if (now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS) {
        await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [hash, now.toISOString()]);
        lastSeenAt = now;
      }
      return { userId: row.user_id, data: row.data, createdAt: isoDate(createdAt), lastSeenAt: isoDate(lastSeenAt) };
    },

    async save(id, session) {
      const now = ctx.now();
      await sweep(now);
      // Only for an active account, and never over an ended session or another account's.
      await db.query(
        `INSERT INTO sessions (id, user_id, data, created_at, last_seen_at, address, user_agent)
         SELECT $1, u.id, $3::jsonb, $4, $4, $5, $6 FROM users u WHERE u.id = $2 AND u.status = 'active'
         ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, last_seen_at = EXCLUDED.last_seen_at
         WHERE sessions.ended_at IS NULL AND sessions.user_id = EXCLUDED.user_id`,
        [sha256(id), session.userId, JSON.stringify(session.data), now.toISOString(), session.address?.slice(0, 100) ?? null, session.userAgent?.slice(0, 500) ?? null],
      );
    },

    async destroy(id, actor) {
      await db.transaction(async (tx) => {
        const rows = await tx.query<{ user_id: string }>('UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL RETURNING user_id', [sha256(id), ctx.now().toISOString()]);
        if (actor && rows[0]) await ctx.audit(tx, actor, 'auth.sign-out', rows[0].user_id, {});
      });
    },

    async destroyAll(userId, keepId, actor) {
      return db.transaction(async (tx) => {
        const ended = await endSessions(tx, userId, ctx.now(), keepId === undefined ? undefined : sha256(keepId));
        if (actor) await ctx.audit(tx, actor, 'auth.sign-out-everywhere', userId, { sessionsEnded: ended });
        return ended;
      });
    },

    async list(userId) {
      return (await live(userId)).map((row) => ({
        handle: handleOfHash(row.id),
        createdAt: isoDate(row.created_at),
        lastSeenAt: isoDate(row.last_seen_at),
        address: row.address,
        userAgent: row.user_agent,
        current: false,
      }));
    },

    async destroyByHandle(userId, handle) {
      const target = (await live(userId)).find((row) => handleOfHash(row.id) === handle);
      if (!target) return false;
      const rows = await db.query('UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL RETURNING id', [target.id, ctx.now().toISOString()]);
      return rows.length > 0;
    },
  };
}
