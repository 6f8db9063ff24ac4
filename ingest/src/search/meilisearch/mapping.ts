import { FACETS, KNOWN_LANGUAGES, type SearchDocument, type SearchFilters, type Sort } from '@disan/schemas';
import { documentText } from '../document-text.ts';
import type { SearchScope } from '../engine.ts';
import { activeFilters } from '../filters.ts';
import type { PreparedQuery, QueryWord } from '../query.ts';
import { sortLanguageKey, titleSortKeys } from '../sort.ts';
import { MIN_WORD_SIZE_FOR_TYPOS } from '../typo.ts';

/**
 * How Disan documents and queries look to Meilisearch. The searchable attributes hold
 * the shared analyzer's output (keys joined by spaces) and the query is sent analyzed
 * the same way, so both engines see identical words; the raw document rides along in
 * `doc` for display and snippets. Pure functions, no SDK: meilisearch.ts sends them.
 */
export interface MeiliDocument {
  id: string;
  names: string;
  body: string;
  full: string;
  /** Words written with tones, encoded as ASCII so no facet normalization can fold them. */
  exactWords: string[];
  ethnicGroups: string[];
  kind: string;
  collections: string[];
  province: string[];
  period: string[];
  languages: string[];
  mediaKinds: string[];
  status: string;
  access: string;
  communities: string[];
  documentType: string[];
  issuer: string[];
  legalStatus: string[];
  publisher: string[];
  subjectHeadings: string[];
  /** Document numbers and identifiers as identifier keys, matched by filter (see rankTiers). */
  identifierKeys: string[];
  /** A dictionary entry's whole headword keys, encoded as ASCII like exactWords (Khmer, Han and Cham must not be folded by facet normalization). */
  headwordKeys: string[];
  /** Left out when unknown: Meilisearch sorts documents missing the field last. */
  year?: number;
  updatedAt: string;
  titleSort: Record<string, string>;
  _geo?: { lat: number; lng: number };
  doc: SearchDocument;
}

const TEXT_ATTRIBUTES = ['names', 'body', 'full'];

export const MEILI_SETTINGS = {
  // Order is the attribute ranking: names above descriptions above full text.
  searchableAttributes: TEXT_ATTRIBUTES,
  filterableAttributes: [...FACETS, 'exactWords', 'identifierKeys', 'headwordKeys', '_geo'],
  sortableAttributes: ['year', 'updatedAt', ...[...KNOWN_LANGUAGES, undefined].map((lang) => `titleSort.${sortLanguageKey(lang)}`)],
  // Sort first so an explicit sort orders all results, as in the embedded engine.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { ...MIN_WORD_SIZE_FOR_TYPOS } },
  localizedAttributes: [{ attributePatterns: TEXT_ATTRIBUTES, locales: ['vie', 'khm', 'cmn', 'eng', 'fra'] }],
  displayedAttributes: ['id', 'doc'],
  pagination: { maxTotalHits: 1_000_000 },
  faceting: { maxValuesPerFacet: 1_000 },
};

export function toMeiliDocument(document: SearchDocument): MeiliDocument {
  const text = documentText(document);
  return {
    id: document.id,
    names: text.names,
    body: text.body,
    full: text.full,
    exactWords: text.toned.map(encodeExact),
    ethnicGroups: document.ethnicGroups,
    kind: document.kind,
    collections: document.collections,
    province: document.province,
    period: document.period,
    languages: document.languages,
    mediaKinds: document.mediaKinds,
    status: document.status,
    access: document.access,
    communities: document.communities,
    documentType: document.documentType ?? [],
    issuer: document.issuer ?? [],
    legalStatus: document.legalStatus ?? [],
    publisher: document.publisher ?? [],
    subjectHeadings: document.subjectHeadings ?? [],
    identifierKeys: document.identifierKeys ?? [],
    headwordKeys: (document.headwordKeys ?? []).map(encodeExact),
    ...(document.year === null ? {} : { year: document.year }),
    updatedAt: document.updatedAt,
    titleSort: titleSortKeys(document.title),
    ...(document.geo === null ? {} : { _geo: { lat: document.geo.lat, lng: document.geo.lon } }),
    doc: document,
  };
}

/** @example encodeExact('lễ') === 'c.1ec5' */
export function encodeExact(word: string): string {
  return Array.from(word, (char) => char.codePointAt(0)!.toString(36)).join('.');
}

/** The analyzed query; a trailing space keeps Meilisearch from treating a finished last word as a prefix. */
export function meiliQueryText(words: readonly QueryWord[]): string {
  const text = words.map((word) => word.key).join(' ');
  return words.at(-1)?.prefix === false ? `${text} ` : text;
}

/** Filter expression for a query's filters, scope and geo circle; null when nothing narrows. */
export function meiliFilter(query: PreparedQuery): string | null {
  const parts = [filtersExpression(query.filters), scopeExpression(query.scope)];
  if (query.geo) parts.push(`_geoRadius(${query.geo.lat}, ${query.geo.lon}, ${query.geo.radiusMeters})`);
  return joinAnd(parts);
}

/** Documents having every toned query word with those tones (the exact tier), or null. */
export function tonedFilter(words: readonly QueryWord[]): string | null {
  return joinAnd(words.filter((word) => word.toned).map((word) => `exactWords = ${quoteValue(encodeExact(word.exact))}`));
}

/** Documents holding one of the query's identifier keys, or null when the query has none. */
export function identifierFilter(keys: readonly string[]): string | null {
  return keys.length === 0 ? null : `identifierKeys IN [${keys.map(quoteValue).join(', ')}]`;
}

/** Dictionary entries whose headword or romanisation is the whole query, or null when the query has no words. */
export function headwordFilter(keys: readonly string[]): string | null {
  return keys.length === 0 ? null : `headwordKeys IN [${keys.map((key) => quoteValue(encodeExact(key))).join(', ')}]`;
}

export function meiliSort(sort: Sort, lang: string | undefined): string[] {
  switch (sort) {
    case 'relevance':
      return [];
    case 'title':
      return [`titleSort.${sortLanguageKey(lang)}:asc`];
    case 'date:asc':
      return ['year:asc'];
    case 'date:desc':
      return ['year:desc'];
    case 'updated:desc':
      return ['updatedAt:desc'];
  }
}

export function joinAnd(parts: readonly (string | null)[]): string | null {
  const present = parts.filter((part): part is string => part !== null);
  return present.length === 0 ? null : present.map((part) => `(${part})`).join(' AND ');
}

export function joinOr(parts: readonly (string | null)[]): string | null {
  const present = parts.filter((part): part is string => part !== null);
  return present.length === 0 ? null : present.map((part) => `(${part})`).join(' OR ');
}

function filtersExpression(filters: SearchFilters): string | null {
  return joinAnd(activeFilters(filters).map(([facet, values]) => `${facet} IN [${values.map(quoteValue).join(', ')}]`));
}

/** An OR of filter sets; a set without conditions lets everything through. */
function scopeExpression(scope: SearchScope): string | null {
  if (scope === undefined) return null;
  const sets = scope.map(filtersExpression);
  if (sets.some((set) => set === null)) return null;
  return sets.map((set) => `(${set!})`).join(' OR ');
}

/** @example quoteValue('a"b') === '"a\\"b"' */
export function quoteValue(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
