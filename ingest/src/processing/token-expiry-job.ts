import type { Archive } from '../archive.ts';
import { DONE, JOB_PRIORITY, skipped, type JobOutcome } from '../jobs/types.ts';
import { today } from './embargo-job.ts';

/**
 * `accounts.token-expiry`: warns holders of personal tokens in their last 7 days (see
 * accounts/token-expiry.ts). A job rather than a timer in each process: one worker runs
 * it per day, its outcome is recorded, a database error is retried with backoff, and
 * the claim in the catalog keeps a second run (or a second process) from mailing twice.
 */
export function createTokenExpiryJobHandler(archive: Pick<Archive, 'accounts'>) {
  return async function warnExpiringTokens({ date }: { date: string }): Promise<JobOutcome> {
    const warned = await archive.accounts.tokens.warnExpiring();
    return warned === 0 ? skipped(`no token to warn about on ${date}`) : DONE;
  };
}

/**
 * Queues today's warnings (one job per day: its id is the date) now and every hour while
 * the process runs, like the embargo release. A token is warned between 7 and 6 days
 * before it ends. Returns a function that stops the schedule.
 */
export function scheduleTokenExpiryWarnings(archive: Pick<Archive, 'jobs'>, everyMs = 3_600_000): () => void {
  const queue = () => archive.jobs.enqueue('accounts.token-expiry', today(), { date: today() }, { priority: JOB_PRIORITY.backfill }).catch(() => undefined);
  void queue();
  const timer = setInterval(() => void queue(), everyMs);
  timer.unref();
  return () => { clearInterval(timer); };
}
