import { PUBLIC, readFilter, toSqlWhere, type AccessColumns } from '../access/index.ts';
import type { Sql } from '../database/database.ts';

/** Where the read filter finds state, level, embargo end and communities in an items row. */
export const ITEM_ACCESS_COLUMNS: AccessColumns = {
  status: 'status',
  level: 'access_level',
  embargoUntil: "data->'access'->>'embargoUntil'",
  communities: "data->'access'->'communities'",
};

/**
 * Records that the public may read the record today, if it may and that was not yet
 * recorded (items.oai_exposed_at): from then on OAI-PMH names it, as a deleted header
 * once it is withdrawn or restricted. Called before a face changes (an embargo that ended
 * without the daily job having run yet) and after (a publication). The rule is the public's
 * read filter, the one every door applies.
 */
export async function markExposedIfPublic(tx: Sql, itemId: string, now: Date = new Date()): Promise<void> {
  const visible = toSqlWhere(readFilter(PUBLIC), ITEM_ACCESS_COLUMNS, { now, firstParam: 2 });
  await tx.query(`UPDATE items SET oai_exposed_at = now() WHERE id = $1 AND oai_exposed_at IS NULL AND ${visible.sql}`, [itemId, ...visible.params]);
}

/**
 * What a harvester sees of these records changed without a new face (files added to the
 * face, an embargo ended): their OAI datestamp moves. `onlyBefore`: leave records whose
 * datestamp is already at or after this instant (an embargo end seen again the next day).
 */
export async function touchOaiDatestamps(tx: Sql, itemIds: readonly string[], options: { onlyBefore?: 'embargo-end' } = {}): Promise<number> {
  if (itemIds.length === 0) return 0;
  const condition = options.onlyBefore === 'embargo-end' ? ` AND oai_datestamp < ((data->'access'->>'embargoUntil') || 'T00:00:00Z')::timestamptz` : '';
  const rows = await tx.query(`UPDATE items SET oai_datestamp = now() WHERE id = ANY($1::text[])${condition} RETURNING id`, [itemIds]);
  for (const id of itemIds) await markExposedIfPublic(tx, id);
  return rows.length;
}
