import { ACCESS_LEVELS, ITEM_STATUSES, type AccessLevel, type ItemStatus, type Facet, type SearchDocument, type SearchHit, type SearchResult } from '@disan/schemas';
import { accessView } from '../access/index.ts';
import type { EngineResult } from './engine.ts';
import { probesFor, snippet } from './highlight.ts';
import type { PreparedQuery } from './query.ts';

export type FacetCounts = Record<string, Record<string, number>>;

/** One hit, built the same way whichever engine found the document. */
export function toHit(document: SearchDocument, query: PreparedQuery): SearchHit {
  return {
    id: document.id,
    kind: document.kind,
    ethnicGroups: document.ethnicGroups,
    title: document.title,
    thumbnail: document.thumbnail,
    geo: document.geo,
    // As indexed: the API says it again from the catalog (an embargo may have ended since).
    status: indexedStatus(document.status),
    access: accessView({ level: indexedLevel(document.access), communities: document.communities }),
    snippet: snippet(document, query.words, query.lang),
    // Filled by the search service from the catalog (see service.ts), for either engine.
    passages: [],
  };
}

/** A document's state and level, which indexing took from the catalog; anything else reads as the strictest. */
function indexedStatus(status: string): ItemStatus {
  return (ITEM_STATUSES as readonly string[]).includes(status) ? (status as ItemStatus) : 'draft';
}

function indexedLevel(level: string): AccessLevel {
  return (ACCESS_LEVELS as readonly string[]).includes(level) ? (level as AccessLevel) : 'embargo';
}

/** Every requested facet appears, even with no values, so callers need no guards. */
export function requestedFacets(facets: readonly Facet[], counts: FacetCounts): FacetCounts {
  return Object.fromEntries(facets.map((facet) => [facet, counts[facet] ?? {}]));
}

export interface ResultParts {
  query: PreparedQuery;
  total: number;
  documents: readonly SearchDocument[];
  facets: FacetCounts;
  engine: SearchResult['engine'];
  startedAt: number;
}

export function buildResult(parts: ResultParts): EngineResult {
  const probes = probesFor(parts.query.words);
  return {
    query: parts.query.q,
    total: parts.total,
    page: parts.query.page,
    pageSize: parts.query.pageSize,
    hits: parts.documents.map((document) => toHit(document, parts.query)),
    facets: requestedFacets(parts.query.facets, parts.facets),
    engine: parts.engine,
    tookMs: Math.round((performance.now() - parts.startedAt) * 100) / 100,
    // A regex test per media text (a capped book is a few hundred KB: ~1 ms) spares the
    // service loading the passages of items found by their title alone.
    mediaTextHits: parts.documents.filter((document) => probes.length > 0 && document.fullText.some((text) => probes.some((probe) => probe.test(text)))).map((document) => document.id),
  };
}

/** Index of the first hit of the requested page. */
export function pageOffset(query: PreparedQuery): number {
  return (query.page - 1) * query.pageSize;
}
