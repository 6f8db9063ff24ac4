import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DisanError, isOutOfSpace } from '../errors.ts';
import { validate } from '../catalog/validate.ts';
import type { JobQueue } from './queue.ts';
import { JOB_CONCURRENCY, JOB_PAYLOADS, JOB_TYPES, isJobType, type Job, type JobOutcome, type JobPayloads, type JobType } from './types.ts';

export type JobHandler<T extends JobType> = (payload: JobPayloads[T], job: Job<T>, signal?: AbortSignal) => Promise<JobOutcome>;
/** Exactly one handler per job type. */
export type JobHandlers = { [T in JobType]: JobHandler<T> };

export type WorkerEvent =
  | { type: 'started'; job: Job; workerId: string }
  /** Done, or skipped with its reason (nothing left to do). */
  | { type: 'completed'; job: Job; ms: number; outcome: JobOutcome }
  | { type: 'retrying'; job: Job; error: string; runAfter: string }
  /** Failed for good: out of attempts, or a permanent problem with the input (`permanent`). */
  | { type: 'failed'; job: Job; error: string; permanent?: boolean }
  /** The lease ran out while the handler was busy; another worker may have taken the job. */
  | { type: 'lease-lost'; job: Job }
  /** The queue itself failed (database unreachable...); the worker waits and tries again. */
  | { type: 'error'; error: unknown };

export interface WorkerOptions {
  queue: JobQueue;
  handlers: JobHandlers;
  /** Jobs run at once by this worker (default 2). */
  concurrency?: number;
  /** Lower limits for some types, e.g. one video transcode at a time (default JOB_CONCURRENCY). */
  perType?: Partial<Record<JobType, number>>;
  /** Stop claiming; resolves once running jobs have finished. */
  signal?: AbortSignal;
  /** Resolve as soon as no job of these types is queued or running anywhere. */
  stopWhenIdle?: boolean;
  /** Wait between polls when the queue is empty (default 1 s). */
  pollMs?: number;
  /** How long a claimed job is ours before others may reclaim it; renewed while it runs (default 5 min). */
  leaseMs?: number;
  workerId?: string;
  onEvent?: (event: WorkerEvent) => void;
  /**
   * A job that finds the disk full: `postpone` (default, for serving and worker processes)
   * tries it again after `outOfSpaceDelayMs` (30 s) as long as it takes, spending no
   * attempt; `retry` treats it like any other failure, for a `disan ingest` run that
   * must end and report (its next run takes the file again).
   */
  outOfSpace?: 'postpone' | 'retry';
  outOfSpaceDelayMs?: number;
}

export interface WorkerSummary {
  completed: number;
  failed: number;
  retried: number;
}

/** Throws, listing every problem, unless there is exactly one handler per job type. */
export function checkHandlers(handlers: Record<string, unknown>): void {
  const problems = [
    ...JOB_TYPES.filter((type) => typeof handlers[type] !== 'function').map((type) => `no handler for job type "${type}"`),
    ...Object.keys(handlers).filter((name) => !isJobType(name)).map((name) => `handler "${name}" is not a job type (known: ${JOB_TYPES.join(', ')})`),
  ];
  if (problems.length > 0) throw new DisanError(`Cannot start the worker: ${problems.join('; ')}`);
}

/**
 * Runs jobs until `signal` aborts (or, with `stopWhenIdle`, until there is nothing left).
 * Handlers must be idempotent: after a crash, a job runs again from the start.
 */
export function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  checkHandlers(options.handlers);
  return new WorkerLoop(options).run();
}

class WorkerLoop {
  readonly summary: WorkerSummary = { completed: 0, failed: 0, retried: 0 };
  readonly running = new Map<string, Promise<void>>();
  readonly runningByType = new Map<JobType, number>();
  readonly options: WorkerOptions;
  readonly workerId: string;
  readonly leaseMs: number;
  readonly concurrency: number;
  /** Set when something happened (a job finished, stop was asked) that should end the current sleep. */
  woken = false;
  wakeSleeper: () => void = () => undefined;

  constructor(options: WorkerOptions) {
    this.options = options;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 300_000;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  async run(): Promise<WorkerSummary> {
    const { signal } = this.options;
    const onAbort = () => { this.wake(); };
    signal?.addEventListener('abort', onAbort);
    // Work queued by this process wakes the worker at once, so the poll can be slow:
    // polling an in-process PGlite every 100 ms cost as much CPU as a transcode's share.
    const unsubscribe = this.options.queue.onEnqueued(() => { this.wake(); });
    try {
      while (!signal?.aborted) {
        const types = this.freeTypes();
        const job = types.length > 0 ? await this.claim(types) : null;
        if (job) {
          this.start(job);
          continue;
        }
        if (this.options.stopWhenIdle && this.running.size === 0 && (await this.pending()) === 0) break;
        await this.sleep();
      }
    } finally {
      unsubscribe();
      signal?.removeEventListener('abort', onAbort);
      // Graceful stop: nothing new is claimed, but every claimed job is finished and recorded.
      await Promise.allSettled(this.running.values());
    }
    return this.summary;
  }

  /** Types with room under both the global and the per-type limit. */
  freeTypes(): JobType[] {
    if (this.running.size >= this.concurrency) return [];
    return JOB_TYPES.filter((type) => (this.runningByType.get(type) ?? 0) < (this.options.perType?.[type] ?? JOB_CONCURRENCY[type] ?? this.concurrency));
  }

  async claim(types: JobType[]): Promise<Job | null> {
    try {
      return await this.options.queue.claim(types, this.workerId, this.leaseMs);
    } catch (error) {
      this.emit({ type: 'error', error });
      return null;
    }
  }

  async pending(): Promise<number> {
    try {
      return await this.options.queue.pending();
    } catch (error) {
      this.emit({ type: 'error', error });
      return 1;
    }
  }

  /** Waits for the poll interval, a finished job (a slot is free), new work queued here or the stop signal, whichever comes first. */
  sleep(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.woken = false;
        this.wakeSleeper = () => undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollMs ?? 1_000);
      this.wakeSleeper = done;
    });
  }

  wake(): void {
    this.woken = true;
    this.wakeSleeper();
  }

  start(job: Job): void {
    this.runningByType.set(job.type, (this.runningByType.get(job.type) ?? 0) + 1);
    // execute() never rejects: every outcome, errors included, is recorded in the queue.
    const done = this.execute(job).finally(() => {
      this.running.delete(job.id);
      this.runningByType.set(job.type, (this.runningByType.get(job.type) ?? 1) - 1);
      this.wake();
    });
    this.running.set(job.id, done);
  }

  async execute(job: Job): Promise<void> {
    this.emit({ type: 'started', job, workerId: this.workerId });
    const started = performance.now();
    const heartbeat = setInterval(() => void this.renewLease(job), Math.max(10, this.leaseMs / 3));
    try {
      const outcome = await this.handle(job);
      clearInterval(heartbeat);
      await this.record(job, outcome, performance.now() - started);
    } catch (error) {
      clearInterval(heartbeat);
      await this.recordFailure(job, error);
    }
  }

  /** The one place a handler's outcome becomes the job's state. */
  async record(job: Job, outcome: JobOutcome, ms: number): Promise<void> {
    if (outcome.status === 'failed') {
      const after = await this.options.queue.fail(job.id, outcome.reason, { workerId: this.workerId, retry: false });
      if (!after) {
        this.emit({ type: 'lease-lost', job });
        return;
      }
      this.summary.failed++;
      this.emit({ type: 'failed', job: after, error: outcome.reason, permanent: true });
    } else if (await this.options.queue.complete(job.id, this.workerId)) {
      this.summary.completed++;
      this.emit({ type: 'completed', job, ms, outcome });
    } else {
      this.emit({ type: 'lease-lost', job });
    }
  }

  handle(job: Job): Promise<JobOutcome> {
    const payload = validate(JOB_PAYLOADS[job.type], job.payload, `${job.type} payload`);
    // One handler per type, so the pairing is right; TypeScript cannot follow it through the union.
    const handler = this.options.handlers[job.type] as JobHandler<JobType>;
    return handler(payload, job);
  }

  async recordFailure(job: Job, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      if (isOutOfSpace(error) && this.options.outOfSpace !== 'retry') {
        // A full disk says nothing about the job: wait for space without using up attempts.
        const after = await this.options.queue.postpone(job.id, reason, { workerId: this.workerId, delayMs: this.options.outOfSpaceDelayMs ?? 30_000 });
        if (!after) this.emit({ type: 'lease-lost', job });
        else {
          this.summary.retried++;
          this.emit({ type: 'retrying', job: after, error: reason, runAfter: after.runAfter });
        }
        return;
      }
      const after = await this.options.queue.fail(job.id, reason, { workerId: this.workerId });
      if (!after) this.emit({ type: 'lease-lost', job });
      else if (after.status === 'queued') {
        this.summary.retried++;
        this.emit({ type: 'retrying', job: after, error: reason, runAfter: after.runAfter });
      } else {
        this.summary.failed++;
        this.emit({ type: 'failed', job: after, error: reason });
      }
    } catch (queueError) {
      // The lease will run out and the job will be tried again.
      this.emit({ type: 'error', error: queueError });
    }
  }

  async renewLease(job: Job): Promise<void> {
    try {
      if (!(await this.options.queue.heartbeat(job.id, this.workerId, this.leaseMs))) this.emit({ type: 'lease-lost', job });
    } catch (error) {
      this.emit({ type: 'error', error });
    }
  }

  emit(event: WorkerEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A broken listener must not stop the worker or leave a job half recorded.
    }
  }
}
