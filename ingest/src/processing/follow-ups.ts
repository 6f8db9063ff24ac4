import type { Archive } from '../archive.ts';
import type { JobHandler, JobHandlers } from '../jobs/worker.ts';
import type { JobPayloads, JobType } from '../jobs/types.ts';
import { linkCaptions } from './captions-job.ts';
import { queueOcr } from './ocr-job.ts';

/**
 * Work that follows another pipeline's job without that job knowing about it: scans
 * (PDF pages without text, images on document items) are read by OCR once their
 * renditions exist, and captions are linked and fitted to a recording registered or
 * probed after them (run after both sides, so the one that finishes last does it).
 */
export function withFollowUps(archive: Archive, handlers: JobHandlers): JobHandlers {
  return {
    ...handlers,
    'image.derivatives': then(handlers['image.derivatives'], (p) => queueOcr(archive, p.mediaId)),
    'document.derivatives': then(handlers['document.derivatives'], (p) => queueOcr(archive, p.mediaId)),
    'video.derivatives': then(handlers['video.derivatives'], (p) => linkCaptions(archive, p.mediaId)),
    'audio.derivatives': then(handlers['audio.derivatives'], (p) => linkCaptions(archive, p.mediaId)),
    'captions.index': then(handlers['captions.index'], (p) => linkCaptions(archive, p.mediaId)),
  };
}

/**
 * Chains `next` after a handler unless it failed. A skipped job chains too: after a
 * crash between a job's last write and its completion, the re-run finds the media
 * ready and skips, and the follow-up must still happen (it is idempotent).
 */
function then<T extends JobType>(handler: JobHandler<T>, next: (payload: JobPayloads[T]) => Promise<void>): JobHandler<T> {
  return async (payload, job, signal) => {
    const outcome = await handler(payload, job, signal);
    if (outcome.status !== 'failed') await next(payload);
    return outcome;
  };
}
