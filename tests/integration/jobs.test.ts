import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StorageFullError } from '@disan/ingest';
import { createJobQueue, DONE, failed, JOB_PRIORITY, JOB_TYPES, type JobHandlers, type JobQueue, runWorker, skipped, type WorkerEvent } from '@disan/ingest/jobs';
import { createTestDatabase, DRIVERS, uniqueId, type TestDatabase } from './drivers.ts';

const TYPE = 'image.derivatives';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Handlers for the test's one job type; every other type has one that must never run. */
function handlersWith(handler: JobHandlers[typeof TYPE]): JobHandlers {
  const never = () => Promise.reject(new Error('no job of this type was queued in this test'));
  return { ...(Object.fromEntries(JOB_TYPES.map((type) => [type, never])) as unknown as JobHandlers), [TYPE]: handler };
}

describe.each(DRIVERS)('job queue (%s)', (driver) => {
  let t: TestDatabase;
  let queue: JobQueue;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(() => t.dispose());
  // Every test starts from an empty queue: claims take whatever is first.
  beforeEach(async () => {
    await t.db.query('DELETE FROM jobs');
    queue = createJobQueue(t.db, { backoffMs: 100 });
  });

  const enqueue = (key = uniqueId('m'), priority?: number) => queue.enqueue(TYPE, key, { mediaId: key }, priority === undefined ? {} : { priority });

  it('treats the same work queued twice as one job, and leaves a done job done', async () => {
    const first = await enqueue('m-1');
    const second = await enqueue('m-1');
    expect([first.created, second.created]).toEqual([true, false]);
    expect(first.job.id).toBe('image.derivatives:m-1');
    const claimed = await queue.claim([TYPE], 'w', 60_000);
    await queue.complete(claimed!.id, 'w');
    expect((await enqueue('m-1')).job.status).toBe('done');
    expect((await queue.list()).map((j) => j.id)).toEqual(['image.derivatives:m-1']);
  });

  it('rejects a payload that does not match its type', async () => {
    await expect(queue.enqueue(TYPE, 'x', { mediaId: 'Not An Id' })).rejects.toMatchObject({ problems: [{ path: '/mediaId' }] });
  });

  it('claims by priority, then by age, and raises a queued job\'s priority', async () => {
    await enqueue('backfill-1', JOB_PRIORITY.backfill);
    await enqueue('normal-1');
    await enqueue('backfill-2', JOB_PRIORITY.backfill);
    await enqueue('backfill-2', JOB_PRIORITY.upload);
    const order: string[] = [];
    for (let job = await queue.claim([TYPE], 'w', 60_000); job; job = await queue.claim([TYPE], 'w', 60_000)) order.push(job.id);
    expect(order).toEqual(['backfill-2', 'normal-1', 'backfill-1'].map((k) => `${TYPE}:${k}`));
  });

  it('never gives one job to two workers claiming at once', async () => {
    for (let i = 0; i < 10; i++) await enqueue();
    const other = createJobQueue(await t.connect());
    const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? queue : other).claim([TYPE], `w${i}`, 60_000)));
    const ids = claims.filter((j) => j !== null).map((j) => j.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  it('reclaims a running job whose lease expired, and ignores the old worker', async () => {
    await enqueue('crash');
    const first = await queue.claim([TYPE], 'dead', 50);
    expect(await queue.claim([TYPE], 'alive', 60_000)).toBeNull();
    await sleep(120);
    const again = await queue.claim([TYPE], 'alive', 60_000);
    expect(again).toMatchObject({ id: first!.id, attempts: 2, lockedBy: 'alive' });
    expect(await queue.complete(first!.id, 'dead')).toBe(false);
    expect(await queue.complete(first!.id, 'alive')).toBe(true);
  });

  it('retries with exponential backoff, then fails keeping the reason', async () => {
    await enqueue('flaky');
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      let job = await queue.claim([TYPE], 'w', 60_000);
      while (!job) {
        await sleep(20);
        job = await queue.claim([TYPE], 'w', 60_000);
      }
      expect(job.attempts).toBe(attempt);
      const after = await queue.fail(job.id, `boom ${attempt}`, { workerId: 'w' });
      if (after?.status === 'queued') gaps.push(Date.parse(after.runAfter) - Date.parse(after.updatedAt));
    }
    expect(gaps.map((g) => Math.round(g))).toEqual([100, 200]);
    const failed = await queue.get(`${TYPE}:flaky`);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'boom 3' });
    expect(await queue.claim([TYPE], 'w', 60_000)).toBeNull();
    expect((await enqueue('flaky')).job.status).toBe('failed');
    expect((await queue.enqueue(TYPE, 'flaky', { mediaId: 'flaky' }, { requeueFailed: true })).job).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('fails a job whose worker died on every attempt, and retryFailed queues it again', async () => {
    await queue.enqueue(TYPE, 'poison', { mediaId: 'poison' }, { maxAttempts: 1 });
    await queue.claim([TYPE], 'dead', 10);
    await sleep(50);
    expect(await queue.claim([TYPE], 'w', 60_000)).toBeNull();
    expect(await queue.get(`${TYPE}:poison`)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/lease expired/) as unknown });
    expect((await queue.counts())[TYPE]).toEqual({ queued: 0, running: 0, done: 0, failed: 1 });
    expect(await queue.retryFailed(TYPE)).toBe(1);
    expect(await queue.pending()).toBe(1);
  });

  describe('worker', () => {
    it('refuses to start without exactly one handler per job type', () => {
      expect(() => runWorker({ queue, handlers: {} as JobHandlers })).toThrow(/no handler for job type "image.derivatives"/);
      const extra = { [TYPE]: () => Promise.resolve(), 'video.transcode': () => Promise.resolve() } as unknown as JobHandlers;
      expect(() => runWorker({ queue, handlers: extra })).toThrow(/"video.transcode" is not a job type/);
    });

    it('starts work queued in its own process at once, without waiting for its next poll', async () => {
      const controller = new AbortController();
      const done: string[] = [];
      const handlers = handlersWith((payload) => {
        done.push(payload.mediaId);
        return Promise.resolve(DONE);
      });
      const worker = runWorker({ queue, handlers, pollMs: 60_000, signal: controller.signal });
      await sleep(100);
      const queuedAt = performance.now();
      await enqueue('wake-1');
      for (let waited = 0; done.length === 0 && waited < 5_000; waited += 10) await sleep(10);
      const startedAfter = performance.now() - queuedAt;
      controller.abort();
      await worker;
      expect(done).toEqual(['wake-1']);
      expect(startedAfter, 'ms from enqueue to the handler, with a one-minute poll').toBeLessThan(5_000);
    });

    it('runs every job exactly once across two workers, within the concurrency limit', async () => {
      const keys = Array.from({ length: 24 }, (_, i) => `job-${i}`);
      for (const key of keys) await enqueue(key);
      const runs = new Map<string, number>();
      let active = 0;
      let peak = 0;
      const handlers = handlersWith(async ({ mediaId }) => {
        active++;
        peak = Math.max(peak, active);
        runs.set(mediaId, (runs.get(mediaId) ?? 0) + 1);
        await sleep(5);
        active--;
        return DONE;
      });
      const otherQueue = createJobQueue(await t.connect());
      const summaries = await Promise.all([
        runWorker({ queue, handlers, concurrency: 3, stopWhenIdle: true, pollMs: 10 }),
        runWorker({ queue: otherQueue, handlers, concurrency: 3, perType: { [TYPE]: 2 }, stopWhenIdle: true, pollMs: 10 }),
      ]);
      expect([...runs.keys()].sort()).toEqual([...keys].sort());
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      expect(summaries.reduce((sum, s) => sum + s.completed, 0)).toBe(keys.length);
      expect(peak).toBeLessThanOrEqual(5);
      expect((await queue.counts())[TYPE]?.done).toBe(keys.length);
    });

    it('records a throwing handler\'s message, retrying until it fails for good', async () => {
      await enqueue('broken');
      const events: WorkerEvent['type'][] = [];
      const summary = await runWorker({
        queue,
        handlers: handlersWith(() => Promise.reject(new Error('corrupt JPEG'))),
        stopWhenIdle: true,
        pollMs: 10,
        onEvent: (event) => events.push(event.type),
      });
      expect(summary).toEqual({ completed: 0, retried: 2, failed: 1 });
      expect(events.filter((e) => e !== 'started')).toEqual(['retrying', 'retrying', 'failed']);
      expect(await queue.get(`${TYPE}:broken`)).toMatchObject({ status: 'failed', lastError: 'corrupt JPEG' });
    });

    it('records each outcome in one place: done and skipped complete the job, a permanent failure fails it at once with its reason', async () => {
      for (const key of ['good', 'gone', 'damaged']) await enqueue(key);
      const outcomes = { good: DONE, gone: skipped('the media no longer exists'), damaged: failed('the JPEG is truncated') };
      const events: WorkerEvent[] = [];
      const summary = await runWorker({
        queue,
        handlers: handlersWith(({ mediaId }) => Promise.resolve(outcomes[mediaId as keyof typeof outcomes])),
        stopWhenIdle: true,
        pollMs: 10,
        onEvent: (event) => events.push(event),
      });
      expect(summary).toEqual({ completed: 2, retried: 0, failed: 1 });
      expect(await queue.get(`${TYPE}:good`)).toMatchObject({ status: 'done', lastError: null });
      expect(await queue.get(`${TYPE}:gone`)).toMatchObject({ status: 'done' });
      // A damaged file will not mend itself: one attempt, no retries, the reason kept.
      expect(await queue.get(`${TYPE}:damaged`)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'the JPEG is truncated' });
      const completed = events.flatMap((e) => (e.type === 'completed' ? [e.outcome] : []));
      expect(completed).toEqual(expect.arrayContaining([DONE, skipped('the media no longer exists')]));
      expect(events.find((e) => e.type === 'failed')).toMatchObject({ error: 'the JPEG is truncated', permanent: true });
    });

    it('postpones a job that found the disk full without spending its attempts, however often', async () => {
      await enqueue('full');
      let calls = 0;
      const full = () => {
        calls++;
        return calls <= 5 ? Promise.reject(new StorageFullError('no space left on the device holding /data (0 MB free)')) : Promise.resolve(DONE);
      };
      const summary = await runWorker({ queue, handlers: handlersWith(full), stopWhenIdle: true, pollMs: 10, outOfSpaceDelayMs: 20 });
      // Five full-disk failures with three attempts allowed: still done, on its first counted attempt.
      expect(summary).toEqual({ completed: 1, retried: 5, failed: 0 });
      expect(await queue.get(`${TYPE}:full`)).toMatchObject({ status: 'done', attempts: 1 });
    });

    it('runs fresh uploads before backfills queued earlier', async () => {
      await enqueue('old-1', JOB_PRIORITY.backfill);
      await enqueue('old-2', JOB_PRIORITY.backfill);
      await enqueue('fresh', JOB_PRIORITY.upload);
      const order: string[] = [];
      await runWorker({ queue, handlers: handlersWith(({ mediaId }) => { order.push(mediaId); return Promise.resolve(DONE); }), concurrency: 1, stopWhenIdle: true, pollMs: 10 });
      expect(order).toEqual(['fresh', 'old-1', 'old-2']);
    });

    it('stops on abort after finishing the job in hand, claiming nothing more', async () => {
      await enqueue('slow-1');
      await enqueue('slow-2');
      const controller = new AbortController();
      const finished: string[] = [];
      const summary = await runWorker({
        queue,
        concurrency: 1,
        pollMs: 10,
        signal: controller.signal,
        handlers: handlersWith(async ({ mediaId }) => {
          controller.abort();
          await sleep(50);
          finished.push(mediaId);
          return DONE;
        }),
      });
      expect(finished).toEqual(['slow-1']);
      expect(summary.completed).toBe(1);
      expect((await queue.get(`${TYPE}:slow-2`))?.status).toBe('queued');
    });
  });
});
