import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { expectCompleteArchive, killStragglers, makeImages, runDisan } from '../support/crash.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startS3Server, type TestS3Server } from '../support/s3-server.ts';

const FILES = 60;

/**
 * The production shape under crashes: PostgreSQL catalog, S3 storage (s3rver), and
 * two separate `disan worker` processes sharing the queue with the ingest. One worker
 * and the ingest are SIGKILLed mid-batch; a fresh ingest run and the surviving worker
 * finish; the job the dead worker held is taken back once its lease (10 s here) runs out. No job
 * may be completed twice, no file stored twice, nothing orphaned.
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

  it('finishes every file exactly once after a worker and the ingest die', async () => {
    const doomedWorker = runDisan(['worker'], env, { afterLines: 3 });
    const survivor = runDisan(['worker'], env);
    const firstIngest = await runDisan(['ingest', folder], env, { afterLines: 25 }).done;
    expect(firstIngest.signal, `exit ${String(firstIngest.code)} after ${firstIngest.lines.length} lines:\n${firstIngest.output.slice(-3000)}`).toBe('SIGKILL');

    const last = await runDisan(['ingest', folder], env).done;
    expect(last.output).not.toMatch(/^failed /m);
    expect(last.code, last.output).toBe(0);
    // The doomed worker died after its third job (or dies now, if the others were faster).
    doomedWorker.kill();
    survivor.kill();
    const [doomed, survived] = await Promise.all([doomedWorker.done, survivor.done]);
    expect(doomed.signal).toBe('SIGKILL');

    // Each job is reported done by at most one process: leases and SKIP LOCKED hold.
    const completions = [...doomed.lines, ...survived.lines].filter((line) => line.startsWith('done ')).map((line) => line.split(/\s+/)[1]);
    expect(completions.length).toBeGreaterThan(0);
    expect(new Set(completions).size).toBe(completions.length);

    // Whatever the dead worker held is taken back once its lease ends; drain the queue.
    const drain = await runDisan(['worker', '--once'], env).done;
    expect(drain.code, drain.output).toBe(0);
    completions.push(...drain.lines.filter((line) => line.startsWith('done ')).map((line) => line.split(/\s+/)[1]));
    expect(new Set(completions).size).toBe(completions.length);

    const archive = await openArchive(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      await expectCompleteArchive(archive, FILES);
    } finally {
      await archive.close();
    }
  }, 600_000);
});
