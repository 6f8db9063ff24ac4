/** The catalog: records, versions, media, collections, texts and the audit log, in PostgreSQL (PGlite embedded). */
export { createCatalog, type Catalog } from './catalog.ts';
export { MediaPatch, NewMedia, NOT_YET_ATTACHED, type MediaScope } from './media.ts';
export { RecordValidationError, type Problem } from './validate.ts';
export { writeAudit, canonicalJson, chainHash, type AuditEntry, type AuditInput, type AuditVerification } from './audit.ts';
export { auditCsv, neutralizeCell, type AuditFilter } from './audit-log.ts';
