import { Type, type Static, type TSchema } from 'typebox';
import { Id } from '@disan/schemas';

/** Every kind of background work. Each has exactly one handler, checked when a worker starts. */
export const JOB_TYPES = ['image.derivatives', 'video.derivatives', 'audio.derivatives', 'document.derivatives', 'document.ocr', 'captions.index', 'index.embargoes', 'accounts.token-expiry', 'upload.register', 'uploads.expire', 'harvest.schedule', 'harvest.run'] as const;
export type JobType = (typeof JOB_TYPES)[number];

/** What each job type carries; checked on enqueue and again before the handler runs. */
export const JOB_PAYLOADS = {
  'image.derivatives': Type.Object({ mediaId: Id }, { additionalProperties: false }),
  'video.derivatives': Type.Object({ mediaId: Id }, { additionalProperties: false }),
  'audio.derivatives': Type.Object({ mediaId: Id }, { additionalProperties: false }),
  'document.derivatives': Type.Object({ mediaId: Id }, { additionalProperties: false }),
  'document.ocr': Type.Object({ mediaId: Id }, { additionalProperties: false }),
  'captions.index': Type.Object({ mediaId: Id }, { additionalProperties: false }),
  /** Once a day: records whose embargo ended are re-indexed as public. */
  'index.embargoes': Type.Object({ date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, { additionalProperties: false }),
  /** Once a day: holders of personal tokens in their last 7 days are told how to renew them. */
  'accounts.token-expiry': Type.Object({ date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, { additionalProperties: false }),
  /** A finished workspace upload: registered like the command line's files, then attached to its record. */
  'upload.register': Type.Object({ uploadId: Type.String({ pattern: '^[0-9a-f]{32}$' }) }, { additionalProperties: false }),
  /** Every hour: unfinished uploads past their expiry are marked expired and their bytes removed. */
  'uploads.expire': Type.Object({ hour: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}$' }) }, { additionalProperties: false }),
  /** Every quarter hour: queues a `harvest.run` for each enabled harvest source whose interval has passed. */
  'harvest.schedule': Type.Object({ slot: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$' }) }, { additionalProperties: false }),
  /** One run of one harvest source (scheduled, or asked for in the site). */
  'harvest.run': Type.Object({ sourceId: Type.String({ pattern: '^[0-9a-f-]{36}$' }), trigger: Type.Enum(['schedule', 'manual']) }, { additionalProperties: false }),
} as const satisfies Record<JobType, TSchema>;

export type JobPayloads = { [T in JobType]: Static<(typeof JOB_PAYLOADS)[T]> };

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Most jobs of a type one worker runs at once, below its overall concurrency:
 * a transcode uses every core, so two at once only slow each other down.
 */
export const JOB_CONCURRENCY: Partial<Record<JobType, number>> = {
  'video.derivatives': 1,
  // tesseract is slow and single-threaded here: one scan at a time leaves room for fresh uploads.
  'document.ocr': 1,
  // Harvests wait on other institutions' servers at a polite pace: one at a time is enough.
  'harvest.run': 1,
};

/** Lower runs first: work a person is waiting for goes before backfills and reprocessing. */
export const JOB_PRIORITY = { upload: 0, normal: 10, backfill: 100 } as const;

export interface Job<T extends JobType = JobType> {
  id: string;
  type: T;
  payload: JobPayloads[T];
  status: JobStatus;
  priority: number;
  /** Attempts started so far, counting the running one. */
  attempts: number;
  maxAttempts: number;
  runAfter: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/**
 * What a handler reports, recorded by the worker in one place: `done` and `skipped`
 * complete the job; `failed` is a permanent problem with the input (a damaged file),
 * recorded on the job at once without retries. Errors a retry may cure (storage or
 * database unreachable) are thrown instead, and retried with backoff.
 */
export type JobOutcome = { status: 'done' } | { status: 'skipped'; reason: string } | { status: 'failed'; reason: string };

export const DONE: JobOutcome = { status: 'done' };
export const skipped = (reason: string): JobOutcome => ({ status: 'skipped', reason });
export const failed = (reason: string): JobOutcome => ({ status: 'failed', reason });

export function isJobType(value: string): value is JobType {
  return (JOB_TYPES as readonly string[]).includes(value);
}
