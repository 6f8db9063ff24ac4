import type { SearchDocument, SearchQuery, SearchResult } from '@disan/schemas';
import type { SearchScope } from '../access/index.ts';

/**
 * Who may see what reaches the engines as a scope decided by access (readFilter): a
 * document matches when it matches at least one of the filter sets (each set an AND of its
 * fields, each field an OR of its values); `undefined` means no restriction, `[]` nothing.
 */
export type { SearchScope };

/**
 * One search interface, two engines: embedded (node:sqlite FTS5, the default) and
 * Meilisearch (production). Both run every text through the shared analyzer, match
 * the same way (all words, prefix on the last, typo budget 0/1/2) and build the same
 * result shape, so callers never know which one answered.
 */
/**
 * What an engine answers: the result callers get, plus the hits whose indexed media text
 * may hold a query word. The search service locates passages (page, time code) from the
 * catalog for those hits only, and leaves this out of what it returns.
 */
export type EngineResult = SearchResult & { mediaTextHits: string[] };

export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch';
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /** Drops every document (reindex starts here). */
  clear(): Promise<void>;
  search(query: SearchQuery, scope?: SearchScope): Promise<EngineResult>;
  count(): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
