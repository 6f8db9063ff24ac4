/**
 * @disan/ingest: the Disan engine, as the API, the CLI and other programs use it.
 * Read this file to learn what the engine offers; everything else is inner detail.
 *
 * - `openArchive(config)` is the composition root: one adapter per external system
 *   (catalog database, object storage, search engine, media tools), and the services.
 * - Files arrive through `ingest` (folders with a metadata sheet), `importRecords`
 *   (JSON Lines) and `registerOriginal` (one original as a stream: uploads).
 * - Background work runs in `startBackgroundWorker` (embedded: inside the API process;
 *   production: `disan worker` processes sharing the PostgreSQL queue).
 * - Reading goes through `searchArchive` and the catalog, always asking `access`.
 * - `backupArchive` writes the whole archive to one tar file while it serves;
 *   `restoreArchive` brings one back into an empty archive.
 *
 * - People are `archive.accounts` (accounts, communities, sessions, personal tokens,
 *   one-time links, second factor, sign-in throttling); the audit trail is
 *   `archive.catalog.audit`, a hash chain.
 *
 * Narrower entries, each one file: `@disan/ingest/access` (who may do what),
 * `/accounts` (people), `/calendar` (lunisolar calendars, festival dates, iCalendar feeds),
 * `/catalog`, `/config`, `/database`, `/jobs`, `/search`, `/storage`,
 * `/workspace` (the archivists' workspace, `archive.workspace`: versions, review, media of a record).
 */
export { openArchive, type Archive, type ArchiveOverrides } from './archive.ts';
export { CatalogInUseError, type LockHolder } from './database/process-lock.ts';
export { CONFIG_VARIABLES, loadConfig, type Config } from './config.ts';
export * from './errors.ts';
export { NotPermittedError, PreconditionRequiredError, VersionConflictError } from './workspace/types.ts';
export type { AttachOptions, SaveOptions, Workspace, WorkspaceMediaOperations } from './workspace/types.ts';

export { ingest } from './pipeline/run-ingest.ts';
export type { FileOutcome, IngestEvent, IngestOptions, IngestReport } from './registration/files.ts';
export { importRecords, type ImportReport } from './registration/import.ts';
export { IncompleteOriginalError, registerOriginal, type IncomingOriginal, type Registration, type RegistrationTarget } from './registration/register.ts';
export { parseSheet, readSheet, type ParsedSheet, type SheetEntry } from './registration/sheet.ts';

export { backupArchive } from './backup/backup.ts';
export type { BackupManifest, BackupSummary } from './backup/format.ts';
export { restoreArchive, type RestoreReport } from './backup/restore.ts';

export { startBackgroundWorker, type BackgroundWorker, type BackgroundWorkerOptions } from './pipeline/background.ts';
export { searchArchive } from './search/service.ts';

// The workspace's sheets (preview, import, export), collections and places (issue 12).
export { exportCsv, exportXlsx, importSheet, planSheetFile, previewSheet, SHEET_TYPES, type ExportSelection, type SheetFormat } from './workspace/sheets/index.ts';
export { createCollectionEditor, createPlace, type CollectionEditor, type StaffCollection } from './workspace/collections.ts';
