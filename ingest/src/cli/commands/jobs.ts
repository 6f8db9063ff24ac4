import type { Archive } from '../../archive.ts';
import type { CommandArgs } from '../main.ts';

/** `disan jobs`: what is queued, running, failed and done; `--retry-failed` queues failures again. */
export async function runJobsCommand(archive: Archive, { values }: CommandArgs): Promise<number> {
  if (values['retry-failed']) {
    const count = await archive.jobs.retryFailed();
    process.stdout.write(`queued ${count} failed job${count === 1 ? '' : 's'} again\n`);
  }
  const counts = await archive.jobs.counts();
  const types = Object.keys(counts);
  if (types.length === 0) process.stdout.write('no jobs\n');
  for (const type of types) {
    const c = counts[type]!;
    process.stdout.write(`${type}: ${c.queued} queued, ${c.running} running, ${c.failed} failed, ${c.done} done\n`);
  }
  for (const job of await archive.jobs.list({ status: 'failed', limit: 20 })) {
    process.stdout.write(`  failed ${job.id}: ${job.lastError ?? 'no reason recorded'}\n`);
  }
  return 0;
}
