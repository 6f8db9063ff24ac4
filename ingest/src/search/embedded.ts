import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SearchDocument, SearchQuery, SearchResult } from '@disan/schemas';
import { DisanError, UpstreamError } from '../errors.ts';
import { countFacets, docMeta, keep, sortRows, type DocMeta, type Ranked } from './doc-table.ts';
import { documentText } from './document-text.ts';
import { createSchema } from './embedded-schema.ts';
import type { SearchEngine, SearchScope } from './engine.ts';
import { rankMatches } from './embedded-ranking.ts';
import { assertDocuments, prepareQuery, type PreparedQuery } from './query.ts';
import { buildResult, pageOffset } from './result.ts';
import { Vocabulary } from './vocabulary.ts';

/**
 * The default engine: SQLite FTS5 through node:sqlite, in one file (or ':memory:').
 * FTS5 finds the candidates; filters, facets and sorting run over a small in-memory
 * table of document metadata, reloaded when another connection writes the file.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded';
  readonly #db: DatabaseSync;
  #metas = new Map<number, DocMeta>();
  #vocabulary: Vocabulary | null = null;
  #dataVersion = -1;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file);
    createSchema(this.#db);
  }

  upsert(documents: readonly SearchDocument[]): Promise<void> {
    return this.#run(() => {
      assertDocuments(documents);
      this.#refresh();
      const saveDoc = this.#db.prepare(
        'INSERT INTO docs (id, doc, meta) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, meta = excluded.meta RETURNING rowid',
      );
      const saveText = this.#db.prepare('INSERT OR REPLACE INTO fts (rowid, names, body, full, exact) VALUES (?, ?, ?, ?, ?)');
      this.#transaction(() => {
        for (const document of documents) {
          const meta = docMeta(document);
          const { rowid } = saveDoc.get(document.id, JSON.stringify(document), JSON.stringify(meta)) as { rowid: number };
          saveText.run(rowid, ...indexedColumns(document));
          this.#metas.set(rowid, meta);
        }
      });
      this.#vocabulary = null;
    });
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.#run(() => {
      this.#refresh();
      const removeDoc = this.#db.prepare('DELETE FROM docs WHERE id = ? RETURNING rowid');
      const removeText = this.#db.prepare('DELETE FROM fts WHERE rowid = ?');
      this.#transaction(() => {
        for (const id of ids) {
          const row = removeDoc.get(id) as { rowid: number } | undefined;
          if (!row) continue;
          removeText.run(row.rowid);
          this.#metas.delete(row.rowid);
        }
      });
      this.#vocabulary = null;
    });
  }

  clear(): Promise<void> {
    return this.#run(() => {
      this.#transaction(() => {
        this.#db.exec("DELETE FROM docs; INSERT INTO fts (fts) VALUES ('delete-all');");
      });
      this.#metas.clear();
      this.#vocabulary = null;
    });
  }

  search(query: SearchQuery, scope?: SearchScope): Promise<SearchResult> {
    const startedAt = performance.now();
    return this.#run(() => {
      const prepared = prepareQuery(query, scope);
      this.#refresh();
      const rows = keep(this.#candidates(prepared), this.#metas, prepared);
      const facets = countFacets(rows, this.#metas, prepared.facets);
      const page = sortRows(rows, this.#metas, prepared.sort, prepared.lang).slice(pageOffset(prepared), pageOffset(prepared) + prepared.pageSize);
      return buildResult({ query: prepared, total: rows.length, documents: this.#load(page), facets, engine: this.name, startedAt });
    });
  }

  count(): Promise<number> {
    return this.#run(() => (this.#db.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n);
  }

  ping(): Promise<void> {
    return this.#run(() => {
      this.#db.prepare('SELECT 1').get();
    });
  }

  close(): Promise<void> {
    return this.#run(() => {
      if (this.#db.isOpen) this.#db.close();
    });
  }

  #candidates(query: PreparedQuery): Ranked[] {
    if (query.words.length === 0) {
      return Array.from(this.#metas.keys(), (rowid) => ({ rowid, exact: 0, typos: 0, attribute: 0 }));
    }
    this.#vocabulary ??= this.#loadVocabulary();
    const vocabulary = this.#vocabulary;
    // One JSON array per query: node:sqlite builds an object per row, which costs more than the search.
    const statement = this.#db.prepare('SELECT json_group_array(rowid) AS ids FROM fts WHERE fts MATCH ?');
    const match = (expression: string): Set<number> => new Set(JSON.parse((statement.get(expression) as { ids: string }).ids) as number[]);
    return rankMatches(query.words.map((word) => vocabulary.alternatives(word)), match);
  }

  #load(rows: readonly Ranked[]): SearchDocument[] {
    if (rows.length === 0) return [];
    const found = this.#db
      .prepare('SELECT rowid, doc FROM docs WHERE rowid IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(rows.map((row) => row.rowid))) as { rowid: number; doc: string }[];
    const byRowid = new Map(found.map((row) => [row.rowid, JSON.parse(row.doc) as SearchDocument]));
    return rows.flatMap((row) => byRowid.get(row.rowid) ?? []);
  }

  #loadVocabulary(): Vocabulary {
    const rows = this.#db.prepare("SELECT DISTINCT term FROM fts_vocab WHERE col <> 'exact'").all() as { term: string }[];
    return new Vocabulary(rows.map((row) => row.term));
  }

  /** Reloads the metadata when another connection committed to the file since last time. */
  #refresh(): void {
    const { data_version: version } = this.#db.prepare('PRAGMA data_version').get() as { data_version: number };
    if (version === this.#dataVersion) return;
    this.#dataVersion = version;
    const rows = this.#db.prepare('SELECT rowid, meta FROM docs').all() as { rowid: number; meta: string }[];
    this.#metas = new Map(rows.map((row) => [row.rowid, JSON.parse(row.meta) as DocMeta]));
    this.#vocabulary = null;
  }

  #transaction(work: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Runs synchronous SQLite work as the interface's promise; backend failures become UpstreamError. */
  #run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      if (error instanceof DisanError) return Promise.reject(error);
      return Promise.reject(new UpstreamError('The embedded search index failed', { cause: error }));
    }
  }
}

function indexedColumns(document: SearchDocument): [string, string, string, string] {
  const text = documentText(document);
  return [text.names, text.body, text.full, text.toned.join(' ')];
}
