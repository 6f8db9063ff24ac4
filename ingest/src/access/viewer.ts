import { ACCOUNT_ROLE_NAMES } from '@disan/schemas';

/**
 * Who is asking. Every door (API, search, media, IIIF, OAI-PMH, sitemaps, exports) passes
 * a Viewer to the rules in this folder; accounts add users with roles, and only this
 * folder changes.
 */
export type Viewer =
  | { kind: 'public' }
  | {
      kind: 'user';
      /** The account's id; absent only in tests that build a viewer from roles alone. */
      id?: string;
      roles: readonly Role[];
      /** Communities the user belongs to: they read those communities' restricted records. */
      communities: readonly string[];
      /** Communities whose members the user decides (a subset of `communities`); default: all of them, when the roles hold `steward`. */
      stewardOf?: readonly string[];
      /** A personal token scoped `read` may do nothing but read, whatever the roles. */
      scope?: 'read' | 'write';
    }
  /** Operators at the command line, the operator token, and the pipeline itself. */
  | { kind: 'system' };

/**
 * `member` and `steward` act on the communities listed on the viewer: a member reads their
 * records, a steward also decides who belongs. A user may hold several roles.
 */
export const ROLES = ['admin', 'archivist', 'reviewer', 'researcher', 'member', 'steward'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles an account is given by an admin. `member` and `steward` are not granted as
 * such: they follow from the account's community memberships (see accounts/).
 */
export const ACCOUNT_ROLES = ACCOUNT_ROLE_NAMES satisfies readonly Role[];
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

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

/** The communities whose members the viewer decides. */
export const stewardshipsOf = (viewer: Viewer): readonly string[] =>
  viewer.kind === 'user' && viewer.roles.includes('steward') ? (viewer.stewardOf ?? viewer.communities) : [];

/** False for a personal token scoped to reading: every rule that changes something asks this first. */
export const mayWrite = (viewer: Viewer): boolean => viewer.kind !== 'user' || viewer.scope !== 'read';

/** A person signed in (a session or a personal token), not the public and not the system. */
export const isSignedIn = (viewer: Viewer): boolean => viewer.kind === 'user';
