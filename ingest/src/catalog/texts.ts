import { Type } from 'typebox';
import { TextPassage } from '@disan/schemas';
import type { Row, Sql } from '../database/database.ts';
import { withoutNulls } from './rows.ts';
import { validate } from './validate.ts';

const Passages = Type.Array(TextPassage);
const COLUMNS = 'media_id, item_id, seq, source, page, start_seconds, end_seconds, recording_id, lang, text';
/** Rows per INSERT: keeps a 5 000-page document well under the drivers' parameter limits. */
const CHUNK = 500;

/** The text found inside media (document pages, caption cues), located by page or time. */
export function createTextRepository(sql: Sql) {
  return {
    /**
     * Replaces every passage of one medium in one transaction: a re-run job never
     * leaves old and new text mixed, and a crash leaves the previous text whole.
     */
    async replace(mediaId: string, passages: readonly TextPassage[]): Promise<void> {
      const valid = validate(Passages, passages, 'text passages');
      await sql.transaction(async (tx) => {
        await tx.query('DELETE FROM media_texts WHERE media_id = $1', [mediaId]);
        for (let start = 0; start < valid.length; start += CHUNK) {
          const chunk = valid.slice(start, start + CHUNK);
          const params: unknown[] = [];
          const tuples = chunk.map((p) => {
            if (p.mediaId !== mediaId) throw new Error(`passage ${p.seq} belongs to ${p.mediaId}, not ${mediaId}`);
            params.push(p.mediaId, p.itemId, p.seq, p.source, p.page ?? null, p.startSeconds ?? null, p.endSeconds ?? null, p.recordingId ?? null, p.lang ?? null, p.text);
            const n = params.length - 10;
            return `(${Array.from({ length: 10 }, (_, i) => `$${n + i + 1}`).join(', ')})`;
          });
          await tx.query(`INSERT INTO media_texts (${COLUMNS}) VALUES ${tuples.join(', ')}`, params);
        }
      });
    },

    async listForMedia(mediaId: string): Promise<TextPassage[]> {
      return (await sql.query(`SELECT ${COLUMNS} FROM media_texts WHERE media_id = $1 ORDER BY seq`, [mediaId])).map(toPassage);
    },

    /**
     * One window of a medium's passages in reading order (only those of `page`, when
     * given), and how many there are in all: a 5 000-page register is read a window at a time.
     */
    async readForMedia(mediaId: string, window: { page?: number; offset: number; limit: number }): Promise<{ total: number; passages: TextPassage[] }> {
      const where = window.page === undefined ? 'media_id = $1' : 'media_id = $1 AND page = $2';
      const params: unknown[] = window.page === undefined ? [mediaId] : [mediaId, window.page];
      const [counted] = await sql.query(`SELECT count(*)::int AS n FROM media_texts WHERE ${where}`, params);
      const rows = await sql.query(`SELECT ${COLUMNS} FROM media_texts WHERE ${where} ORDER BY seq LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, window.limit, window.offset]);
      return { total: Number(counted?.n ?? 0), passages: rows.map(toPassage) };
    },

    /** Every passage of an item's media, in media then reading order. */
    async listForItem(itemId: string): Promise<TextPassage[]> {
      return (await sql.query(`SELECT ${COLUMNS} FROM media_texts WHERE item_id = $1 ORDER BY media_id, seq`, [itemId])).map(toPassage);
    },

    /** The passages of several items in one round trip, grouped by item id. */
    async listForItems(itemIds: readonly string[]): Promise<Map<string, TextPassage[]>> {
      const grouped = new Map<string, TextPassage[]>(itemIds.map((id) => [id, []]));
      if (itemIds.length === 0) return grouped;
      const rows = await sql.query(`SELECT ${COLUMNS} FROM media_texts WHERE item_id = ANY($1::text[]) ORDER BY item_id, media_id, seq`, [itemIds]);
      for (const passage of rows.map(toPassage)) grouped.get(passage.itemId)?.push(passage);
      return grouped;
    },
  };
}

export type TextRepository = ReturnType<typeof createTextRepository>;

function toPassage(row: Row): TextPassage {
  return withoutNulls({
    mediaId: row.media_id as string,
    itemId: row.item_id as string,
    seq: Number(row.seq),
    source: row.source as TextPassage['source'],
    page: row.page as number | null,
    startSeconds: row.start_seconds as number | null,
    endSeconds: row.end_seconds as number | null,
    recordingId: row.recording_id as string | null,
    lang: row.lang as string | null,
    text: row.text as string,
  });
}
