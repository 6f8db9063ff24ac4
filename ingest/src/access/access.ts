import type { AccessLevel, Item } from '@disan/schemas';
import type { SearchScope } from '../search/engine.ts';

/**
 * Who is asking. Accounts and roles arrive in a later issue; every door (API,
 * search, media, IIIF, OAI-PMH, sitemaps, exports) already asks these functions,
 * so adding roles changes this file and nothing else.
 */
export type Viewer =
  | { kind: 'public' }
  | { kind: 'user'; roles: readonly Role[]; communities: readonly string[] }
  /** Operators at the command line and the pipeline itself. */
  | { kind: 'system' };

export type Role = 'admin' | 'archivist' | 'researcher' | 'member';

export const PUBLIC: Viewer = { kind: 'public' };
export const SYSTEM: Viewer = { kind: 'system' };

type AccessInfo = Pick<Item, 'status' | 'access'>;

const isStaff = (viewer: Viewer) =>
  viewer.kind === 'system' || (viewer.kind === 'user' && viewer.roles.some((role) => role === 'admin' || role === 'archivist'));

/** The level that applies today: an embargo that has ended is public. */
export function effectiveLevel(access: AccessInfo['access'], now: Date = new Date()): AccessLevel {
  if (access.level === 'embargo' && access.embargoUntil && access.embargoUntil <= now.toISOString().slice(0, 10)) return 'public';
  return access.level;
}

/** May the viewer see that the record exists, with its description? */
export function canReadRecord(viewer: Viewer, record: AccessInfo, now: Date = new Date()): boolean {
  if (isStaff(viewer)) return true;
  if (record.status !== 'published') return false;
  const level = effectiveLevel(record.access, now);
  switch (level) {
    case 'public':
    case 'metadata-only':
      return true;
    case 'researchers':
      return viewer.kind === 'user' && viewer.roles.includes('researcher');
    case 'community':
      return viewer.kind === 'user' && (record.access.communities ?? []).some((c) => viewer.communities.includes(c));
    case 'embargo':
      return false;
  }
}

/** May the viewer see or download the media files of the record? */
export function canReadMedia(viewer: Viewer, record: AccessInfo, now: Date = new Date()): boolean {
  if (!canReadRecord(viewer, record, now)) return false;
  return isStaff(viewer) || effectiveLevel(record.access, now) !== 'metadata-only';
}

/** The same rules as search filters, so search never returns what canReadRecord refuses. */
export function searchScopeFor(viewer: Viewer): SearchScope {
  if (isStaff(viewer)) return undefined;
  const scope: NonNullable<SearchScope> = [{ status: ['published'], access: ['public', 'metadata-only'] }];
  if (viewer.kind === 'user') {
    if (viewer.roles.includes('researcher')) scope.push({ status: ['published'], access: ['researchers'] });
    // Community records are matched by community code; the document carries its communities.
    if (viewer.communities.length > 0) scope.push({ status: ['published'], access: ['community'], communities: [...viewer.communities] });
  }
  return scope;
}
