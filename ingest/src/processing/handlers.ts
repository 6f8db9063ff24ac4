import type { Archive } from '../archive.ts';
import type { JobHandlers } from '../jobs/worker.ts';
import { createImageJobHandler } from './image-job.ts';
import { createVideoJobHandler } from './video-job.ts';
import { createAudioJobHandler } from './audio-job.ts';
import { createCaptionsJobHandler } from './captions-job.ts';
import { createDocumentJobHandler } from './document-job.ts';
import { withFollowUps } from './follow-ups.ts';
import { createOcrJobHandler } from './ocr-job.ts';
import { createEmbargoJobHandler } from './embargo-job.ts';
import { createTokenExpiryJobHandler } from './token-expiry-job.ts';
import { createHarvestRunJobHandler, createHarvestScheduleJobHandler } from '../library/harvest/jobs.ts';
import { createExpireUploadsJobHandler, createRegisterUploadJobHandler, createUploadRows, createUploadStore } from '../uploads/index.ts';

/** Exactly one handler per job type; the worker checks this at start-up. */
export function createJobHandlers(archive: Archive): JobHandlers {
  const uploads = { rows: createUploadRows(archive.db), store: createUploadStore(archive.config, archive.storage) };
  return withFollowUps(archive, {
    'image.derivatives': createImageJobHandler(archive),
    'video.derivatives': createVideoJobHandler(archive),
    'audio.derivatives': createAudioJobHandler(archive),
    'document.derivatives': createDocumentJobHandler(archive),
    'document.ocr': createOcrJobHandler(archive),
    'captions.index': createCaptionsJobHandler(archive),
    'index.embargoes': createEmbargoJobHandler(archive),
    'accounts.token-expiry': createTokenExpiryJobHandler(archive),
    'upload.register': createRegisterUploadJobHandler({ archive, ...uploads, attach: (...args) => archive.workspace.media.attach(...args) }),
    'uploads.expire': createExpireUploadsJobHandler(uploads),
    'harvest.schedule': createHarvestScheduleJobHandler(archive),
    'harvest.run': createHarvestRunJobHandler(archive),
  });
}
