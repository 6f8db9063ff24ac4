import type { Row, Sql } from '../database/database.ts';
import { isoDate } from '../catalog/rows.ts';
import { validate } from '../catalog/validate.ts';
import { JOB_PAYLOADS, JOB_PRIORITY, JOB_STATUSES, JOB_TYPES, type Job, type JobPayloads, type JobStatus, type JobType } from './types.ts';

export interface JobQueueOptions {
  /** Attempts before a job is marked failed (default 3). */
  maxAttempts?: number;
  /** Wait before the first retry; doubles with each attempt (default 5 s). */
  backoffMs?: number;
  /** Longest wait between retries (default 1 h). */
  maxBackoffMs?: number;
}

export interface EnqueueOptions {
  priority?: number;
  maxAttempts?: number;
  /** Queue a job that failed for good once more, from zero attempts. */
  requeueFailed?: boolean;
  /** A person is waiting for it: a queued job waiting out a retry delay becomes due now. */
  runNow?: boolean;
}

export type JobCounts = Record<string, Record<JobStatus, number>>;

const MAX_REASON_LENGTH = 10_000;

/**
 * The durable queue, in the catalog database. A job's id is `${type}:${key}`, so the
 * same work queued twice is one job. Workers claim with FOR UPDATE SKIP LOCKED and
 * hold a lease; a job whose lease runs out (its worker died) is claimed again.
 */
export function createJobQueue(sql: Sql, options: JobQueueOptions = {}) {
  const maxAttempts = options.maxAttempts ?? 3;
  const backoffMs = options.backoffMs ?? 5_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  /** Workers of this process, told of new work at once instead of finding it at their next poll. */
  const enqueueListeners = new Set<() => void>();

  return {
    /**
     * Calls `listener` whenever this process queues (or re-queues) a job; returns the
     * unsubscribe function. Workers in other processes still find the job by polling.
     */
    onEnqueued(listener: () => void): () => void {
      enqueueListeners.add(listener);
      return () => { enqueueListeners.delete(listener); };
    },

    /**
     * Queues work unless the same job exists. A queued job only has its priority raised;
     * a running or done one is left alone; a failed one too, unless `requeueFailed`.
     */
    async enqueue<T extends JobType>(type: T, key: string, payload: JobPayloads[T], opts: EnqueueOptions = {}): Promise<{ job: Job<T>; created: boolean }> {
      validate(JOB_PAYLOADS[type], payload, `${type} payload`);
      const id = `${type}:${key}`;
      const [row] = await sql.query(
        `INSERT INTO jobs (id, type, payload, status, priority, max_attempts) VALUES ($1, $2, $3::jsonb, 'queued', $4, $5)
         ON CONFLICT (id) DO UPDATE SET
           priority = CASE WHEN jobs.status = 'failed' THEN EXCLUDED.priority ELSE LEAST(jobs.priority, EXCLUDED.priority) END,
           payload = CASE WHEN jobs.status = 'failed' THEN EXCLUDED.payload ELSE jobs.payload END,
           max_attempts = CASE WHEN jobs.status = 'failed' THEN EXCLUDED.max_attempts ELSE jobs.max_attempts END,
           attempts = CASE WHEN jobs.status = 'failed' THEN 0 ELSE jobs.attempts END,
           run_after = CASE WHEN jobs.status = 'failed' OR $7 THEN LEAST(jobs.run_after, now()) ELSE jobs.run_after END,
           finished_at = CASE WHEN jobs.status = 'failed' THEN NULL ELSE jobs.finished_at END,
           status = CASE WHEN jobs.status = 'failed' THEN 'queued' ELSE jobs.status END,
           updated_at = now()
         WHERE (jobs.status = 'failed' AND $6) OR (jobs.status = 'queued' AND (EXCLUDED.priority < jobs.priority OR ($7 AND jobs.run_after > now())))
         RETURNING *, (xmax = 0) AS inserted`,
        [id, type, JSON.stringify(payload), opts.priority ?? JOB_PRIORITY.normal, opts.maxAttempts ?? maxAttempts, opts.requeueFailed ?? false, opts.runNow ?? false],
      );
      if (row) {
        for (const listener of enqueueListeners) listener();
        return { job: toJob(row) as Job<T>, created: row.inserted === true };
      }
      const [existing] = await sql.query('SELECT * FROM jobs WHERE id = $1', [id]);
      return { job: toJob(existing!) as Job<T>, created: false };
    },

    /**
     * Takes the next job of these types for `workerId`, by priority then age, or null.
     * A running job whose lease has expired counts as available: its worker crashed.
     */
    async claim(types: readonly JobType[], workerId: string, leaseMs: number): Promise<Job | null> {
      if (types.length === 0) return null;
      await failAbandoned(sql, types);
      const [row] = await sql.query(
        `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $2,
           locked_until = now() + $3::double precision * interval '1 millisecond', updated_at = now()
         WHERE id = (
           SELECT id FROM jobs
           WHERE type = ANY($1::text[])
             AND ((status = 'queued' AND run_after <= now()) OR (status = 'running' AND locked_until < now()))
           ORDER BY priority, created_at, id
           LIMIT 1
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [types, workerId, leaseMs],
      );
      return row ? toJob(row) : null;
    },

    /**
     * Ends every lease now, so running jobs are claimed again at once. Only for a
     * process that knows it is the only worker (embedded PGlite is single-process):
     * after a crash, its jobs would otherwise wait out their lease.
     */
    async expireLeases(): Promise<number> {
      const rows = await sql.query(`UPDATE jobs SET locked_until = now() - interval '1 millisecond' WHERE status = 'running' RETURNING id`);
      return rows.length;
    },

    /** Extends the lease of a long job; false if this worker no longer holds it. */
    async heartbeat(id: string, workerId: string, leaseMs: number): Promise<boolean> {
      const rows = await sql.query(
        `UPDATE jobs SET locked_until = now() + $3::double precision * interval '1 millisecond'
         WHERE id = $1 AND status = 'running' AND locked_by = $2 RETURNING id`,
        [id, workerId, leaseMs],
      );
      return rows.length > 0;
    },

    /** Marks the job done; false if `workerId` is given and no longer holds it (its lease ran out). */
    async complete(id: string, workerId?: string): Promise<boolean> {
      const rows = await sql.query(
        `UPDATE jobs SET status = 'done', finished_at = now(), locked_by = NULL, locked_until = NULL, updated_at = now()
         WHERE id = $1 AND status = 'running' AND ($2::text IS NULL OR locked_by = $2) RETURNING id`,
        [id, workerId ?? null],
      );
      return rows.length > 0;
    },

    /**
     * Records a failed attempt: queued again after an exponential backoff, or failed
     * for good (keeping the reason) once `maxAttempts` is reached or `retry` is false.
     * Returns the job as it now is, or null if `workerId` no longer holds it.
     */
    async fail(id: string, reason: string, opts: { workerId?: string; retry?: boolean } = {}): Promise<Job | null> {
      const [row] = await sql.query(
        `UPDATE jobs SET
           status = CASE WHEN $5 AND attempts < max_attempts THEN 'queued' ELSE 'failed' END,
           run_after = CASE WHEN $5 AND attempts < max_attempts
             THEN now() + LEAST($3::double precision * power(2, GREATEST(attempts - 1, 0)), $4::double precision) * interval '1 millisecond'
             ELSE run_after END,
           finished_at = CASE WHEN $5 AND attempts < max_attempts THEN NULL ELSE now() END,
           last_error = $2, locked_by = NULL, locked_until = NULL, updated_at = now()
         WHERE id = $1 AND status = 'running' AND ($6::text IS NULL OR locked_by = $6)
         RETURNING *`,
        [id, reason.slice(0, MAX_REASON_LENGTH), backoffMs, maxBackoffMs, opts.retry ?? true, opts.workerId ?? null],
      );
      return row ? toJob(row) : null;
    },

    /**
     * Puts a running job back in the queue after `delayMs` without spending an attempt:
     * for a cause outside the job (a full disk) that will pass, however long it takes.
     * Returns the job as it now is, or null if `workerId` no longer holds it.
     */
    async postpone(id: string, reason: string, opts: { workerId?: string; delayMs: number }): Promise<Job | null> {
      const [row] = await sql.query(
        `UPDATE jobs SET status = 'queued', attempts = GREATEST(attempts - 1, 0),
           run_after = now() + $3::double precision * interval '1 millisecond',
           last_error = $2, locked_by = NULL, locked_until = NULL, updated_at = now()
         WHERE id = $1 AND status = 'running' AND ($4::text IS NULL OR locked_by = $4)
         RETURNING *`,
        [id, reason.slice(0, MAX_REASON_LENGTH), opts.delayMs, opts.workerId ?? null],
      );
      return row ? toJob(row) : null;
    },

    /** Queues failed jobs again from zero attempts; returns how many. */
    async retryFailed(type?: JobType): Promise<number> {
      const rows = await sql.query(
        `UPDATE jobs SET status = 'queued', attempts = 0, run_after = now(), finished_at = NULL, updated_at = now()
         WHERE status = 'failed' AND ($1::text IS NULL OR type = $1) RETURNING id`,
        [type ?? null],
      );
      return rows.length;
    },

    async get(id: string): Promise<Job | null> {
      const [row] = await sql.query('SELECT * FROM jobs WHERE id = $1', [id]);
      return row ? toJob(row) : null;
    },

    /** In the order they would run. */
    async list(opts: { status?: JobStatus; type?: JobType; limit?: number } = {}): Promise<Job[]> {
      const rows = await sql.query(
        `SELECT * FROM jobs WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR type = $2)
         ORDER BY priority, created_at, id LIMIT $3`,
        [opts.status ?? null, opts.type ?? null, opts.limit ?? 100],
      );
      return rows.map(toJob);
    },

    /** Jobs per type and status, with zeros for every known type. */
    async counts(): Promise<JobCounts> {
      const counts: JobCounts = Object.fromEntries(JOB_TYPES.map((type) => [type, zeroCounts()]));
      const rows = await sql.query<{ type: string; status: JobStatus; n: number }>(
        'SELECT type, status, count(*)::int AS n FROM jobs GROUP BY type, status',
      );
      for (const { type, status, n } of rows) (counts[type] ??= zeroCounts())[status] = n;
      return counts;
    },

    /** Jobs still to do (queued, waiting for a retry, or running), for these types or all. */
    async pending(types?: readonly JobType[]): Promise<number> {
      const [row] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM jobs WHERE status IN ('queued', 'running') AND ($1::text[] IS NULL OR type = ANY($1::text[]))`,
        [types ?? null],
      );
      return row!.n;
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;

/** A job that crashed its worker on every attempt must not be retried forever. */
async function failAbandoned(sql: Sql, types: readonly JobType[]): Promise<void> {
  await sql.query(
    `UPDATE jobs SET status = 'failed', finished_at = now(), locked_by = NULL, locked_until = NULL, updated_at = now(),
       last_error = 'The worker stopped (lease expired) on each of ' || attempts || ' attempts'
         || COALESCE('; earlier error: ' || last_error, '')
     WHERE type = ANY($1::text[]) AND status = 'running' AND locked_until < now() AND attempts >= max_attempts`,
    [types],
  );
}

function zeroCounts(): Record<JobStatus, number> {
  return Object.fromEntries(JOB_STATUSES.map((status) => [status, 0])) as Record<JobStatus, number>;
}

const optionalDate = (value: unknown): string | null => (value === null || value === undefined ? null : isoDate(value));

function toJob(row: Row): Job {
  return {
    id: row.id as string,
    type: row.type as JobType,
    payload: row.payload as Job['payload'],
    status: row.status as JobStatus,
    priority: Number(row.priority),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAfter: isoDate(row.run_after),
    lockedBy: (row.locked_by as string | null) ?? null,
    lockedUntil: optionalDate(row.locked_until),
    lastError: (row.last_error as string | null) ?? null,
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
    finishedAt: optionalDate(row.finished_at),
  };
}
