import type { Item, ItemStatus } from '@disan/schemas';
import { isSignedIn, isStaff, isSystemOr, mayWrite, stewardshipsOf, type Viewer } from './viewer.ts';

/**
 * Who may do what, besides reading (records.ts). The system and admins may do every
 * operation in every state: whether a step makes sense (publishing what is already
 * published) is the workflow's question, not access's. Other roles' rights depend on the
 * record's state, so that a record under review is not changed under its reviewer's eyes.
 *
 * | operation                          | system, admin | reviewer             | archivist | researcher, member | steward           | public |
 * | ---------------------------------- | ------------- | -------------------- | --------- | ------------------ | ----------------- | ------ |
 * | create a record                    | yes           | yes                  | yes       | no                 | no                | no     |
 * | use the workspace (lists, history)  | yes           | yes                  | yes       | no                 | no                | no     |
 * | edit, upload media                 | any state     | any state            | draft, published | no          | no                | no     |
 * | submit for review                  | any state     | draft                | draft     | no                 | no                | no     |
 * | publish                            | any state     | in-review, withdrawn | no        | no                 | no                | no     |
 * | send back (to draft)               | any state     | in-review, withdrawn | no        | no                 | no                | no     |
 * | withdraw                           | any state     | published            | no        | no                 | no                | no     |
 * | edit collections, import sheets    | yes           | yes                  | yes       | no                 | no                | no     |
 * | export records (CSV, XLSX)         | yes           | yes                  | yes       | no                 | no                | no     |
 * | manage users, settings, audit      | yes           | no                   | no        | no                 | no                | no     |
 * | manage a community's members       | yes           | no                   | no        | no                 | their communities | no     |
 * | own account (sessions, tokens)     | users         | yes                  | yes       | yes                | yes               | no     |
 * | change own account (not read token)| users         | yes                  | yes       | yes                | yes               | no     |
 * | read jobs (list, counts)           | yes           | yes                  | yes       | no                 | no                | no     |
 * | harvest (OAI-PMH, exports), health | yes           | yes                  | yes       | yes                | yes               | yes    |
 * | import MARC, harvest other archives| yes           | yes                  | yes       | no                 | no                | no     |
 * | schedule harvest sources           | yes           | no                   | no        | no                 | no                | no     |
 *
 * The state is the workflow's (the revision's, while a published record is being edited):
 * an archivist editing a published record starts a revision that the public does not see
 * until a reviewer publishes it, and cannot touch it while it is in review.
 * A record sent back is a draft again, which is what lets its archivist edit it. A personal
 * token scoped `read` may do none of the changes, whatever its owner's roles (mayWrite).
 * Reading records and media is in records.ts and filter.ts; the table is tested in operations.test.ts.
 */
type State = Pick<Item, 'status'>;

const isAdmin = (viewer: Viewer) => isSystemOr(viewer, 'admin');
/** The roles' right to change something, for a viewer whose credential allows writing. */
const writes = (viewer: Viewer, ...roles: Parameters<typeof isSystemOr>[1][]) => mayWrite(viewer) && isSystemOr(viewer, ...roles);
const adminWrites = (viewer: Viewer) => writes(viewer, 'admin');
const inState = (record: State, ...states: readonly ItemStatus[]) => states.includes(record.status);

/** An explicit "everyone", for doors with nothing to protect (liveness, the API documentation). */
export const anyone = (): boolean => true;

export const canCreateRecord = (viewer: Viewer): boolean => writes(viewer, 'admin', 'reviewer', 'archivist');

export function canEditRecord(viewer: Viewer, record: State): boolean {
  if (writes(viewer, 'admin', 'reviewer')) return true;
  return writes(viewer, 'archivist') && inState(record, 'draft', 'published');
}

/** The workspace's pages and lists (my work, history, versions, the heads of records): the people who work on the catalog. */
export const canUseWorkspace = (viewer: Viewer): boolean => isStaff(viewer);

/** Creating and describing collections, their order and cover. */
export const canEditCollections = (viewer: Viewer): boolean => writes(viewer, 'admin', 'reviewer', 'archivist');

/** Importing a metadata sheet creates and changes records: the right to create them. */
export const canImportSheet = (viewer: Viewer): boolean => canCreateRecord(viewer);

/** Exports hold drafts and restricted records' descriptions: staff only. */
export const canExportRecords = (viewer: Viewer): boolean => isStaff(viewer);

/** Re-queueing a file whose processing failed changes the record's media: the right to upload to it. */
export const canRetryMedia = (viewer: Viewer, record: State): boolean => canUpload(viewer, record);

/** Adding or replacing a record's files changes the record: the same rule as editing it. */
export const canUpload = (viewer: Viewer, record: State): boolean => canEditRecord(viewer, record);

export const canSubmitForReview = (viewer: Viewer, record: State): boolean =>
  adminWrites(viewer) || (writes(viewer, 'reviewer', 'archivist') && inState(record, 'draft'));

export const canPublish = (viewer: Viewer, record: State): boolean =>
  adminWrites(viewer) || (writes(viewer, 'reviewer') && inState(record, 'in-review', 'withdrawn'));

export const canSendBack = (viewer: Viewer, record: State): boolean =>
  adminWrites(viewer) || (writes(viewer, 'reviewer') && inState(record, 'in-review', 'withdrawn'));

export const canWithdraw = (viewer: Viewer, record: State): boolean => adminWrites(viewer) || (writes(viewer, 'reviewer') && inState(record, 'published'));

/** Accounts, their roles and status, invitations: admins only, and never with a read-only token. */
export const canManageUsers = (viewer: Viewer): boolean => adminWrites(viewer);

/** Creating and renaming communities; who belongs to one is canManageCommunity. */
export const canManageCommunities = (viewer: Viewer): boolean => adminWrites(viewer);

export const canManageSettings = (viewer: Viewer): boolean => adminWrites(viewer);

/** The audit trail names every person and what they read: admins only. */
export const canReadAudit = (viewer: Viewer): boolean => isAdmin(viewer);

/** A backup holds every record and file, restricted ones included: the archive's keepers only. */
export const canBackupArchive = (viewer: Viewer): boolean => isAdmin(viewer);

/** A steward decides who belongs to the communities they steward, and to no other. */
export const canManageCommunity = (viewer: Viewer, community: string): boolean =>
  adminWrites(viewer) || (mayWrite(viewer) && stewardshipsOf(viewer).includes(community));

/** The door to the stewards' pages: admins and anyone who stewards at least one community. */
export const canStewardCommunities = (viewer: Viewer): boolean => isAdmin(viewer) || stewardshipsOf(viewer).length > 0;

/** One's own account (name, language, password, second factor, sessions, tokens): any person signed in. */
export const canUseAccount = (viewer: Viewer): boolean => isSignedIn(viewer);

/**
 * Changing one's own account (name, password, second factor, sessions, tokens): a person
 * signed in with a credential that may write. A token scoped `read` must not mint a
 * token that may write, nor change the password it was given to read with.
 */
export const canChangeAccount = (viewer: Viewer): boolean => isSignedIn(viewer) && mayWrite(viewer);

/**
 * OAI-PMH and exports are open to everyone, and list only what readFilter lets through:
 * the filter, not this rule, keeps restricted records out.
 */
export const canHarvest = (_viewer: Viewer): boolean => true;

/**
 * Bringing records in from other libraries (a MARC file, an OAI-PMH harvest run by hand)
 * creates and changes records: the right to create them.
 */
export const canImportLibraryRecords = (viewer: Viewer): boolean => canCreateRecord(viewer);

/**
 * Harvest sources run on a schedule, unattended, against other institutions' servers:
 * which sources and how often is an admin's setting.
 */
export const canManageHarvestSources = (viewer: Viewer): boolean => adminWrites(viewer);

/** Digitisation targets are a province's plan: admins set them (issue 15). */
export const canManageCoverageTargets = (viewer: Viewer): boolean => adminWrites(viewer);

/**
 * The staff dashboard and the yearly report: every target, public or not, and the records
 * added in the year by name (drafts and restricted ones among them).
 */
export const canReadCoverageReports = (viewer: Viewer): boolean => isStaff(viewer);

/**
 * Job counts by type and status include the jobs of hidden records' media (a draft's
 * transcode, a community film's captions), so even the counts are for staff only.
 */
export const canReadJobs = (viewer: Viewer): boolean => isStaff(viewer);

/**
 * Readiness names the failing part (catalog, storage, search) with a generic reason and
 * its timing, never a cause: load balancers and uptime monitors read it without a token.
 */
export const canReadHealthDetails = (_viewer: Viewer): boolean => true;

/**
 * The public cache replays one viewer's answer to the next, so only answers that are the
 * same for everyone may be shared: the anonymous public's.
 */
export const mayShareCachedAnswers = (viewer: Viewer): boolean => viewer.kind === 'public';

/** An upload (its bytes, how far it got, how it ended) is its uploader's, and the admins'. */
export const canSeeUpload = (viewer: Viewer, upload: { accountId: string }): boolean =>
  isAdmin(viewer) || (viewer.kind === 'user' && viewer.id === upload.accountId);
