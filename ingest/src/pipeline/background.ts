import type { Archive } from '../archive.ts';
import { runWorker, type WorkerEvent, type WorkerSummary } from '../jobs/worker.ts';
import { queueBackfill } from '../processing/backfill.ts';
import { scheduleEmbargoRelease } from '../processing/embargo-job.ts';
import { createJobHandlers } from '../processing/handlers.ts';
import { scheduleTokenExpiryWarnings } from '../processing/token-expiry-job.ts';
import { scheduleUploadExpiry } from '../uploads/expiry-job.ts';
import { scheduleHarvests } from '../library/harvest/jobs.ts';

export interface BackgroundWorker {
  /** Stops claiming, waits for the jobs in hand, and returns what was done. */
  stop(): Promise<WorkerSummary>;
  /** Resolves when the worker has stopped (asked to, or idle with `stopWhenIdle`). */
  finished: Promise<WorkerSummary>;
  /** Jobs queued at start for stored files that had none. */
  backfilled: number;
}

export interface BackgroundWorkerOptions {
  onEvent?: (event: WorkerEvent) => void;
  pollMs?: number;
  /** Jobs run at once (default: the configured ingest concurrency). */
  concurrency?: number;
  /** Stop once no job is queued or running anywhere (`disan worker --once`). */
  stopWhenIdle?: boolean;
}

/**
 * A job worker as a serving or worker process runs it: jobs a crash left "running" are
 * taken back at once in single-process mode, stored files without a job are queued
 * behind fresh uploads, and the daily embargo release and token expiry warnings and the harvest sources are scheduled. The embedded mode
 * runs it inside the API process; production runs it in `disan worker` processes.
 */
export async function startBackgroundWorker(archive: Archive, options: BackgroundWorkerOptions = {}): Promise<BackgroundWorker> {
  await takeBackInterruptedJobs(archive);
  const backfilled = await queueBackfill(archive);
  const schedules = [scheduleEmbargoRelease(archive), scheduleTokenExpiryWarnings(archive), scheduleUploadExpiry(archive.jobs), scheduleHarvests(archive.jobs)];
  const controller = new AbortController();
  const finished = runWorker({
    queue: archive.jobs,
    handlers: createJobHandlers(archive),
    concurrency: options.concurrency ?? archive.config.ingest.concurrency,
    leaseMs: archive.config.ingest.jobLeaseMs,
    signal: controller.signal,
    // Single process: only this process queues work, and queueing wakes the worker; the poll is for retries coming due.
    pollMs: options.pollMs ?? (archive.singleProcess ? 2_000 : 500),
    ...(options.stopWhenIdle ? { stopWhenIdle: true } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  }).finally(() => {
    for (const stop of schedules) stop();
  });
  return {
    backfilled,
    finished,
    stop() {
      controller.abort();
      return finished;
    },
  };
}

/** In single-process mode a job still "running" was cut off by a crash: make it claimable now rather than after its lease. */
export async function takeBackInterruptedJobs(archive: Archive): Promise<void> {
  if (archive.singleProcess) await archive.jobs.expireLeases();
}
