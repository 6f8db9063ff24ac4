import { SearchDocument, SearchFilters, SearchQuery, type Facet, type Sort } from '@disan/schemas';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { analyze, queryIdentifierKeys, type Script } from '../analyzer/index.ts';
import { ValidationError } from '../errors.ts';
import type { SearchScope } from './engine.ts';
import { typoBudget, type TypoCount } from './typo.ts';

/** Words after the tenth are ignored, as Meilisearch does (docs: known limitations). */
export const MAX_QUERY_WORDS = 10;
export const DEFAULT_PAGE_SIZE = 20;
/** SearchQuery's own limit on `q`. */
const MAX_QUERY_LENGTH = 500;

/** One analyzed query word and how it may match. */
export interface QueryWord {
  key: string;
  exact: string;
  /** Typed with tones: documents with this exact spelling rank first. */
  toned: boolean;
  /** The last word while typing: also matches longer words it begins. */
  prefix: boolean;
  budget: TypoCount;
  script: Script;
}

/** A validated query with defaults applied, the same for both engines. */
export interface PreparedQuery {
  q: string;
  words: QueryWord[];
  /**
   * Identifier keys the query may mean (see the analyzer's queryIdentifierKeys): a record
   * holding one of them matches even when the words do not, and ranks first.
   */
  identifierKeys: string[];
  /**
   * The whole query as one key (the analyzer's wholeKey): a dictionary entry with a headword
   * or romanisation of that key is the word asked for, and ranks first. Empty without words.
   */
  headwordKeys: string[];
  filters: SearchFilters;
  scope: SearchScope;
  geo: SearchQuery['geo'];
  sort: Sort;
  facets: Facet[];
  lang: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Validates a query (ValidationError on anything malformed, such as an unknown facet) and
 * analyzes its words. An over-long `q` is cut rather than refused: hostile text must
 * search, not fail.
 */
export function prepareQuery(query: SearchQuery, scope?: SearchScope): PreparedQuery {
  const input: SearchQuery = { ...query, q: typeof query.q === 'string' ? query.q.slice(0, MAX_QUERY_LENGTH) : query.q };
  assertValid(SearchQuery, input, 'query');
  for (const [index, filters] of (scope ?? []).entries()) assertValid(SearchFilters, filters, `scope[${index}]`);
  return {
    q: input.q,
    words: queryWords(input.q),
    identifierKeys: queryIdentifierKeys(input.q),
    headwordKeys: mayNameWords(input.filters) ? queryHeadwordKeys(input.q) : [],
    filters: input.filters ?? {},
    scope,
    geo: input.geo,
    sort: input.sort ?? 'relevance',
    facets: [...new Set(input.facets ?? [])],
    lang: input.lang,
    page: input.page ?? 1,
    pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

/**
 * @example queryWords('Lễ hội ngo').map((w) => [w.key, w.prefix]) // [['le', false], ['hoi', false], ['ngo', true]]
 */
export function queryWords(q: string): QueryWord[] {
  const tokens = analyze(q).slice(0, MAX_QUERY_WORDS);
  const last = tokens.at(-1);
  // Meilisearch treats the last word as a prefix unless the user typed a separator after it.
  const typingLastWord = last !== undefined && last.end === q.length;
  return tokens.map((token) => ({
    key: token.key,
    exact: token.exact,
    toned: token.exact !== token.key && token.script !== 'han',
    prefix: typingLastWord && token === last,
    // Typos are counted in letters; Khmer and Han words are not spelled letter by letter.
    budget: token.script === 'khmer' || token.script === 'han' ? 0 : typoBudget(token.key),
    script: token.script,
  }));
}

/** Headwords are short: a longer query names no word exactly (and Meilisearch is spared a request). */
const MAX_HEADWORD_WORDS = 6;

/** @example queryHeadwordKeys('Tuk ngô') // ['tukngo'] */
export function queryHeadwordKeys(q: string): string[] {
  const words = analyze(q);
  if (words.length === 0 || words.length > MAX_HEADWORD_WORDS) return [];
  return [words.map((word) => word.key).join('')];
}

/** A filter on kinds that leaves words out makes the exact-headword tier pointless. */
function mayNameWords(filters: SearchFilters | undefined): boolean {
  return filters?.kind === undefined || filters.kind.includes('word');
}

// Compiled once: checking 100k documents with the interpreter costs seconds.
const documentValidator = Compile(SearchDocument);

/** Validates search documents before they reach an index. */
export function assertDocuments(documents: readonly SearchDocument[]): void {
  for (const [index, document] of documents.entries()) {
    if (!documentValidator.Check(document)) assertValid(SearchDocument, document, `documents[${index}]`);
  }
}

function assertValid(schema: TSchema, value: unknown, what: string): void {
  if (Value.Check(schema, value)) return;
  const problems = Value.Errors(schema, value)
    .slice(0, 5)
    .map((error) => `${what}${error.instancePath} ${error.message}`);
  throw new ValidationError(`Invalid search ${what}: ${problems.join('; ')}`);
}
