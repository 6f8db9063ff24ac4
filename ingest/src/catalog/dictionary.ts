import { toSqlWhere, type ReadFilter } from '../access/index.ts';
import type { Sql } from '../database/database.ts';
import { ITEM_ACCESS_COLUMNS as ACCESS_COLUMNS } from './oai-stamps.ts';

/** What the browse orders are built from: an entry's written forms, read without the rest of its data. */
export interface BrowseSource {
  id: string;
  language: string;
  headwords: { value: string; script: string }[];
  /** The first sense's glosses. */
  glosses: { lang: string; value: string }[];
}

/** One entry's place in one browse order. */
export interface BrowseRow {
  itemId: string;
  rank: number;
  section: string;
  /** The section as shown: the letter, or a radical with its number (舟 137). */
  label: string;
}

const WORDS = "kind = 'word' AND deleted_at IS NULL";

/**
 * The dictionary's reads in the catalog: the reverse links (a record's words, an entry's
 * inverse relations), word lists' entries, the word of the day's candidates and the browse
 * orders' derived table. Each read that lists entries takes the viewer's read filter, so
 * SQL applies the very rule search applies; they return ids, and the caller reads the items.
 */
export function createDictionaryRepository(sql: Sql) {
  const visible = (filter: ReadFilter, firstParam: number, now: Date) => toSqlWhere(filter, ACCESS_COLUMNS, { now, firstParam });
  const ids = (rows: Record<string, unknown>[]) => rows.map((row) => String(row.id));

  return {
    /** Entries whose entry.records names the record (GIN index items_entry_records_idx), by id. */
    async entriesNaming(recordId: string, filter: ReadFilter, options: { limit?: number; now?: Date } = {}): Promise<string[]> {
      const where = visible(filter, 2, options.now ?? new Date());
      const rows = await sql.query(
        `SELECT id FROM items WHERE ${WORDS} AND data->'entry'->'records' @> $1::jsonb AND ${where.sql} ORDER BY id LIMIT ${options.limit ?? 200}`,
        [JSON.stringify([recordId]), ...where.params],
      );
      return ids(rows);
    },

    /** Entries whose relations point to this entry (the inverse side: "compounds" of a "compound-of"), by id. */
    async entriesRelatingTo(entryId: string, filter: ReadFilter, options: { limit?: number; now?: Date } = {}): Promise<string[]> {
      const where = visible(filter, 3, options.now ?? new Date());
      const rows = await sql.query(
        `SELECT id FROM items WHERE ${WORDS} AND id <> $1 AND data->'entry'->'relations' @> $2::jsonb AND ${where.sql} ORDER BY id LIMIT ${options.limit ?? 100}`,
        [entryId, JSON.stringify([{ entryId }]), ...where.params],
      );
      return ids(rows);
    },

    /** Entries that belong to the collection (a word list), by id; the list's own order is applied by the caller. */
    async entriesIn(collectionId: string, filter: ReadFilter, options: { limit?: number; now?: Date } = {}): Promise<string[]> {
      const where = visible(filter, 2, options.now ?? new Date());
      const rows = await sql.query(
        `SELECT id FROM items WHERE ${WORDS} AND data @> $1::jsonb AND ${where.sql} ORDER BY id LIMIT ${options.limit ?? 10000}`,
        [JSON.stringify({ collections: [collectionId] }), ...where.params],
      );
      return ids(rows);
    },

    /** How many entries the filter lets through in each of these collections. */
    async countEntriesIn(collectionIds: readonly string[], filter: ReadFilter, options: { now?: Date } = {}): Promise<Map<string, number>> {
      if (collectionIds.length === 0) return new Map();
      const where = visible(filter, 2, options.now ?? new Date());
      const rows = await sql.query(
        `SELECT c AS id, count(*)::int AS n FROM items, jsonb_array_elements_text(COALESCE(data->'collections', '[]'::jsonb)) AS c
          WHERE ${WORDS} AND c = ANY($1::text[]) AND ${where.sql} GROUP BY c`,
        [collectionIds, ...where.params],
      );
      return new Map(rows.map((row) => [String(row.id), Number(row.n)]));
    },

    /**
     * The word of the day's candidates for a seed (the date): entries the filter lets
     * through, those with an audio file first, each group in the order of md5(seed || id).
     * An entry added later takes the day only if its own hash comes first: the choice of
     * past and coming days mostly stays as it was (rendezvous hashing).
     */
    async dailyCandidates(seed: string, filter: ReadFilter, options: { limit?: number; now?: Date } = {}): Promise<string[]> {
      const where = visible(filter, 2, options.now ?? new Date());
      const rows = await sql.query(
        `SELECT id FROM items WHERE ${WORDS} AND ${where.sql}
          ORDER BY EXISTS (SELECT 1 FROM media WHERE media.item_id = items.id AND media.kind = 'audio' AND media.status = 'ready') DESC,
                   md5($1 || id), id LIMIT ${options.limit ?? 20}`,
        [seed, ...where.params],
      );
      return ids(rows);
    },

    /** What says whether the browse orders are current: live entries, newest change, newest deletion. */
    async wordsStamp(): Promise<string> {
      const [row] = await sql.query(
        `SELECT count(*) FILTER (WHERE deleted_at IS NULL)::int AS n, max(updated_at) AS changed, max(deleted_at) AS deleted FROM items WHERE kind = 'word'`,
      );
      const when = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '-');
      return `${Number(row?.n ?? 0)}|${when(row?.changed)}|${when(row?.deleted)}`;
    },

    /** Every live entry's written forms, for rebuilding the browse orders. */
    async browseSources(): Promise<BrowseSource[]> {
      const rows = await sql.query(
        `SELECT id, data->'entry'->>'language' AS language, data->'entry'->'headwords' AS headwords,
                COALESCE(data->'entry'->'senses'->0->'glosses', '[]'::jsonb) AS glosses
           FROM items WHERE ${WORDS} AND data ? 'entry'`,
      );
      return rows.map((row) => ({
        id: String(row.id),
        language: typeof row.language === 'string' ? row.language : '',
        headwords: (row.headwords ?? []) as BrowseSource['headwords'],
        glosses: (row.glosses ?? []) as BrowseSource['glosses'],
      }));
    },

    async browseStamp(order: string): Promise<string | null> {
      const [row] = await sql.query('SELECT stamp FROM dictionary_browse_state WHERE order_name = $1', [order]);
      return row ? String(row.stamp) : null;
    },

    /** Replaces one order's rows in one transaction: a reader sees the old order or the new one, never half. */
    async replaceBrowse(order: string, rows: readonly BrowseRow[], stamp: string): Promise<void> {
      await sql.transaction(async (tx) => {
        await tx.query('DELETE FROM dictionary_browse WHERE order_name = $1', [order]);
        // In slices: one statement's parameters stay small whatever the dictionary's size.
        for (let start = 0; start < rows.length; start += 5000) {
          const slice = rows.slice(start, start + 5000);
          await tx.query(
            `INSERT INTO dictionary_browse (order_name, item_id, rank, section, label)
             SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[])`,
            [order, slice.map((r) => r.itemId), slice.map((r) => r.rank), slice.map((r) => r.section), slice.map((r) => r.label)],
          );
        }
        await tx.query(
          `INSERT INTO dictionary_browse_state (order_name, stamp, built_at) VALUES ($1, $2, now())
           ON CONFLICT (order_name) DO UPDATE SET stamp = EXCLUDED.stamp, built_at = now()`,
          [order, stamp],
        );
      });
    },

    /** A page of one order after a position, through the read filter: a keyset read on (rank, item_id). */
    async browsePage(order: string, filter: ReadFilter, options: { afterRank: number; afterId: string; limit: number; now?: Date }): Promise<BrowseRow[]> {
      const where = visible(filter, 5, options.now ?? new Date());
      const rows = await sql.query(
        `SELECT b.item_id, b.rank, b.section, b.label FROM dictionary_browse b JOIN items ON items.id = b.item_id
          WHERE b.order_name = $1 AND (b.rank, b.item_id) > ($2::int, $3::text) AND items.deleted_at IS NULL AND ${where.sql}
          ORDER BY b.rank, b.item_id LIMIT $4`,
        [order, options.afterRank, options.afterId, options.limit, ...where.params],
      );
      return rows.map((row) => ({ itemId: String(row.item_id), rank: Number(row.rank), section: String(row.section), label: String(row.label) }));
    },

    /** Each section of one order with the entries the filter lets through and its first rank, in order. */
    async browseSections(order: string, filter: ReadFilter, options: { now?: Date } = {}): Promise<{ section: string; label: string; count: number; firstRank: number }[]> {
      const where = visible(filter, 2, options.now ?? new Date());
      const rows = await sql.query(
        `SELECT b.section, min(b.label) AS label, count(*)::int AS n, min(b.rank) AS first FROM dictionary_browse b JOIN items ON items.id = b.item_id
          WHERE b.order_name = $1 AND items.deleted_at IS NULL AND ${where.sql} GROUP BY b.section ORDER BY min(b.rank)`,
        [order, ...where.params],
      );
      return rows.map((row) => ({ section: String(row.section), label: String(row.label), count: Number(row.n), firstRank: Number(row.first) }));
    },

    /** An entry's rank in one order, or null when it is not in it. */
    async rankOf(order: string, itemId: string): Promise<number | null> {
      const [row] = await sql.query('SELECT rank FROM dictionary_browse WHERE order_name = $1 AND item_id = $2', [order, itemId]);
      return row ? Number(row.rank) : null;
    },
  };
}

export type DictionaryRepository = ReturnType<typeof createDictionaryRepository>;
