/** The durable job queue in the catalog database, its worker, and the job types. */
export { createJobQueue, type EnqueueOptions, type JobCounts, type JobQueue, type JobQueueOptions } from './queue.ts';
export { DONE, failed, JOB_PRIORITY, JOB_STATUSES, JOB_TYPES, skipped, type Job, type JobOutcome, type JobPayloads, type JobStatus, type JobType } from './types.ts';
export { checkHandlers, runWorker, type JobHandler, type JobHandlers, type WorkerEvent, type WorkerOptions, type WorkerSummary } from './worker.ts';
export { queueBackfill } from '../processing/backfill.ts';
export { createJobHandlers } from '../processing/handlers.ts';
