import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '@disan/ingest';
import { JOB_PRIORITY, queueBackfill } from '@disan/ingest/jobs';
import type { MediaKind } from '@disan/schemas';
import { temporaryArchive } from '../support/archive.ts';

/** Media a release without a pipeline for their kind left `pending`, with no job. */
describe('backfill of pending media', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;

  const addMedia = async (id: string, kind: MediaKind) =>
    archive.catalog.media.insert({
      id, itemId: 'backfill-item', sha256: createHash('sha256').update(id).digest('hex'), mimeType: kind === 'image' ? 'image/jpeg' : 'application/octet-stream', kind,
      size: 10, originalName: `${id}.bin`, originalKey: `originals/${id}`, position: 0, status: 'pending', derivatives: [],
    });

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    await archive.catalog.items.upsert(
      { id: 'backfill-item', kind: 'other', ethnicGroups: [], title: [{ lang: 'vi', value: 'Backfill' }], status: 'draft', access: { level: 'public' } },
      { author: 'test' },
    );
    await addMedia('m-old-image', 'image');
    await addMedia('m-other-file', 'other');
  });
  afterAll(async () => dispose());

  it('queues the first job of each pending medium that has a pipeline, at backfill priority', async () => {
    expect(await queueBackfill(archive)).toBe(1);
    const job = await archive.jobs.get('image.derivatives:m-old-image');
    expect(job).toMatchObject({ status: 'queued', priority: JOB_PRIORITY.backfill });
    expect(await archive.jobs.list({})).toHaveLength(1);
  });

  it('queues nothing twice', async () => {
    expect(await queueBackfill(archive)).toBe(0);
  });

  it('lets a fresh upload go before the backfill', async () => {
    await addMedia('m-fresh-upload', 'image');
    await archive.jobs.enqueue('image.derivatives', 'm-fresh-upload', { mediaId: 'm-fresh-upload' }, { priority: JOB_PRIORITY.upload });
    const first = await archive.jobs.claim(['image.derivatives'], 'test-worker', 60_000);
    expect(first?.id).toBe('image.derivatives:m-fresh-upload');
  });

  it('pages through more pending media than one page holds', async () => {
    for (let i = 0; i < 520; i++) await addMedia(`m-page-${String(i).padStart(3, '0')}`, 'image');
    expect(await queueBackfill(archive)).toBe(520);
  });
});
