import type { Sql } from '../database/database.ts';
import { isoDate, jsonParam } from './rows.ts';

export interface AuditEntry {
  at: string;
  actor: string;
  /** Dotted verb, e.g. item.create, item.update, media.create. */
  action: string;
  /** Id of what was acted on. */
  target: string;
  details: Record<string, unknown>;
}

/** Writes one audit row; call it inside the transaction that makes the change, so both or neither persist. */
export async function writeAudit(tx: Sql, entry: Omit<AuditEntry, 'at'>): Promise<void> {
  await tx.query('INSERT INTO audit_log (actor, action, target, details) VALUES ($1, $2, $3, $4::jsonb)', [
    entry.actor,
    entry.action,
    entry.target,
    jsonParam(entry.details),
  ]);
}

export function createAuditLog(sql: Sql) {
  return {
    /** Newest first. */
    async list(options: { target?: string; limit?: number } = {}): Promise<AuditEntry[]> {
      const rows = await sql.query(
        `SELECT at, actor, action, target, details FROM audit_log
         WHERE $1::text IS NULL OR target = $1 ORDER BY id DESC LIMIT $2`,
        [options.target ?? null, options.limit ?? 100],
      );
      return rows.map((row) => ({
        at: isoDate(row.at),
        actor: String(row.actor),
        action: String(row.action),
        target: String(row.target),
        details: row.details as Record<string, unknown>,
      }));
    },
  };
}
