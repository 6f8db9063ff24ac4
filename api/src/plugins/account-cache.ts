import type { Account } from '@disan/ingest/accounts';

export interface AccountCache {
  get(id: string): Promise<Account | null>;
  /** After a change made through this process, so it shows on the account's next request. */
  forget(id: string): void;
}

/**
 * Accounts behind sessions, kept a few seconds so that a signed-in request costs one
 * catalog read (the session's) instead of two. Safe for taking rights away: disabling
 * an account, removing a role or a membership ends the account's sessions in the
 * catalog, and an ended session is the public whatever this cache holds. What waits up
 * to `ttlMs` is a right *granted* through another API process; this process forgets
 * the account at once when it makes the change.
 */
export function createAccountCache(load: (id: string) => Promise<Account | null>, options: { ttlMs?: number; max?: number; now?: () => number } = {}): AccountCache {
  const ttlMs = options.ttlMs ?? 5_000;
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { account: Account | null; expiresAt: number }>();
  return {
    async get(id) {
      const entry = entries.get(id);
      if (entry && entry.expiresAt > now()) return entry.account;
      const account = await load(id);
      entries.delete(id);
      // Oldest first in a Map: dropping the first keys keeps the newest.
      for (const key of entries.keys()) {
        if (entries.size < max) break;
        entries.delete(key);
      }
      entries.set(id, { account, expiresAt: now() + ttlMs });
      return account;
    },
    forget(id) {
      entries.delete(id);
    },
  };
}
