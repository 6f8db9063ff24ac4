import type { ItemInput, ItemStatus } from '@disan/schemas';
import type { Row, Sql } from '../../database/database.ts';
import type { SheetFile } from './cells.ts';

/** A record's head as a sheet sees it: its fields, workflow state, version and files. */
export interface SheetHead {
  item: ItemInput;
  /** The workflow state: the revision's while one exists, else the face's. */
  state: ItemStatus;
  version: number;
  files: SheetFile[];
}

/**
 * The head of a record is the newest version (head_version while a published record is
 * being revised, else the face's): what the workspace edits and what sheets export.
 * The face is kept for records written before item_versions held every version.
 */
const HEADS = `SELECT i.id, COALESCE(i.revision_status, i.status) AS state, COALESCE(i.head_version, i.version) AS version,
    COALESCE(v.data, i.data) AS data
  FROM items i
  LEFT JOIN item_versions v ON v.item_id = i.id AND v.version = COALESCE(i.head_version, i.version)
  WHERE i.deleted_at IS NULL`;

/** The files on the head (added by then, not removed by then), in the record's order. */
const HEAD_FILES = `SELECT m.item_id, m.original_name, m.caption
  FROM media m JOIN items i ON i.id = m.item_id
  WHERE m.item_id = ANY($1::text[])
    AND m.added_in_version <= COALESCE(i.head_version, i.version)
    AND (m.removed_in_version IS NULL OR m.removed_in_version > COALESCE(i.head_version, i.version))
  ORDER BY m.item_id, m.position, m.id`;

/** The heads of these records (missing ids are absent), with their files, in two queries. */
export async function readHeads(sql: Sql, ids: readonly string[]): Promise<Map<string, SheetHead>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query(`${HEADS} AND i.id = ANY($1::text[])`, [ids]);
  return withFiles(sql, rows);
}

/**
 * Heads in pages of `batchSize`, by id, for exports: those of one collection (as the head
 * says), or every record. Withdrawn records are left out, as every list leaves them out.
 */
export async function* iterateHeads(sql: Sql, options: { collection?: string | undefined; batchSize?: number }): AsyncGenerator<SheetHead[]> {
  const batchSize = options.batchSize ?? 200;
  for (let after = ''; ; ) {
    const rows = await sql.query(
      `${HEADS} AND i.id > $1 AND i.status <> 'withdrawn'
         AND ($2::text IS NULL OR COALESCE(v.data, i.data)->'collections' @> jsonb_build_array($2::text))
       ORDER BY i.id LIMIT $3`,
      [after, options.collection ?? null, batchSize],
    );
    if (rows.length === 0) return;
    const heads = await withFiles(sql, rows);
    yield [...heads.values()];
    if (rows.length < batchSize) return;
    after = String(rows.at(-1)!.id);
  }
}

async function withFiles(sql: Sql, rows: Row[]): Promise<Map<string, SheetHead>> {
  const heads = new Map<string, SheetHead>(
    rows.map((row) => [String(row.id), { item: row.data as ItemInput, state: row.state as ItemStatus, version: Number(row.version), files: [] }]),
  );
  const files = await sql.query(HEAD_FILES, [[...heads.keys()]]);
  for (const file of files) {
    heads.get(String(file.item_id))?.files.push({ name: String(file.original_name), ...(typeof file.caption === 'string' && file.caption !== '' ? { caption: file.caption } : {}) });
  }
  return heads;
}

/** The languages of every record's multilingual fields, for an export's columns. */
export async function sheetLanguages(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ lang: string }>(
    `WITH heads AS (${HEADS})
     SELECT DISTINCT entry->>'lang' AS lang FROM heads,
       LATERAL jsonb_array_elements(COALESCE(data->'title', '[]') || COALESCE(data->'description', '[]') || COALESCE(data->'subjects', '[]')) AS entry`,
  );
  return rows.map((row) => row.lang).filter((lang) => typeof lang === 'string');
}
