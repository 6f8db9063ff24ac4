import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../ingest/src/archive.ts';
import { PUBLIC, SYSTEM } from '../../ingest/src/access/index.ts';
import { createEmbargoJobHandler, scheduleEmbargoRelease, today } from '../../ingest/src/pipeline/embargo-job.ts';
import { searchArchive } from '../../ingest/src/search/service.ts';
import { temporaryArchive } from '../support/archive.ts';

/** A record under embargo reaches public search on the day its embargo ends, through the daily job. */
describe('embargo release', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  const find = async (viewer: typeof PUBLIC) => (await searchArchive(archive, { q: 'Kathina' }, viewer)).hits.map((h) => h.id);

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    await archive.catalog.items.upsert(
      {
        id: 'kathina-2031', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Lễ Kathina (ghi hình 2031)' }],
        status: 'published', access: { level: 'embargo', embargoUntil: '2031-05-01' },
      },
      { author: 'test' },
    );
    await archive.catalog.items.upsert(
      { id: 'kathina-later', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Lễ Kathina (ghi hình 2040)' }], status: 'published', access: { level: 'embargo', embargoUntil: '2040-01-01' } },
      { author: 'test' },
    );
    await archive.indexer.indexItems(['kathina-2031', 'kathina-later']);
  });
  afterAll(async () => dispose());

  it('keeps an embargoed record out of public search until its day', async () => {
    expect(await find(PUBLIC)).toEqual([]);
    expect((await find(SYSTEM)).sort()).toEqual(['kathina-2031', 'kathina-later']);
  });

  it('re-indexes the records whose embargo ended, and only those, when the day comes', async () => {
    expect(await archive.catalog.items.embargoEndedBy('2031-04-30')).toEqual([]);
    await createEmbargoJobHandler(archive)({ date: '2031-05-01' });
    expect(await find(PUBLIC)).toEqual(['kathina-2031']);
  });

  it('is queued once a day, whichever worker is up', async () => {
    const stop = scheduleEmbargoRelease(archive, 60_000);
    stop();
    scheduleEmbargoRelease(archive, 60_000)();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const jobs = (await archive.jobs.list({ type: 'index.embargoes' })).map((job) => job.id);
    expect(jobs).toEqual([`index.embargoes:${today()}`]);
  });
});
