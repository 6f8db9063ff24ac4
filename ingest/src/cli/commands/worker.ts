import type { Archive } from '../../archive.ts';
import { runWorker } from '../../jobs/worker.ts';
import { queueBackfill } from '../../processing/backfill.ts';
import { scheduleEmbargoRelease } from '../../processing/embargo-job.ts';
import { createJobHandlers } from '../../processing/handlers.ts';
import type { CommandArgs } from '../main.ts';

/**
 * `disan worker`: runs background jobs until SIGINT/SIGTERM, for production where
 * several workers share one PostgreSQL queue (each job runs once: SKIP LOCKED leases).
 */
export async function runWorkerCommand(archive: Archive, { values }: CommandArgs): Promise<number> {
  const controller = new AbortController();
  const stop = () => {
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (archive.db.driver === 'pglite') await archive.jobs.expireLeases();
  const backfilled = await queueBackfill(archive);
  if (backfilled > 0) process.stderr.write(`worker: queued ${backfilled} stored file${backfilled === 1 ? '' : 's'} that had no job yet (backfill, after fresh uploads)\n`);
  const stopSchedule = scheduleEmbargoRelease(archive);
  const concurrency = typeof values.concurrency === 'string' ? Number(values.concurrency) : archive.config.ingest.concurrency;
  process.stderr.write(`worker: running jobs with concurrency ${concurrency} (Ctrl-C to stop)\n`);
  const summary = await runWorker({
    queue: archive.jobs,
    handlers: createJobHandlers(archive),
    concurrency,
    leaseMs: archive.config.ingest.jobLeaseMs,
    signal: controller.signal,
    ...(values.once ? { stopWhenIdle: true } : {}),
    onEvent: (event) => {
      if (event.type === 'completed') process.stderr.write(`done     ${event.job.id} (${event.ms.toFixed(0)} ms)\n`);
      else if (event.type === 'failed' || event.type === 'retrying') process.stderr.write(`${event.type.padEnd(8)} ${event.job.id}: ${event.error}\n`);
    },
  });
  stopSchedule();
  process.stdout.write(`worker stopped: ${summary.completed} done, ${summary.failed} failed, ${summary.retried} retried\n`);
  return 0;
}
