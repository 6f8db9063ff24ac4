import type { Archive } from '../archive.ts';
import { DONE, JOB_PRIORITY, skipped, type JobOutcome } from '../jobs/types.ts';

/**
 * `index.embargoes`: the search index stores each record's access level as it was when
 * indexed, so a record whose embargo ends must be indexed again to reach the public.
 * The API and media doors compute the level at request time; OAI-PMH gives the records a
 * new datestamp so that incremental harvests pick them up.
 */
export function createEmbargoJobHandler(archive: Pick<Archive, 'catalog' | 'indexer'>) {
  return async function releaseEmbargoes({ date }: { date: string }): Promise<JobOutcome> {
    const ended = await archive.catalog.items.embargoEndedBy(date);
    if (ended.length === 0) return skipped(`no embargo ended by ${date}`);
    // What harvesters see changed too: the records appear to them with a new datestamp.
    await archive.catalog.items.noteEmbargoesEnded(ended);
    await archive.indexer.indexItems(ended, new Date(`${date}T00:00:00Z`));
    return DONE;
  };
}

/** Today's date in UTC, as the embargo dates are written (YYYY-MM-DD). */
export const today = (now: Date = new Date()) => now.toISOString().slice(0, 10);

/**
 * Queues today's embargo release (one job per day: its id is the date) now and every
 * hour while the process runs, so whichever worker is up at midnight picks it up.
 * Returns a function that stops the schedule.
 */
export function scheduleEmbargoRelease(archive: Pick<Archive, 'jobs'>, everyMs = 3_600_000): () => void {
  const queue = () => archive.jobs.enqueue('index.embargoes', today(), { date: today() }, { priority: JOB_PRIORITY.backfill }).catch(() => undefined);
  void queue();
  const timer = setInterval(() => void queue(), everyMs);
  timer.unref();
  return () => { clearInterval(timer); };
}
