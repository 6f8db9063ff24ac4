import type { ItemStatus, UploadRefusal, UploadState } from '@disan/schemas';
import type { Row, Sql } from '../database/database.ts';

/** One resumable upload as the uploads table keeps it (migration 0005). */
export interface UploadRow {
  id: string;
  accountId: string;
  itemId: string;
  name: string;
  size: number;
  state: UploadState;
  /** The tus Upload-Metadata the browser sent (filename, record, replaces, caption...); `duplicate` once registered. */
  metadata: Record<string, string | boolean>;
  mediaId: string | null;
  reason: string | null;
  reasonCode: UploadRefusal | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface NewUpload {
  id: string;
  accountId: string;
  itemId: string;
  name: string;
  size: number;
  metadata: Record<string, string>;
  expiresAt: Date;
}

/** What an upload ended as, written once by the registration job. */
export type UploadEnd = { state: 'done'; mediaId: string; duplicate: boolean } | { state: 'failed'; reason: string; code: UploadRefusal; mediaId?: string | undefined };

const toRow = (row: Row): UploadRow => ({
  id: row.id as string,
  accountId: row.account_id as string,
  itemId: row.item_id as string,
  name: row.name as string,
  size: Number(row.size),
  state: row.state as UploadState,
  metadata: row.metadata as Record<string, string | boolean>,
  mediaId: (row.media_id as string | null) ?? null,
  reason: (row.reason as string | null) ?? null,
  reasonCode: (row.reason_code as UploadRefusal | null) ?? null,
  createdAt: row.created_at as Date,
  expiresAt: row.expires_at as Date,
});

/** Sizes that count against a quota: uploads whose bytes are held or on their way (not failed, not expired). */
const HELD = `state IN ('receiving', 'registering', 'done')`;

/**
 * The uploads table: a row per upload, written when tus creates it, checked against the
 * account's quota in the same statement, moved through receiving, registering, done,
 * failed and expired.
 */
export function createUploadRows(sql: Sql) {
  return {
    /**
     * Inserts the row unless the account's held uploads plus this one pass `quotaBytes`
     * (null: no quota): one statement, so two uploads begun at once are counted together
     * as far as the database's isolation allows (READ COMMITTED: a race can pass by one file).
     */
    async create(upload: NewUpload, quotaBytes: number | null): Promise<'created' | 'over-quota'> {
      const rows = await sql.query(
        `INSERT INTO uploads (id, account_id, item_id, name, size, state, metadata, expires_at)
         SELECT $1, $2, $3, $4, $5::bigint, 'receiving', $6::jsonb, $7::timestamptz
         WHERE $8::bigint IS NULL OR (SELECT COALESCE(SUM(size), 0) FROM uploads WHERE account_id = $2::text AND ${HELD}) + $5::bigint <= $8::bigint
         RETURNING id`,
        [upload.id, upload.accountId, upload.itemId, upload.name, upload.size, JSON.stringify(upload.metadata), upload.expiresAt, quotaBytes],
      );
      return rows.length === 1 ? 'created' : 'over-quota';
    },

    async get(id: string): Promise<UploadRow | null> {
      const [row] = await sql.query('SELECT * FROM uploads WHERE id = $1', [id]);
      return row === undefined ? null : toRow(row);
    },

    /** Bytes the account holds in uploads (those that count against its quota). */
    async usedBytes(accountId: string): Promise<number> {
      const [row] = await sql.query(`SELECT COALESCE(SUM(size), 0) AS used FROM uploads WHERE account_id = $1 AND ${HELD}`, [accountId]);
      return Number(row?.used ?? 0);
    },

    /** receiving -> registering, once: false when the upload was not receiving (finished twice, expired). */
    async finishReceiving(id: string): Promise<boolean> {
      const rows = await sql.query(`UPDATE uploads SET state = 'registering', updated_at = now() WHERE id = $1 AND state = 'receiving' RETURNING id`, [id]);
      return rows.length === 1;
    },

    /** Registered: the medium is kept on the row before it is attached, so a run after a crash goes on from there. */
    async noteRegistered(id: string, mediaId: string, duplicate: boolean): Promise<void> {
      await sql.query(`UPDATE uploads SET media_id = $2, metadata = metadata || $3::jsonb, updated_at = now() WHERE id = $1`, [id, mediaId, JSON.stringify({ duplicate })]);
    },

    async end(id: string, end: UploadEnd): Promise<void> {
      if (end.state === 'done') {
        await sql.query(
          `UPDATE uploads SET state = 'done', media_id = $2, reason = NULL, reason_code = NULL, metadata = metadata || $3::jsonb, updated_at = now() WHERE id = $1`,
          [id, end.mediaId, JSON.stringify({ duplicate: end.duplicate })],
        );
      } else {
        await sql.query(`UPDATE uploads SET state = 'failed', media_id = $2, reason = $3, reason_code = $4, updated_at = now() WHERE id = $1`, [id, end.mediaId ?? null, end.reason, end.code]);
      }
    },

    /** Uploads still receiving after their expiry, marked expired; returns their ids (their bytes are then removed). */
    async expire(now: Date): Promise<string[]> {
      const rows = await sql.query(`UPDATE uploads SET state = 'expired', updated_at = now() WHERE state = 'receiving' AND expires_at <= $1 RETURNING id`, [now]);
      return rows.map((row) => row.id as string);
    },

    /** The record's workflow state (its revision's while there is one), or null when there is no such record. */
    async workflowStateOf(itemId: string): Promise<ItemStatus | null> {
      const [row] = await sql.query('SELECT COALESCE(revision_status, status) AS state FROM items WHERE id = $1', [itemId]);
      return row === undefined ? null : (row.state as ItemStatus);
    },
  };
}

export type UploadRows = ReturnType<typeof createUploadRows>;
