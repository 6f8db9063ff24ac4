import { err, out } from '../printable.ts';
import { type Archive, startBackgroundWorker } from '@disan/ingest';
import type { CommandArgs } from '../args.ts';

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
  const concurrency = typeof values.concurrency === 'string' ? Number(values.concurrency) : archive.config.ingest.concurrency;
  const worker = await startBackgroundWorker(archive, {
    concurrency,
    ...(values.once ? { stopWhenIdle: true } : {}),
    onEvent: (event) => {
      if (event.type === 'completed') err(`${event.outcome.status.padEnd(8)} ${event.job.id} (${event.ms.toFixed(0)} ms)${event.outcome.status === 'skipped' ? `: ${event.outcome.reason}` : ''}\n`);
      else if (event.type === 'failed' || event.type === 'retrying') err(`${event.type.padEnd(8)} ${event.job.id}: ${event.error}\n`);
    },
  });
  if (worker.backfilled > 0) err(`worker: queued ${worker.backfilled} stored file${worker.backfilled === 1 ? '' : 's'} that had no job yet (backfill, after fresh uploads)\n`);
  err(`worker: running jobs with concurrency ${concurrency} (Ctrl-C to stop)\n`);
  controller.signal.addEventListener('abort', () => void worker.stop());
  const summary = await worker.finished;
  out(`worker stopped: ${summary.completed} done, ${summary.failed} failed, ${summary.retried} retried\n`);
  return 0;
}
