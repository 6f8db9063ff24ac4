import { ItemInput, type Item } from '@disan/schemas';
import { toSqlWhere, type ReadFilter } from '../access/index.ts';
import type { Row, Sql } from '../database/database.ts';
import { writeAudit } from './audit.ts';
import { ITEM_ACCESS_COLUMNS as ACCESS_COLUMNS, markExposedIfPublic, touchOaiDatestamps } from './oai-stamps.ts';
import { isoDate } from './rows.ts';
import { canonicalize, canonicalJson, validateRecord } from './validate.ts';

export interface UpsertResult {
  item: Item;
  /** A new id: version 1 was written. */
  created: boolean;
  /** A new version was written (always true when created). */
  changed: boolean;
}

export interface ItemVersion {
  version: number;
  data: ItemInput;
  author: string;
  createdAt: string;
}

export interface ItemPage {
  items: Item[];
  /** Pass as `afterId` for the next page; null on the last page. */
  nextAfterId: string | null;
}

const COLUMNS = 'id, data, version, created_at, updated_at';
const LIVE = 'deleted_at IS NULL';

export function createItemRepository(sql: Sql) {
  return {
    /**
     * Creates the item, or records a new version if its content differs from the
     * stored one. Content is compared as canonical JSON, so field order never counts.
     */
    async upsert(input: ItemInput, options: { author: string }): Promise<UpsertResult> {
      const data = canonicalize(validateRecord(ItemInput, input, 'item'));
      return sql.transaction(async (tx) => {
        const inserted = await insertFirstVersion(tx, data, options.author);
        if (inserted) return { item: toItem(inserted), created: true, changed: true };
        // The row exists (perhaps inserted a moment ago by another process): lock it and compare.
        const [current] = await tx.query(`SELECT ${COLUMNS} FROM items WHERE id = $1 FOR UPDATE`, [data.id]);
        if (canonicalJson(current!.data) === canonicalJson(data)) return { item: toItem(current!), created: false, changed: false };
        return { item: toItem(await writeNextVersion(tx, data, options.author)), created: false, changed: true };
      });
    },

    async get(id: string): Promise<Item | null> {
      const [row] = await sql.query(`SELECT ${COLUMNS} FROM items WHERE id = $1 AND ${LIVE}`, [id]);
      return row ? toItem(row) : null;
    },

    /** Several items in one round trip (missing ids are simply absent). */
    async getMany(ids: readonly string[]): Promise<Item[]> {
      if (ids.length === 0) return [];
      const rows = await sql.query(`SELECT ${COLUMNS} FROM items WHERE id = ANY($1::text[]) AND ${LIVE} ORDER BY id`, [ids]);
      return rows.map(toItem);
    },

    /**
     * The legal documents the filter lets through whose relations point to this record,
     * by its id or by its document number as written: the inverse relations (amended by,
     * replaced by, implemented by, guided by). jsonb containment, so a GIN index on
     * `data` would serve it; at most `limit` (100) of them, by id.
     */
    async referencingLegal(filter: ReadFilter, target: { id: string; documentNumber?: string | undefined }, options: { limit?: number; now?: Date } = {}): Promise<Item[]> {
      const visible = toSqlWhere(filter, ACCESS_COLUMNS, { now: options.now ?? new Date(), firstParam: 4 });
      const byNumber = target.documentNumber === undefined ? null : JSON.stringify([{ documentNumber: target.documentNumber }]);
      const rows = await sql.query(
        `SELECT ${COLUMNS} FROM items WHERE ${LIVE} AND id <> $1
           AND (data->'library'->'legal'->'relations' @> $2::jsonb OR ($3::jsonb IS NOT NULL AND data->'library'->'legal'->'relations' @> $3::jsonb))
           AND ${visible.sql} ORDER BY id LIMIT ${options.limit ?? 100}`,
        [target.id, JSON.stringify([{ itemId: target.id }]), byNumber, ...visible.params],
      );
      return rows.map(toItem);
    },

    /** Keyset pagination by id: stable and fast however deep the page. */
    async list(options: { limit?: number; afterId?: string } = {}): Promise<ItemPage> {
      const limit = options.limit ?? 100;
      const rows = await sql.query(
        `SELECT ${COLUMNS} FROM items WHERE ${LIVE} AND ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2`,
        [options.afterId ?? null, limit + 1],
      );
      const items = rows.slice(0, limit).map(toItem);
      return { items, nextAfterId: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },

    /**
     * A page of the items a read filter lets through (readFilter(viewer)), by id, for doors
     * that list from the catalog rather than from search (OAI-PMH, exports). An embargo
     * ended by `now` counts as public, as in search and canReadRecord.
     */
    async listVisible(filter: ReadFilter, options: { limit?: number; afterId?: string; now?: Date } = {}): Promise<ItemPage> {
      const limit = options.limit ?? 100;
      const visible = toSqlWhere(filter, ACCESS_COLUMNS, { now: options.now ?? new Date(), firstParam: 3 });
      const rows = await sql.query(
        `SELECT ${COLUMNS} FROM items WHERE ${LIVE} AND ($1::text IS NULL OR id > $1) AND ${visible.sql} ORDER BY id LIMIT $2`,
        [options.afterId ?? null, limit + 1, ...visible.params],
      );
      const items = rows.slice(0, limit).map(toItem);
      return { items, nextAfterId: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },

    /**
     * Every item the read filter lets through that has a recurring date (item.recurrence):
     * the festival calendar's records, by id.
     */
    async withRecurrence(filter: ReadFilter, options: { now?: Date } = {}): Promise<Item[]> {
      const visible = toSqlWhere(filter, ACCESS_COLUMNS, { now: options.now ?? new Date(), firstParam: 1 });
      const rows = await sql.query(
        `SELECT ${COLUMNS} FROM items WHERE ${LIVE} AND jsonb_typeof(data->'recurrence') = 'array' AND jsonb_array_length(data->'recurrence') > 0 AND ${visible.sql} ORDER BY id`,
        visible.params,
      );
      return rows.map(toItem);
    },

    /** Every item, fetched in batches, for reindexing and exports. */
    async *iterate(batchSize = 500): AsyncGenerator<Item> {
      let afterId: string | undefined;
      for (;;) {
        const page = await this.list({ limit: batchSize, ...(afterId === undefined ? {} : { afterId }) });
        yield* page.items;
        if (page.nextAfterId === null) return;
        afterId = page.nextAfterId;
      }
    },

    /** Ids of records under an embargo that has ended by `date` (YYYY-MM-DD): now public, to be re-indexed. */
    async embargoEndedBy(date: string): Promise<string[]> {
      const rows = await sql.query<{ id: string }>(
        `SELECT id FROM items WHERE ${LIVE} AND access_level = 'embargo' AND data->'access'->>'embargoUntil' <= $1 ORDER BY id`,
        [date],
      );
      return rows.map((row) => row.id);
    },

    /**
     * Records whose embargo ended by `date` get a new OAI datestamp, once (a harvester
     * sees them appear); returns how many moved.
     */
    async noteEmbargoesEnded(ids: readonly string[]): Promise<number> {
      return sql.transaction((tx) => touchOaiDatestamps(tx, ids, { onlyBefore: 'embargo-end' }));
    },

    async count(): Promise<number> {
      const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM items WHERE ${LIVE}`);
      return row!.n;
    },

    /** Oldest first. */
    async versions(id: string): Promise<ItemVersion[]> {
      const rows = await sql.query('SELECT version, data, author, created_at FROM item_versions WHERE item_id = $1 ORDER BY version', [id]);
      return rows.map((row) => ({
        version: Number(row.version),
        data: row.data as ItemInput,
        author: String(row.author),
        createdAt: isoDate(row.created_at),
      }));
    },
  };
}

async function insertFirstVersion(tx: Sql, data: ItemInput, author: string): Promise<Row | undefined> {
  const [row] = await tx.query(
    `INSERT INTO items (id, kind, status, access_level, data, version) VALUES ($1, $2, $3, $4, $5::jsonb, 1)
     ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
    [data.id, data.kind, data.status, data.access.level, JSON.stringify(data)],
  );
  if (!row) return undefined;
  await markExposedIfPublic(tx, data.id);
  await recordVersion(tx, data, 1, author, 'item.create');
  return row;
}

/**
 * The face changes (the command line, JSON Lines imports). A workspace revision in
 * progress ends: its versions stay in history, numbered below this one, and can be restored.
 * A record that leaves the withdrawn state (republished from a sheet) loses its withdrawal's
 * date and reason, so no tombstone outlives it.
 */
async function writeNextVersion(tx: Sql, data: ItemInput, author: string): Promise<Row> {
  await markExposedIfPublic(tx, data.id);
  const [row] = await tx.query(
    `UPDATE items SET kind = $2, status = $3, access_level = $4, data = $5::jsonb, version = GREATEST(version, COALESCE(head_version, version)) + 1,
       updated_at = now(), oai_datestamp = now(), head_version = NULL, revision_status = NULL, head_author = $6, head_updated_at = now(),
       withdrawn_at = CASE WHEN $3 = 'withdrawn' THEN COALESCE(withdrawn_at, now()) ELSE NULL END,
       withdrawn_reason = CASE WHEN $3 = 'withdrawn' THEN withdrawn_reason ELSE NULL END
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [data.id, data.kind, data.status, data.access.level, JSON.stringify(data), author],
  );
  await markExposedIfPublic(tx, data.id);
  await recordVersion(tx, data, Number(row!.version), author, 'item.update');
  return row!;
}

async function recordVersion(tx: Sql, data: ItemInput, version: number, author: string, action: string): Promise<void> {
  await tx.query('INSERT INTO item_versions (item_id, version, data, author) VALUES ($1, $2, $3::jsonb, $4)', [
    data.id,
    version,
    JSON.stringify(data),
    author,
  ]);
  await writeAudit(tx, { actor: author, action, target: data.id, details: { version } });
}

function toItem(row: Row): Item {
  return {
    ...(row.data as ItemInput),
    version: Number(row.version),
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
  };
}
