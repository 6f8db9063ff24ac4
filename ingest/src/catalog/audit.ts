import { createHash } from 'node:crypto';
import type { AuditEntry } from '@disan/schemas';
import type { Row, Sql } from '../database/database.ts';
import { isoDate, jsonParam, toNumber } from './rows.ts';

export type { AuditEntry };

/** What a caller writes; `at` defaults to now (the accounts pass their own clock). */
export interface AuditInput {
  actor: string;
  /** Dotted verb, e.g. item.create, auth.sign-in, record.read. */
  action: string;
  /** Id of what was acted on. */
  target: string;
  details?: Record<string, unknown>;
  address?: string | undefined;
  requestId?: string | undefined;
  at?: Date;
}

/**
 * Every writer of the chain, in every process, takes this transaction-scoped lock before
 * reading the head and appending: two writers never hash onto the same head (a fork).
 */
const AUDIT_CHAIN_LOCK = 7_346_012_002;

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the
 * change, so both or neither persist; on the database itself it opens its own. The lock
 * is held until that transaction ends, so keep audited transactions short.
 */
export async function writeAudit(sql: Sql, input: AuditInput): Promise<void> {
  await sql.transaction(async (tx) => {
    await lockChain(tx);
    const previous = await headHash(tx);
    const entry = {
      at: (input.at ?? new Date()).toISOString(),
      actor: input.actor,
      action: input.action,
      target: input.target,
      // As it will read back from jsonb: undefined values dropped.
      details: JSON.parse(jsonParam(input.details ?? {}) ?? '{}') as Record<string, unknown>,
      address: input.address ?? null,
      requestId: input.requestId ?? null,
    };
    await tx.query(
      `INSERT INTO audit_log (at, actor, action, target, details, address, request_id, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
      [entry.at, entry.actor, entry.action, entry.target, jsonParam(entry.details), entry.address, entry.requestId, previous, chainHash(previous, entry)],
    );
  });
}

type Hashed = Omit<AuditEntry, 'id' | 'hash'>;

/** sha256(previous hash + canonical JSON of the entry), hex. The first entry's previous hash is ''. */
export function chainHash(previous: string, entry: Hashed): string {
  const { at, actor, action, target, details, address, requestId } = entry;
  return createHash('sha256').update(previous).update(canonicalJson({ at, actor, action, target, details, address, requestId })).digest('hex');
}

/** JSON with object keys sorted at every level, so jsonb's own key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function lockChain(tx: Sql): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

async function headHash(tx: Sql): Promise<string> {
  const rows = await tx.query<{ hash: string | null }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  return rows[0]?.hash ?? '';
}

export const AUDIT_COLUMNS = 'id, at, actor, action, target, details, address, request_id, hash';

export function toAuditEntry(row: Row): AuditEntry {
  return {
    id: toNumber(row.id),
    at: isoDate(row.at),
    actor: String(row.actor),
    action: String(row.action),
    target: String(row.target),
    details: row.details as Record<string, unknown>,
    address: (row.address as string | null) ?? null,
    requestId: (row.request_id as string | null) ?? null,
    hash: (row.hash as string | null) ?? '',
  };
}

/**
 * Hashes entries written before the chain existed (migration 0003) onto its head, in id
 * order. Only entries after the last hashed one are sealed: an unhashed entry in the middle
 * of the chain stays unhashed, and `verify` reports it. Run when the archive opens.
 * @returns how many entries were sealed.
 */
export async function sealAuditLog(sql: Sql): Promise<number> {
  return sql.transaction(async (tx) => {
    await lockChain(tx);
    const head = await tx.query<{ id: unknown; hash: string }>('SELECT id, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1');
    let previous = head[0]?.hash ?? '';
    let after = head[0] ? toNumber(head[0].id) : 0;
    let sealed = 0;
    for (;;) {
      const rows = await tx.query(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id > $1 AND hash IS NULL ORDER BY id LIMIT 500`, [after]);
      if (rows.length === 0) return sealed;
      for (const row of rows) {
        const entry = toAuditEntry(row);
        const hash = chainHash(previous, entry);
        await tx.query('UPDATE audit_log SET previous_hash = $2, hash = $3 WHERE id = $1', [entry.id, previous, hash]);
        previous = hash;
        after = entry.id;
        sealed++;
      }
    }
  });
}

export type AuditVerification =
  | { ok: true; checked: number; head: string }
  /** `checked`: entries found sound before the broken one. */
  | { ok: false; checked: number; brokenId: number; reason: string };

/** Walks the whole chain in id order and names the first entry that does not hold. */
export async function verifyAuditLog(sql: Sql): Promise<AuditVerification> {
  let previous = '';
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await sql.query(`SELECT ${AUDIT_COLUMNS}, previous_hash FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1000`, [after]);
    if (rows.length === 0) return { ok: true, checked, head: previous };
    for (const row of rows) {
      const entry = toAuditEntry(row);
      const broken = (reason: string): AuditVerification => ({ ok: false, checked, brokenId: entry.id, reason });
      if (row.hash === null) return broken('it has no hash: it was written outside the chain');
      if (row.previous_hash !== previous) return broken('it does not follow the entry before it: an entry was removed or inserted, or the chain was rewritten');
      if (chainHash(previous, entry) !== entry.hash) return broken('its content does not match its hash: it was changed after it was written');
      previous = entry.hash;
      after = entry.id;
      checked++;
    }
  }
}
