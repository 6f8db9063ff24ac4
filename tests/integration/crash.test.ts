import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { IMAGE_RENDITIONS } from '../../ingest/src/media/renditions.ts';
import { expectCompleteArchive, killStragglers, makeImages, runDisan, type KillPoint, type Run } from '../support/crash.ts';

const FILES = 100;
/** The lease, stated so the bound below is read against it (this is the default). */
const LEASE_SECONDS = 300;
/**
 * Every run, recoveries included, must end well inside one lease: the embedded mode takes
 * back the jobs a killed run held at start (expireLeases). Without that, a run waits out
 * the lease of a job the dead process held (317 s instead of 33 s for the whole test), and
 * a run past this bound is killed so the test fails at once, not after minutes.
 */
const RUN_BOUND_MS = (LEASE_SECONDS * 1000) / 5;

/**
 * The crash test on embedded defaults: SIGKILL `disan ingest` (and the job
 * worker inside it) at several moments of a 100-file batch, then run it to the end:
 * every file ingested exactly once, every derivative complete, nothing orphaned.
 */
type TimedRun = Run & { ms: number };

/** Times a run and kills it at the bound (its time then fails the test's assertion). */
async function boundedRun(handle: { done: Promise<Run>; kill: () => void }): Promise<TimedRun> {
  const started = performance.now();
  const deadline = setTimeout(handle.kill, RUN_BOUND_MS);
  try {
    return { ...(await handle.done), ms: performance.now() - started };
  } finally {
    clearTimeout(deadline);
  }
}

describe('ingest killed with SIGKILL mid-batch (embedded)', () => {
  let work: string;
  let folder: string;
  let dataDir: string;
  const runs: TimedRun[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'disan-crash-'));
    folder = join(work, 'photos');
    dataDir = join(work, 'data');
    await makeImages(folder, FILES);
  });
  afterAll(async () => {
    killStragglers();
    await rm(work, { recursive: true, force: true });
  });

  it('is killed at each point, then finishes on the next run without failures', async () => {
    // Kill points cover every phase: the catalog's first creation, registration of
    // originals, derivative jobs in flight, and restarts with work left over.
    const killPoints: KillPoint[] = [{ afterMs: 3_000 }, { afterLines: 5 }, { afterMs: 5_500 }, { afterLines: 30 }, { afterLines: 20 }];
    const env = { DISAN_DATA_DIR: dataDir, DISAN_JOB_LEASE_SECONDS: String(LEASE_SECONDS) };
    for (const point of killPoints) {
      const run = await boundedRun(runDisan(['ingest', folder], env, point));
      runs.push(run);
      expect(run.ms, `run ${runs.length} (${JSON.stringify(point)}) took past the bound`).toBeLessThan(RUN_BOUND_MS);
      // A run may finish before its kill point on a fast machine; it must never fail a file.
      expect(run.output, JSON.stringify(point)).not.toMatch(/^failed /m);
    }
    const summary = runs.map((run) => `${run.signal ?? run.code} after ${run.lines.length} files in ${(run.ms / 1000).toFixed(1)} s`).join(', ');
    expect(runs.filter((run) => run.signal === 'SIGKILL').length, summary).toBeGreaterThanOrEqual(4);
    const last = await boundedRun(runDisan(['ingest', folder], env));
    expect(last.ms, `the final run took past the bound (${summary})`).toBeLessThan(RUN_BOUND_MS);
    expect(last.output).not.toMatch(/^failed /m);
    expect(last.code, last.output).toBe(0);
  }, 600_000);

  it('holds every file exactly once, with every derivative complete and nothing orphaned', async () => {
    const archive = await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    try {
      await expectCompleteArchive(archive, FILES);
    } finally {
      await archive.close();
    }
  });

  it('leaves crashed writes only as hidden temp files (swept at start once stale)', async () => {
    const leftovers = await readdir(join(dataDir, 'objects', '.tmp'));
    // A killed run can leave at most its writes in flight: the originals being registered
    // and every rendition of the image jobs running (written together) at that moment.
    const concurrency = loadConfig({ DISAN_DATA_DIR: dataDir }).ingest.concurrency;
    const inFlight = concurrency + concurrency * IMAGE_RENDITIONS.length;
    const killed = runs.filter((run) => run.signal === 'SIGKILL').length;
    expect(leftovers.length).toBeLessThanOrEqual(killed * inFlight);
  });
});
