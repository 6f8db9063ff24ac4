import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { IMAGE_RENDITIONS } from '../../ingest/src/media/renditions.ts';
import { expectCompleteArchive, killStragglers, makeImages, runDisan, type KillPoint, type Run } from '../support/crash.ts';

const FILES = 100;

/**
 * The crash test on embedded defaults: SIGKILL `disan ingest` (and the job
 * worker inside it) at several moments of a 100-file batch, then run it to the end:
 * every file ingested exactly once, every derivative complete, nothing orphaned.
 */
describe('ingest killed with SIGKILL mid-batch (embedded)', () => {
  let work: string;
  let folder: string;
  let dataDir: string;
  const runs: Run[] = [];

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
    for (const point of killPoints) {
      const run = await runDisan(['ingest', folder], { DISAN_DATA_DIR: dataDir }, point).done;
      runs.push(run);
      // A run may finish before its kill point on a fast machine; it must never fail a file.
      expect(run.output, JSON.stringify(point)).not.toMatch(/^failed /m);
    }
    const summary = runs.map((run) => `${run.signal ?? run.code} after ${run.lines.length} files`).join(', ');
    expect(runs.filter((run) => run.signal === 'SIGKILL').length, summary).toBeGreaterThanOrEqual(4);
    const last = await runDisan(['ingest', folder], { DISAN_DATA_DIR: dataDir }).done;
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
