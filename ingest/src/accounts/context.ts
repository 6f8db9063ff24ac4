import { createHash, randomBytes } from 'node:crypto';
import type { AccountsConfig } from '../config.ts';
import { writeAudit } from '../catalog/audit.ts';
import type { Sql } from '../database/database.ts';
import { createNotifier, type NoticeOptions, type Notifier } from './notify.ts';
import type { Actor } from './types.ts';

/** What every part of the accounts shares: the database, the settings, the clock, the audit trail and the holder's notices. */
export interface AccountsContext {
  db: Sql;
  config: AccountsConfig;
  now: () => Date;
  audit(sql: Sql, actor: Actor, action: string, target: string, details?: Record<string, unknown>): Promise<void>;
  notifier: Notifier;
}

export function createContext(db: Sql, config: AccountsConfig, now: () => Date = () => new Date(), notices: NoticeOptions = {}): AccountsContext {
  const audit: AccountsContext['audit'] = (sql, actor, action, target, details = {}) =>
    writeAudit(sql, { actor: actor.id, action, target, details, address: actor.address, requestId: actor.requestId, at: now() });
  return { db, config, now, audit, notifier: createNotifier({ db, now, audit }, notices) };
}

/**
 * Secrets people hold (session ids, tokens, links, recovery codes) are 256-bit random
 * values, so one SHA-256 is enough to store them: unlike passwords, there is nothing to guess.
 */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const addMs = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
