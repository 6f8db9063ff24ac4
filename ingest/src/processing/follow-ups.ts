import type { Archive } from '../archive.ts';
import type { JobHandler, JobHandlers } from '../jobs/worker.ts';
import type { JobPayloads, JobType } from '../jobs/types.ts';
import { linkCaptions } from './captions-job.ts';
import { queueScanOcr } from './ocr-job.ts';

/**
 * Work that follows another pipeline's job without that job knowing about it: a
 * scanned image on a document item is read by OCR once its renditions exist, and
 * captions are linked to a recording that was registered after them.
 */
export function withFollowUps(archive: Archive, handlers: JobHandlers): JobHandlers {
  return {
    ...handlers,
    'image.derivatives': then(handlers['image.derivatives'], (p) => queueScanOcr(archive, p.mediaId)),
    'video.derivatives': then(handlers['video.derivatives'], (p) => linkCaptions(archive, p.mediaId)),
    'audio.derivatives': then(handlers['audio.derivatives'], (p) => linkCaptions(archive, p.mediaId)),
  };
}

function then<T extends JobType>(handler: JobHandler<T>, next: (payload: JobPayloads[T]) => Promise<void>): JobHandler<T> {
  return async (payload, job) => {
    await handler(payload, job);
    await next(payload);
  };
}
