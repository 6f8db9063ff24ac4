import { DONE, JOB_PRIORITY, skipped, type JobOutcome } from '../jobs/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { UploadRows } from './rows.ts';
import type { UploadStore } from './store.ts';

/**
 * `uploads.expire`: uploads still receiving after their expiry (DISAN_UPLOAD_EXPIRY_HOURS)
 * are marked expired, which gives their quota back, and their bytes removed from the
 * upload store. Marking comes first: a run cut between the two leaves bytes the next
 * run does not see, so removal goes through every expired id the mark returned, and a
 * failure to remove one is thrown (the job is retried; removing twice is harmless).
 */
export function createExpireUploadsJobHandler({ rows, store, now = () => new Date() }: { rows: UploadRows; store: UploadStore; now?: () => Date }) {
  return async function expireUploads(): Promise<JobOutcome> {
    const expired = await rows.expire(now());
    for (const id of expired) await store.remove(id);
    return expired.length === 0 ? skipped('no upload expired') : DONE;
  };
}

/** The job's key: one per hour, so queueing it again within the hour is the same job. */
export const expiryHour = (at: Date = new Date()): string => at.toISOString().slice(0, 13);

/** Queues the clean-up now and every `everyMs` while the process runs; returns a function that stops the schedule. */
export function scheduleUploadExpiry(jobs: Pick<JobQueue, 'enqueue'>, everyMs = 3_600_000): () => void {
  const queue = () => jobs.enqueue('uploads.expire', expiryHour(), { hour: expiryHour() }, { priority: JOB_PRIORITY.backfill }).catch(() => undefined);
  void queue();
  const timer = setInterval(() => void queue(), everyMs);
  timer.unref();
  return () => { clearInterval(timer); };
}
