import type { Sql } from '../database/database.ts';
import { toNumber } from '../catalog/rows.ts';
import { addMs } from './context.ts';

/**
 * Sign-in throttling, shared by every API process through the catalog. Failures are
 * counted per account (the email as typed, whether or not it exists, so the answer tells
 * nothing) and per address, over the last hour. Past the free attempts each further
 * failure doubles the wait (1 s, 2 s, 4 s… up to 15 minutes): a person who mistypes a
 * few times barely notices, a guesser gets a few dozen tries an hour. An address gets more
 * free attempts than an account, since many people may share one (an office, a school).
 */
export const THROTTLE = { windowMs: 3_600_000, freeAttempts: { account: 5, address: 20 }, maxDelaySeconds: 900 } as const;

export type FailureKind = keyof typeof THROTTLE.freeAttempts;

/** Seconds to wait after `failures` failures, the last at `last`. */
export function delaySeconds(kind: FailureKind, failures: number): number {
  const beyond = failures - THROTTLE.freeAttempts[kind];
  return beyond < 0 ? 0 : Math.min(2 ** beyond, THROTTLE.maxDelaySeconds);
}

export interface ThrottleKeys {
  account: string;
  address: string;
}

/** Whole seconds before the next attempt may be checked; 0 = now. */
export async function retryAfterSeconds(sql: Sql, keys: ThrottleKeys, now: Date): Promise<number> {
  const rows = await sql.query<{ kind: FailureKind; n: unknown; last: Date }>(
    `SELECT kind, count(*) AS n, max(at) AS last FROM sign_in_failures
     WHERE ((kind = 'account' AND key = $1) OR (kind = 'address' AND key = $2)) AND at > $3 GROUP BY kind`,
    [keys.account, keys.address, addMs(now, -THROTTLE.windowMs).toISOString()],
  );
  let wait = 0;
  for (const row of rows) {
    const until = new Date(row.last).getTime() + delaySeconds(row.kind, toNumber(row.n)) * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordFailure(sql: Sql, keys: ThrottleKeys, now: Date): Promise<void> {
  await sql.query(`INSERT INTO sign_in_failures (kind, key, at) VALUES ('account', $1, $3), ('address', $2, $3)`, [keys.account, keys.address, now.toISOString()]);
  await sql.query('DELETE FROM sign_in_failures WHERE at <= $1', [addMs(now, -THROTTLE.windowMs).toISOString()]);
}

/** A successful sign-in forgets the account's failures (not the address's: one good account must not unlock guessing others). */
export async function clearFailures(sql: Sql, keys: ThrottleKeys): Promise<void> {
  await sql.query(`DELETE FROM sign_in_failures WHERE kind = 'account' AND key = $1`, [keys.account]);
}
