import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SearchDocument, SearchQuery } from '@disan/schemas';
import { DisanError, UpstreamError } from '../../errors.ts';
import { Bitset } from './bitset.ts';
import { DocColumns, docMeta, type DocMeta } from './doc-columns.ts';
import { pageRowids, type Candidates } from './doc-order.ts';
import { documentText } from '../document-text.ts';
import { firstInBestBucket, relevanceBuckets, type MatchPrefix } from './ranking.ts';
import { createSchema } from './schema.ts';
import type { EngineResult, SearchEngine, SearchScope } from '../engine.ts';
import { allWords, type FtsTable } from './fts-query.ts';
import { Lru } from './lru.ts';
import { assertDocuments, prepareQuery, type PreparedQuery } from '../query.ts';
import { buildResult, pageOffset } from '../result.ts';
import { Vocabulary } from './vocabulary.ts';

export interface EmbeddedOptions {
  /** Match sets of recent FTS5 expressions kept in memory (0 turns the cache off). */
  matchCacheSize?: number;
}

const DEFAULT_MATCH_CACHE_SIZE = 64;
/** How long a statement waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 30_000;

/**
 * The default engine: SQLite FTS5 through node:sqlite, in one file (or ':memory:').
 * FTS5 finds the candidates as rowid bitsets; filters, facets and sorting run over
 * in-memory columns of document metadata (see DocColumns), reloaded when another
 * connection writes the file.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded';
  readonly #db: DatabaseSync;
  readonly #columns = new DocColumns();
  readonly #matches: Lru<Bitset>;
  readonly #prefixes: Lru<MatchPrefix>;
  readonly #statements = new Map<string, StatementSync>();
  #vocabulary: Vocabulary | null = null;
  #dataVersion = -1;

  constructor(file: string, options: EmbeddedOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file);
    // Several processes share the file (an ingest beside `disan worker`s without
    // Meilisearch): a writer's lock is waited for, not answered with "database is locked".
    this.#db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.#matches = new Lru(options.matchCacheSize ?? DEFAULT_MATCH_CACHE_SIZE);
    this.#prefixes = new Lru(options.matchCacheSize ?? DEFAULT_MATCH_CACHE_SIZE);
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
      const saveNames = this.#db.prepare('INSERT OR REPLACE INTO fts_names (rowid, names) VALUES (?, ?)');
      this.#transaction(() => {
        // All documents first, then all texts: interleaving statements on docs and fts
        // makes FTS5 write out its pending terms far more often (measured: document
        // writes 15 times slower), while one run of FTS5 inserts stays in its buffer.
        const rowids = documents.map((document) => {
          const meta = docMeta(document);
          const { rowid } = saveDoc.get(document.id, JSON.stringify(document), JSON.stringify(meta)) as { rowid: number };
          this.#columns.set(rowid, meta);
          return rowid;
        });
        const texts = documents.map(indexedColumns);
        texts.forEach((text, index) => saveText.run(rowids[index]!, ...text));
        texts.forEach((text, index) => saveNames.run(rowids[index]!, text[0]));
      });
      this.#forgetMatches();
    });
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.#run(() => {
      this.#refresh();
      const removeDoc = this.#db.prepare('DELETE FROM docs WHERE id = ? RETURNING rowid');
      const removeText = this.#db.prepare('DELETE FROM fts WHERE rowid = ?');
      const removeNames = this.#db.prepare('DELETE FROM fts_names WHERE rowid = ?');
      this.#transaction(() => {
        for (const id of ids) {
          const row = removeDoc.get(id) as { rowid: number } | undefined;
          if (!row) continue;
          removeText.run(row.rowid);
          removeNames.run(row.rowid);
          this.#columns.delete(row.rowid);
        }
      });
      this.#forgetMatches();
    });
  }

  clear(): Promise<void> {
    return this.#run(() => {
      this.#transaction(() => {
        this.#db.exec("DELETE FROM docs; INSERT INTO fts (fts) VALUES ('delete-all'); INSERT INTO fts_names (fts_names) VALUES ('delete-all');");
      });
      this.#columns.clear();
      this.#forgetMatches();
    });
  }

  search(query: SearchQuery, scope?: SearchScope): Promise<EngineResult> {
    const startedAt = performance.now();
    return this.#run(() => {
      const prepared = prepareQuery(query, scope);
      this.#refresh();
      const { set, candidates } = this.#candidates(prepared);
      const facets = this.#columns.countFacets(set, candidates, prepared.facets);
      const page = pageRowids(candidates, this.#columns, prepared.sort, prepared.lang, pageOffset(prepared), prepared.pageSize);
      return buildResult({ query: prepared, total: candidates.total, documents: this.#load(page), facets, engine: this.name, startedAt });
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

  /** Documents passing filters, scope, geo circle and (with words) the FTS5 match, ranked. */
  #candidates(query: PreparedQuery): { set: Bitset; candidates: Candidates } {
    const set = this.#columns.matching(query.filters, query.scope);
    if (query.words.length === 0) {
      if (query.geo) this.#columns.keepWithin(set, query.geo);
      // Built only if a sort or a facet scan needs them: a browse page reads its rowids straight from the set.
      let rowids: Uint32Array | undefined;
      const all = () => (rowids ??= set.toArray());
      const total = set.count();
      return { set, candidates: { total, get rowids() { return all(); }, relevance: () => new Uint8Array(total), firstRowids: (count) => set.first(count) } };
    }
    if (set.firstAnd(set) < 0) return { set, candidates: { total: 0, rowids: new Uint32Array(0), relevance: () => new Uint8Array(0) } };
    const identified = this.#identified(set, query);
    this.#vocabulary ??= this.#loadVocabulary();
    const words = query.words.map((word) => this.#vocabulary!.alternatives(word));
    set.and(this.#match(allWords(words)));
    if (identified) set.or(identified);
    if (query.geo) this.#columns.keepWithin(set, query.geo);
    const rowids = set.toArray();
    // Complete match sets read while looking for the first page serve the full ranking too.
    const complete = new Map<string, Bitset>();
    const match = (expression: string, table: FtsTable = 'fts'): Bitset => complete.get(`${table} ${expression}`) ?? this.#match(expression, table);
    const matchFirst = (expression: string, limit: number, table: FtsTable = 'fts'): MatchPrefix => {
      const prefix = this.#matchFirst(expression, limit, table);
      if (prefix.through === Infinity) complete.set(`${table} ${expression}`, prefix.set);
      return prefix;
    };
    return {
      set,
      candidates: {
        total: rowids.length,
        rowids,
        relevance: () => (identified ? identifiedFirst(relevanceBuckets(words, rowids, match), rowids, identified) : relevanceBuckets(words, rowids, match)),
        // The shortcut ranks by the words alone; records found by their number need the full ranking.
        ...(identified ? {} : { firstByRelevance: (count: number) => firstInBestBucket(words, rowids, count, matchFirst) }),
      },
    };
  }

  /**
   * The allowed documents the query names exactly, or null when none: records holding one of
   * its identifier keys, and dictionary entries with a headword or romanisation equal to it.
   */
  #identified(allowed: Bitset, query: PreparedQuery): Bitset | null {
    if (query.identifierKeys.length === 0 && query.headwordKeys.length === 0) return null;
    const found = this.#columns.withIdentifier(query.identifierKeys).or(this.#columns.withHeadword(query.headwordKeys)).and(allowed);
    return found.firstAnd(found) < 0 ? null : found;
  }

  /** Rowids matching an FTS5 expression; shared with the cache, so never modified. */
  #match(expression: string, table: FtsTable = 'fts'): Bitset {
    const key = `${table} ${expression}`;
    const cached = this.#matches.get(key);
    if (cached) return cached;
    // One string per query: node:sqlite builds an object per row, which costs more than the search.
    const statement = this.#statement(`SELECT group_concat(rowid) AS ids FROM ${table} WHERE ${table} MATCH ?`);
    const { ids } = statement.get(expression) as { ids: string | null };
    const found = Bitset.fromList(this.#columns.capacity, ids);
    this.#matches.set(key, found);
    return found;
  }

  /** The first `limit` rowids matching an expression: FTS5 stops reading its doclists there. */
  #matchFirst(expression: string, limit: number, table: FtsTable): MatchPrefix {
    const key = `${table} ${limit} ${expression}`;
    const cached = this.#prefixes.get(key);
    if (cached) return cached;
    const statement = this.#statement(
      `SELECT group_concat(rowid) AS ids, count(*) AS n, max(rowid) AS last FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid LIMIT ?)`,
    );
    const { ids, n, last } = statement.get(expression, limit) as { ids: string | null; n: number; last: number | null };
    const found = { set: Bitset.fromList(this.#columns.capacity, ids), through: n < limit || last === null ? Infinity : last };
    this.#prefixes.set(key, found);
    return found;
  }

  /** Prepared once per connection: the match statements run several times per search. */
  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #load(rowids: Uint32Array): SearchDocument[] {
    if (rowids.length === 0) return [];
    const found = this.#db
      .prepare('SELECT rowid, doc FROM docs WHERE rowid IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(Array.from(rowids))) as { rowid: number; doc: string }[];
    const byRowid = new Map(found.map((row) => [row.rowid, JSON.parse(row.doc) as SearchDocument]));
    return Array.from(rowids).flatMap((rowid) => byRowid.get(rowid) ?? []);
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
    this.#columns.clear();
    this.#columns.reserve(rows.reduce((max, row) => Math.max(max, row.rowid + 1), 0));
    for (const row of rows) this.#columns.set(row.rowid, JSON.parse(row.meta) as DocMeta);
    this.#forgetMatches();
  }

  /** After a write: cached match sets and the vocabulary are stale. */
  #forgetMatches(): void {
    this.#matches.clear();
    this.#prefixes.clear();
    this.#vocabulary = null;
  }

  #transaction(work: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      this.#dataVersion = -1; // the columns may hold rolled-back rows: reload them next time
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

/** Records found by their number and words by their headword rank above every record found by words (bucket 0; the rest move down one). */
function identifiedFirst(buckets: Uint8Array, rowids: Uint32Array, identified: Bitset): Uint8Array {
  rowids.forEach((rowid, index) => {
    buckets[index] = identified.has(rowid) ? 0 : Math.min(buckets[index]! + 1, 255);
  });
  return buckets;
}

function indexedColumns(document: SearchDocument): [string, string, string, string] {
  const text = documentText(document);
  return [text.names, text.body, text.full, text.toned.join(' ')];
}
