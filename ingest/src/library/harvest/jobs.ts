import type { Archive } from '../../archive.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { DONE, failed, JOB_PRIORITY, skipped, type JobOutcome } from '../../jobs/types.ts';
import { runHarvest } from './run.ts';
import { createHarvestStore } from './store.ts';

/**
 * The schedule of harvest sources, as jobs in the catalog's queue, so any number of
 * worker processes share it and none keeps state in memory: every quarter hour each
 * process queues the same `harvest.schedule` job (its id is the slot, so it runs once),
 * which queues a `harvest.run` per due source, keyed by the source and its last run, so
 * a source is queued once however many processes look. The run itself takes the source
 * in the database (store.startRun) before it starts.
 */
export const SCHEDULE_EVERY_MS = 15 * 60_000;

/** The job key of the current quarter hour, `2026-12-02T18:15`. */
export function scheduleSlot(at: Date = new Date()): string {
  const slot = new Date(Math.floor(at.getTime() / SCHEDULE_EVERY_MS) * SCHEDULE_EVERY_MS);
  return slot.toISOString().slice(0, 16);
}

export function createHarvestScheduleJobHandler(archive: Pick<Archive, 'db' | 'jobs'>) {
  return async function queueDueHarvests({ slot }: { slot: string }): Promise<JobOutcome> {
    const due = await createHarvestStore(archive.db).due();
    if (due.length === 0) return skipped(`no harvest source due at ${slot}`);
    for (const source of due) await queueHarvestRun(archive.jobs, source.id, 'schedule', source.key);
    return DONE;
  };
}

export function createHarvestRunJobHandler(archive: Pick<Archive, 'db' | 'workspace'>) {
  return async function harvestSource({ sourceId, trigger }: { sourceId: string; trigger: 'schedule' | 'manual' }): Promise<JobOutcome> {
    if (!(await createHarvestStore(archive.db).get(sourceId))) return skipped(`harvest source ${sourceId} was deleted`);
    const summary = await runHarvest(archive, sourceId, { trigger });
    if (summary.skipped) return skipped(summary.skipped);
    // Recorded on the run and the source; the next scheduled run tries again (the client already retried).
    if (summary.error) return failed(summary.error);
    return DONE;
  };
}

/** Queues one run of a source; the same (source, key) queued twice is one job. */
export function queueHarvestRun(jobs: Pick<JobQueue, 'enqueue'>, sourceId: string, trigger: 'schedule' | 'manual', key: string) {
  return jobs.enqueue('harvest.run', `${sourceId}:${key}`, { sourceId, trigger }, { priority: JOB_PRIORITY.backfill, requeueFailed: true, runNow: trigger === 'manual' });
}

/** Queues the schedule's check now and every quarter hour while the process runs; returns the function that stops it. */
export function scheduleHarvests(jobs: Pick<JobQueue, 'enqueue'>, everyMs = SCHEDULE_EVERY_MS): () => void {
  const queue = () => jobs.enqueue('harvest.schedule', scheduleSlot(), { slot: scheduleSlot() }, { priority: JOB_PRIORITY.backfill }).catch(() => undefined);
  void queue();
  const timer = setInterval(() => void queue(), everyMs);
  timer.unref();
  return () => { clearInterval(timer); };
}
