import { out } from '../printable.ts';
import type { Archive } from '@disan/ingest';
import { queueBackfill } from '@disan/ingest/jobs';
import type { CommandArgs } from '../args.ts';

/**
 * `disan jobs`: what is queued, running, failed and done; `--retry-failed` queues failures
 * again; `--backfill` queues stored files that have no job yet (a worker does this at start).
 */
export async function runJobsCommand(archive: Archive, { values }: CommandArgs): Promise<number> {
  if (values.backfill) {
    const count = await queueBackfill(archive);
    out(`queued ${count} stored file${count === 1 ? '' : 's'} for processing (backfill)\n`);
  }
  if (values['retry-failed']) {
    const count = await archive.jobs.retryFailed();
    out(`queued ${count} failed job${count === 1 ? '' : 's'} again\n`);
  }
  const counts = await archive.jobs.counts();
  const types = Object.keys(counts);
  if (types.length === 0) out('no jobs\n');
  for (const type of types) {
    const c = counts[type]!;
    out(`${type}: ${c.queued} queued, ${c.running} running, ${c.failed} failed, ${c.done} done\n`);
  }
  for (const job of await archive.jobs.list({ status: 'running', limit: 20 })) {
    out(`  running ${job.id} on ${job.lockedBy ?? '?'} (attempt ${job.attempts} of ${job.maxAttempts}, lease until ${job.lockedUntil ?? '?'})\n`);
  }
  for (const job of await archive.jobs.list({ status: 'failed', limit: 20 })) {
    out(`  failed ${job.id}: ${job.lastError ?? 'no reason recorded'}\n`);
  }
  return 0;
}
