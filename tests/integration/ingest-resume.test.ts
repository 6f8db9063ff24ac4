import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, ingest } from '@disan/ingest';
import { emptyReport, registerFiles } from '../../ingest/src/registration/files.ts';
import { temporaryArchive } from '../support/archive.ts';
import { SAMPLE_FILES, SAMPLES } from '../support/samples.ts';

const HOA = SAMPLE_FILES.filter((file) => file.startsWith(join(SAMPLES, 'hoa')));
const HOA_PHOTOS = HOA.filter((file) => file.endsWith('.jpg'));

/**
 * An ingest cut off after the originals were stored and the jobs queued, with one
 * job claimed by a worker that died: running ingest again must finish everything,
 * exactly once, without waiting out the dead worker's lease.
 */
describe('an interrupted ingest', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-resume-'));
    await cp(join(SAMPLES, 'hoa'), join(folder, 'hoa'), { recursive: true });
    await cp(join(SAMPLES, 'metadata.csv'), join(folder, 'metadata.csv'));
  });

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('is finished by the next run', async () => {
    const waiting = new Map<string, string>();
    // First run "crashes" after registration: no worker ever ran.
    await registerFiles(archive, { inputs: [folder] }, emptyReport(), () => undefined, waiting);
    expect(waiting.size).toBe(HOA.length);
    const claimed = await archive.jobs.claim(['image.derivatives'], 'worker-that-died', 10 * 60_000);
    expect(claimed?.status).toBe('running');

    const started = Date.now();
    const report = await ingest(archive, { inputs: [folder] });
    expect(Date.now() - started).toBeLessThan(5 * 60_000);
    expect(report.outcomes.ingested).toBe(HOA.length);
    expect(report.failures.filter((f) => !f.file.startsWith('metadata sheet'))).toEqual([]);

    const media = await archive.catalog.media.listByStatus('ready');
    expect(media.length).toBe(HOA.length);
    const counts = await archive.jobs.counts();
    expect(counts['image.derivatives']).toMatchObject({ done: HOA_PHOTOS.length, queued: 0, running: 0, failed: 0 });
  });
});
