import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { expectCompleteArchive, killStragglers, makeImages, runDisan } from '../support/crash.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startS3Server, type TestS3Server } from '../support/s3-server.ts';

const FILES = 60;

/**
 * The production shape under crashes: PostgreSQL catalog, S3 storage (s3rver), and
 * two separate `disan worker` processes sharing the queue with the ingest. One worker is
 * SIGKILLed while the queue shows it holding a job, the ingest mid-batch; a fresh ingest
 * run and the surviving worker finish; the jobs the dead worker held are taken back once
 * their lease (10 s here) runs out and finished by another worker. No job may be completed
 * twice, no file stored twice, nothing orphaned.
 */
describe('workers and ingest killed with SIGKILL mid-batch (PostgreSQL + S3)', () => {
  let postgres: TestPostgres;
  let s3: TestS3Server;
  let work: string;
  let folder: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    [postgres, s3] = await Promise.all([startPostgres(), startS3Server('disan-crash-test')]);
    work = await mkdtemp(join(tmpdir(), 'disan-crash-prod-'));
    folder = join(work, 'photos');
    await makeImages(folder, FILES);
    env = {
      DISAN_DATA_DIR: join(work, 'data'),
      // A short lease, so the job a killed worker held is taken back within the test.
      DISAN_JOB_LEASE_SECONDS: '10',
      DATABASE_URL: postgres.url,
      DISAN_STORAGE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    };
  }, 120_000);

  afterAll(async () => {
    killStragglers();
    await Promise.all([postgres.close(), s3.close()]);
    await rm(work, { recursive: true, force: true });
  });

  it('finishes every file exactly once after a worker dies holding a job and the ingest dies', async () => {
    const archive = await openArchive(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      // The ingest dies first, with jobs queued and in flight. Its own worker wakes the
      // moment it queues work, so beside it another worker may never win a job: the doomed
      // worker then runs alone, and must hold one (queued, or taken back after the lease).
      const firstIngest = await runDisan(['ingest', folder], env, { afterLines: 8 }).done;
      expect(firstIngest.signal, `exit ${String(firstIngest.code)} after ${firstIngest.lines.length} lines:\n${firstIngest.output.slice(-3000)}`).toBe('SIGKILL');
      const doomedWorker = runDisan(['worker'], env);
      // The worker is killed while the queue shows it holding a job (its id names its pid).
      const heldBy = async (pid: number) => (await archive.jobs.list({ status: 'running', limit: 1_000 })).filter((job) => job.lockedBy?.split(':')[1] === String(pid));
      const deadline = Date.now() + 120_000;
      while ((await heldBy(doomedWorker.pid)).length === 0) {
        if (Date.now() > deadline) throw new Error('the doomed worker never held a job');
        await sleep(5);
      }
      doomedWorker.kill();
      const doomed = await doomedWorker.done;
      expect(doomed.signal).toBe('SIGKILL');
      // What it still holds now, dead, it held when it died: nobody else may take a job before its lease ends.
      const held = await heldBy(doomedWorker.pid);
      expect(held.length, 'jobs the killed worker held when it died').toBeGreaterThan(0);

      const survivor = runDisan(['worker'], env);
      const last = await runDisan(['ingest', folder], env).done;
      expect(last.output).not.toMatch(/^failed /m);
      expect(last.code, last.output).toBe(0);
      survivor.kill();
      const survived = await survivor.done;

      // Each job is reported done by at most one process: leases and SKIP LOCKED hold.
      const completions = [...doomed.lines, ...survived.lines].filter((line) => line.startsWith('done ')).map((line) => line.split(/\s+/)[1]);
      expect(new Set(completions).size).toBe(completions.length);

      // Whatever is still queued (the dead worker's jobs once their lease ends) is drained.
      const drain = await runDisan(['worker', '--once'], env).done;
      expect(drain.code, drain.output).toBe(0);
      completions.push(...drain.lines.filter((line) => line.startsWith('done ')).map((line) => line.split(/\s+/)[1]));
      expect(completions.length).toBeGreaterThan(0);
      expect(new Set(completions).size).toBe(completions.length);

      // The dead worker's jobs were taken back only after their lease ran out, and finished by another.
      for (const job of held) {
        const after = await archive.jobs.get(job.id);
        expect(after, job.id).toMatchObject({ status: 'done', lockedBy: null });
        expect(after!.attempts, `${job.id} claimed again`).toBeGreaterThan(job.attempts);
        expect(Date.parse(after!.finishedAt!), `${job.id} finished after its lease (until ${job.lockedUntil!}) ran out`).toBeGreaterThan(Date.parse(job.lockedUntil!));
        expect(doomed.lines.some((line) => line.split(/\s+/)[1] === job.id)).toBe(false);
      }

      await expectCompleteArchive(archive, FILES);
    } finally {
      await archive.close();
    }
  }, 600_000);
});
