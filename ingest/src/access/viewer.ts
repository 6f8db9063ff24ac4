/**
 * Who is asking. Every door (API, search, media, IIIF, OAI-PMH, sitemaps, exports) passes
 * a Viewer to the rules in this folder; accounts add users with roles, and only this
 * folder changes.
 */
export type Viewer =
  | { kind: 'public' }
  | { kind: 'user'; roles: readonly Role[]; communities: readonly string[] }
  /** Operators at the command line, the operator token, and the pipeline itself. */
  | { kind: 'system' };

/**
 * `member` and `steward` act on the communities listed on the viewer: a member reads their
 * records, a steward also decides who belongs. A user may hold several roles.
 */
export const ROLES = ['admin', 'archivist', 'reviewer', 'researcher', 'member', 'steward'] as const;
export type Role = (typeof ROLES)[number];

export const PUBLIC: Viewer = { kind: 'public' };
export const SYSTEM: Viewer = { kind: 'system' };

/** True for the system and for users holding any of `roles`. */
export function isSystemOr(viewer: Viewer, ...roles: readonly Role[]): boolean {
  return viewer.kind === 'system' || (viewer.kind === 'user' && viewer.roles.some((role) => roles.includes(role)));
}

/** People who work on the catalog: they see every record, whatever its state or level. */
export const isStaff = (viewer: Viewer): boolean => isSystemOr(viewer, 'admin', 'archivist', 'reviewer');

/** The communities whose restricted records the viewer belongs to. */
export const communitiesOf = (viewer: Viewer): readonly string[] => (viewer.kind === 'user' ? viewer.communities : []);
