import { stringify } from 'csv-stringify/sync';
import type { Sql } from '../database/database.ts';
import { AUDIT_COLUMNS, sealAuditLog, toAuditEntry, verifyAuditLog, type AuditEntry } from './audit.ts';
import { toNumber } from './rows.ts';

export interface AuditFilter {
  /** An account id, `operator`, `cli`… */
  actor?: string | undefined;
  target?: string | undefined;
  /** An exact action, or a family ending in `*` (`auth.*`). */
  action?: string | undefined;
  /** ISO 8601; `from` included, `to` excluded. */
  from?: string | undefined;
  to?: string | undefined;
}

const CSV_BATCH = 1_000;

/** Reading the audit trail: the admins' pages, `disan audit verify` and the CSV export. */
export function createAuditLog(sql: Sql) {
  return {
    /** Newest first. */
    async list(options: AuditFilter & { limit?: number; offset?: number } = {}): Promise<{ entries: AuditEntry[]; total: number }> {
      const { where, params } = whereClause(options);
      const [rows, counted] = await Promise.all([
        sql.query(`SELECT ${AUDIT_COLUMNS} FROM audit_log ${where} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
          ...params,
          options.limit ?? 100,
          options.offset ?? 0,
        ]),
        sql.query<{ total: unknown }>(`SELECT count(*) AS total FROM audit_log ${where}`, params),
      ]);
      return { entries: rows.map(toAuditEntry), total: toNumber(counted[0]?.total ?? 0) };
    },

    /** The filtered entries as CSV, oldest first, in chunks (header first), for streaming to a download. */
    async *csv(filter: AuditFilter = {}): AsyncGenerator<string> {
      const { where, params } = whereClause(filter);
      yield auditCsv([], { header: true });
      for (let after = 0; ; ) {
        const rows = await sql.query(
          `SELECT ${AUDIT_COLUMNS} FROM audit_log ${where ? `${where} AND` : 'WHERE'} id > $${params.length + 1} ORDER BY id LIMIT ${CSV_BATCH}`,
          [...params, after],
        );
        if (rows.length === 0) return;
        const entries = rows.map(toAuditEntry);
        yield auditCsv(entries, { header: false });
        after = entries.at(-1)!.id;
      }
    },

    verify: () => verifyAuditLog(sql),
    seal: () => sealAuditLog(sql),
  };
}

function whereClause(filter: AuditFilter): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.actor) add((p) => `actor = ${p}`, filter.actor);
  if (filter.target) add((p) => `target = ${p}`, filter.target);
  if (filter.action?.endsWith('*')) add((p) => `starts_with(action, ${p})`, filter.action.slice(0, -1));
  else if (filter.action) add((p) => `action = ${p}`, filter.action);
  if (filter.from) add((p) => `at >= ${p}::timestamptz`, filter.from);
  if (filter.to) add((p) => `at < ${p}::timestamptz`, filter.to);
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

const CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'target', 'address', 'requestId', 'details', 'hash'] as const;

/**
 * Entries as CSV rows. A cell a spreadsheet would read as a formula (beginning with =, +,
 * -, @, a tab or a carriage return) gets a leading apostrophe: a name or a target typed by
 * someone cannot run when an admin opens the export (CSV injection, OWASP).
 */
export function auditCsv(entries: readonly AuditEntry[], options: { header: boolean }): string {
  const rows = entries.map((entry) =>
    CSV_COLUMNS.map((column) => {
      const value = column === 'details' ? JSON.stringify(entry.details) : entry[column];
      return neutralizeCell(value === null ? '' : String(value));
    }),
  );
  return stringify(rows, { header: options.header, columns: [...CSV_COLUMNS] });
}

/** @example neutralizeCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")" */
export function neutralizeCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
