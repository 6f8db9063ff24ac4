import type { DatabaseSync } from 'node:sqlite';

/**
 * The embedded index: one row per document (raw JSON for display, meta for filters and
 * sorting) and a contentless FTS5 table over analyzer output. The tokenizer only splits
 * on the spaces the analyzer put there; it keeps tones and Khmer marks (M*) and
 * `remove_diacritics 0`, since folding already happened in the one shared analyzer.
 * `exact` holds the words written with tones, for tone-exact ranking. `fts_names` holds
 * the names column again on its own: titles are short, so the "every word in the names"
 * ranking searches a small index instead of filtering the big one by column.
 *
 * The index is derived data: when its format changes (columns, tokenizer, facets),
 * FORMAT goes up and an index file of another format is emptied here; the archive
 * then rebuilds it from the catalog (see openArchive). Returns true when it was emptied.
 */
// 4: documents carry library text, library facets and identifier keys (issue 13).
// 5: Khmer compounds are followed by the words inside them, and Cham vowel signs and
//    finals are kept (the analyzer's analyzeForIndex), so older indexes miss those keys.
// 6: dictionary words carry their entry keys among the names and headword keys (issue 14).
export const FORMAT = 6;

export function createSchema(db: DatabaseSync): boolean {
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  const hasTables = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'docs'").get() !== undefined;
  const outdated = hasTables && version !== FORMAT;
  if (outdated) db.exec('DROP TABLE IF EXISTS fts_vocab; DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS fts_names; DROP TABLE IF EXISTS docs;');
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    CREATE TABLE IF NOT EXISTS docs (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      doc TEXT NOT NULL,
      meta TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
      names, body, full, exact,
      tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M* Co'",
      prefix = '1 2 3',
      content = '',
      contentless_delete = 1,
      detail = column
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS fts_names USING fts5(
      names,
      tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M* Co'",
      prefix = '1 2 3',
      content = '',
      contentless_delete = 1,
      detail = column
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts, 'col');
    PRAGMA user_version = ${FORMAT};
  `);
  return outdated;
}
