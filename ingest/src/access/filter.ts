import type { AccessLevel, ItemStatus, SearchFilters } from '@disan/schemas';
import { communitiesOf, isStaff, isSystemOr, type Viewer } from './viewer.ts';

/**
 * Records in one of `status` whose level today is one of `access` (an ended embargo is
 * `public`), and, when `communities` is given, that name one of those communities.
 */
export interface ReadClause {
  status: ItemStatus[];
  access: AccessLevel[];
  communities?: string[];
}

/**
 * What a viewer may read, as data rather than a function, so that search engines and SQL
 * can apply it to millions of records: `true` everything, `false` nothing, or an OR of
 * clauses. Kept equal to canReadRecord by tests/integration/access-filter.test.ts.
 */
export type ReadFilter = boolean | ReadClause[];

export function readFilter(viewer: Viewer): ReadFilter {
  if (isStaff(viewer)) return true;
  const clauses: ReadClause[] = [{ status: ['published'], access: ['public', 'metadata-only'] }];
  if (isSystemOr(viewer, 'researcher')) clauses.push({ status: ['published'], access: ['researchers'] });
  const communities = communitiesOf(viewer);
  if (communities.length > 0) clauses.push({ status: ['published'], access: ['community'], communities: [...communities] });
  return clauses;
}

/**
 * The read filter as search engines take it: a document matches when it matches one of
 * the filter sets; `undefined` means no restriction and `[]` nothing. Search documents
 * carry the level that applied when they were indexed (see indexing/search-document.ts).
 */
export type SearchScope = SearchFilters[] | undefined;

export function toSearchScope(filter: ReadFilter): SearchScope {
  if (filter === true) return undefined;
  if (filter === false) return [];
  // An empty list is no condition to a search engine, but here it means no community at all.
  return filter.filter((clause) => clause.communities?.length !== 0).map((clause) => ({ ...clause }));
}

/** @example searchScopeFor(PUBLIC) // [{ status: ['published'], access: ['public', 'metadata-only'] }] */
export const searchScopeFor = (viewer: Viewer): SearchScope => toSearchScope(readFilter(viewer));
