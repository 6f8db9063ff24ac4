import type { Archive } from '../archive.ts';
import { runWorker, type WorkerEvent, type WorkerSummary } from '../jobs/worker.ts';
import { queueBackfill } from '../processing/backfill.ts';
import { scheduleEmbargoRelease } from '../processing/embargo-job.ts';
import { createJobHandlers } from '../processing/handlers.ts';

export interface BackgroundWorker {
  /** Stops claiming, waits for the jobs in hand, and returns what was done. */
  stop(): Promise<WorkerSummary>;
  /** Jobs queued at start for stored files that had none. */
  backfilled: number;
}

/**
 * The job worker inside a serving process: how the embedded mode runs (PGlite belongs
 * to one process, so the API process is also the worker). Jobs a crash left "running"
 * are taken back at once, and stored files without a job are queued behind fresh uploads.
 */
export async function startBackgroundWorker(archive: Archive, options: { onEvent?: (event: WorkerEvent) => void; pollMs?: number } = {}): Promise<BackgroundWorker> {
  if (archive.db.driver === 'pglite') await archive.jobs.expireLeases();
  const backfilled = await queueBackfill(archive);
  const stopSchedule = scheduleEmbargoRelease(archive);
  const controller = new AbortController();
  const running = runWorker({
    queue: archive.jobs,
    handlers: createJobHandlers(archive),
    concurrency: archive.config.ingest.concurrency,
    leaseMs: archive.config.ingest.jobLeaseMs,
    signal: controller.signal,
    // PGlite: only this process queues work, and queueing wakes the worker; the poll is for retries coming due.
    pollMs: options.pollMs ?? (archive.db.driver === 'pglite' ? 2_000 : 500),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  return {
    backfilled,
    stop() {
      stopSchedule();
      controller.abort();
      return running;
    },
  };
}
