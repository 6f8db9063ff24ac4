import type { Archive } from '../archive.ts';
import { JOB_PRIORITY } from '../jobs/types.ts';
import { PIPELINE } from './first-job.ts';

const PAGE = 500;

/**
 * Queues the first pipeline job of every medium still `pending` whose kind has a
 * pipeline: files stored by a release that had no pipeline for their kind, or whose
 * registration was cut off between the media row and the job. Backfill priority, so
 * fresh uploads still go first; queueing is idempotent, so running it twice is harmless.
 * @returns how many jobs were newly queued.
 */
export async function queueBackfill(archive: Pick<Archive, 'catalog' | 'jobs'>): Promise<number> {
  let queued = 0;
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const page = await archive.catalog.media.listByStatus('pending', { limit: PAGE, ...(after ? { after } : {}) });
    for (const media of page) {
      const type = PIPELINE[media.kind];
      if (!type) continue;
      const { created } = await archive.jobs.enqueue(type, media.id, { mediaId: media.id }, { priority: JOB_PRIORITY.backfill });
      if (created) queued++;
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) return queued;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
