import { FACETS, type Facet, type SearchDocument, type SearchFilters } from '@disan/schemas';
import type { SearchScope } from './engine.ts';

export type FacetValues = Record<Facet, readonly string[]>;

/** The values a document is filtered and counted by, each facet as a list. */
export function facetValues(document: SearchDocument): FacetValues {
  return {
    ethnicGroups: document.ethnicGroups,
    kind: [document.kind],
    collections: document.collections,
    province: document.province,
    period: document.period,
    languages: document.languages,
    mediaKinds: document.mediaKinds,
    status: [document.status],
    access: [document.access],
    communities: document.communities,
    documentType: document.documentType ?? [],
    issuer: document.issuer ?? [],
    legalStatus: document.legalStatus ?? [],
    publisher: document.publisher ?? [],
    subjectHeadings: document.subjectHeadings ?? [],
  };
}

/** Filter fields that actually narrow (an empty list of values is no condition). */
export function activeFilters(filters: SearchFilters): [Facet, readonly string[]][] {
  return FACETS.flatMap((facet) => {
    const values = filters[facet];
    return values && values.length > 0 ? [[facet, values] as [Facet, readonly string[]]] : [];
  });
}

/** AND across fields, OR within a field's values. */
export function matchesFilters(values: FacetValues, filters: SearchFilters): boolean {
  return activeFilters(filters).every(([facet, wanted]) => values[facet].some((value) => wanted.includes(value)));
}

/** A scope is an OR of filter sets; undefined means no restriction. */
export function matchesScope(values: FacetValues, scope: SearchScope): boolean {
  return scope === undefined || scope.some((filters) => matchesFilters(values, filters));
}

/** Filters and scope compiled once per query into one test, for engines that scan many documents. */
export function facetPredicate(filters: SearchFilters, scope: SearchScope): (values: FacetValues) => boolean {
  const compile = (set: SearchFilters): ((values: FacetValues) => boolean) => {
    const conditions = activeFilters(set).map(([facet, wanted]) => [facet, new Set(wanted)] as const);
    return (values) => conditions.every(([facet, wanted]) => values[facet].some((value) => wanted.has(value)));
  };
  const own = compile(filters);
  const scopes = scope?.map(compile);
  return (values) => own(values) && (scopes === undefined || scopes.some((test) => test(values)));
}
