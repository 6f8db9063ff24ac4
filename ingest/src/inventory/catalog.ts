import type { Item, ItemInput } from '@disan/schemas';
import { toSqlWhere, type ReadFilter } from '../access/index.ts';
import { ITEM_ACCESS_COLUMNS } from '../catalog/oai-stamps.ts';
import { isoDate } from '../catalog/rows.ts';
import type { Row, Sql } from '../database/database.ts';

const COLUMNS = 'id, data, version, created_at, updated_at';
const LIVE = 'deleted_at IS NULL';

const toItem = (row: Row): Item => ({ ...(row.data as ItemInput), version: Number(row.version), createdAt: isoDate(row.created_at), updatedAt: isoDate(row.updated_at) });

/**
 * The inventory's reads from the catalog: the records that document an element (by jsonb
 * containment on `data->'elements'`, served by the GIN index of migration 0012), and the
 * texts the link suggestions look names up in. Every list goes through a read filter.
 */
export function createInventoryCatalog(sql: Sql) {
  return {
    /** The live records the filter lets through that name this element among theirs, by id; at most `limit` (200). */
    async documenting(filter: ReadFilter, elementId: string, options: { limit?: number; now?: Date } = {}): Promise<Item[]> {
      const visible = toSqlWhere(filter, ITEM_ACCESS_COLUMNS, { now: options.now ?? new Date(), firstParam: 2 });
      const rows = await sql.query(
        `SELECT ${COLUMNS} FROM items WHERE ${LIVE} AND data->'elements' @> $1::jsonb AND ${visible.sql} ORDER BY id LIMIT ${options.limit ?? 200}`,
        [JSON.stringify([elementId]), ...visible.params],
      );
      return rows.map(toItem);
    },

    /** The live items of a kind (`element`), or of every other kind (`documentary`), the filter lets through. */
    async ofKind(filter: ReadFilter, kind: 'element' | 'documentary', options: { now?: Date } = {}): Promise<Item[]> {
      const visible = toSqlWhere(filter, ITEM_ACCESS_COLUMNS, { now: options.now ?? new Date(), firstParam: 1 });
      const which = kind === 'element' ? `kind = 'element'` : `kind NOT IN ('element', 'word')`;
      const rows = await sql.query(`SELECT ${COLUMNS} FROM items WHERE ${LIVE} AND ${which} AND ${visible.sql} ORDER BY id`, visible.params);
      return rows.map(toItem);
    },
  };
}
export type InventoryCatalog = ReturnType<typeof createInventoryCatalog>;
