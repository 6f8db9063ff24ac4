/** Resumable uploads from the workspace: the upload store (tus), the uploads table, and their two jobs. */
export { createUploadStore, type UploadStore } from './store.ts';
export { createUploadRows, type NewUpload, type UploadEnd, type UploadRow, type UploadRows } from './rows.ts';
export { createRegisterUploadJobHandler, type AttachMedium } from './register-job.ts';
export { createExpireUploadsJobHandler, expiryHour, scheduleUploadExpiry } from './expiry-job.ts';
export { createSharedUploadLocker, RELEASE_CHANNEL, type UploadLocker } from './locker.ts';
