/**
 * Every who-may-do-what question of the archive, answered in one place: every door
 * (API, search, media, IIIF, OAI-PMH, exports, the command line) imports this file.
 */
export { ACCOUNT_ROLES, PUBLIC, ROLES, SYSTEM, type AccountRole, type Role, type Viewer } from './viewer.ts';
export {
  accessView,
  canReadCollection,
  canReadMedia,
  canReadRecord,
  canSeeMedium,
  canSeeTombstone,
  consentWithheld,
  effectiveLevel,
  followsRecord,
  harvestShowsFiles,
  isMediumRestricted,
  isRestricted,
  mediumAccessView,
  oaiExposure,
  withTiedRecording,
  type AccessInfo,
  type HarvestExposure,
  type MediumAccessInfo,
} from './records.ts';
export { readFilter, searchScopeFor, toSearchScope, type ReadClause, type ReadFilter, type SearchScope } from './filter.ts';
export { toSqlWhere, type AccessColumns, type SqlCondition } from './sql.ts';
export {
  anyone,
  canCreateRecord,
  canEditRecord,
  canEditCollections,
  canExportRecords,
  canImportSheet,
  canRetryMedia,
  canUseWorkspace,
  canHarvest,
  canImportLibraryRecords,
  canManageHarvestSources,
  canManageCommunities,
  canManageCommunity,
  canBackupArchive,
  canReadAudit,
  canStewardCommunities,
  canUseAccount,
  canChangeAccount,
  canManageSettings,
  canManageUsers,
  canPublish,
  canReadHealthDetails,
  canReadJobs,
  canSendBack,
  canSeeUpload,
  canSubmitForReview,
  canUpload,
  canWithdraw,
  mayShareCachedAnswers,
} from './operations.ts';
