import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Media } from '@disan/schemas';
import { type Archive, ingest, UpstreamError } from '@disan/ingest';
import type { AvAdapter } from '../../ingest/src/media/ffmpeg.ts';
import { SYSTEM } from '@disan/ingest/access';
import type { MediaPatch } from '@disan/ingest/catalog';
import { searchArchive } from '@disan/ingest/search';
import type { ObjectStorage } from '@disan/ingest/storage';
import { createVideoJobHandler } from '../../ingest/src/processing/video-job.ts';
import { temporaryArchive } from '../support/archive.ts';
import { generateVideo } from '../support/generate-av.ts';

/**
 * The video job's own promises, driven directly on one real 720p clip: the
 * poster and the smallest rendition are recorded before the larger one (time to
 * first playable), a retry resumes instead of starting over, and an abort kills
 * ffmpeg and leaves the media to be retried, not failed.
 */
describe('video.derivatives', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let media: Media;
  let calls: string[];
  let updates: MediaPatch[];

  /** The real adapters, with the ffmpeg calls and media updates written down. */
  const deps = (av: Partial<AvAdapter> = {}) => {
    const real = archive.av;
    const counted: AvAdapter = {
      ...real,
      mp4: (input, output, spec, run) => { calls.push(`mp4 ${spec.height}`); return real.mp4(input, output, spec, run); },
      poster: (...args) => { calls.push('poster'); return real.poster(...args); },
      sprite: (...args) => { calls.push('sprite'); return real.sprite(...args); },
      ...av,
    };
    const media = { ...archive.catalog.media, update: (id: string, patch: MediaPatch) => { updates.push(patch); return archive.catalog.media.update(id, patch); } };
    return { catalog: { ...archive.catalog, media }, storage: archive.storage, indexer: archive.indexer, av: counted, images: archive.images };
  };

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-video-job-'));
    await generateVideo(join(folder, 'hd.mp4'), { width: 1280, height: 720, seconds: 1, fps: 5 });
    const report = await ingest(archive, { inputs: [folder] });
    expect(report.outcomes.ingested).toBe(1);
    media = (await archive.catalog.media.listByStatus('ready'))[0]!;
  });

  beforeEach(() => {
    calls = [];
    updates = [];
  });

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('records the poster and the smallest rendition first, while the media is still processing', async () => {
    await archive.catalog.media.update(media.id, { status: 'pending', derivatives: [] });
    await createVideoJobHandler(deps())({ mediaId: media.id });
    const recorded = updates.filter((u) => u.derivatives).map((u) => u.derivatives!.map((d) => d.name).join(','));
    expect(recorded).toEqual([
      'poster-jpeg,poster-webp,thumb',
      'poster-jpeg,poster-webp,thumb,mp4-480',
      'poster-jpeg,poster-webp,thumb,mp4-480,strip-jpeg,strip-vtt',
      'poster-jpeg,poster-webp,thumb,mp4-480,strip-jpeg,strip-vtt,mp4-720',
    ]);
    expect(updates.filter((u) => u.status).map((u) => u.status)).toEqual(['processing', 'ready']);
    expect(calls).toEqual(['poster', 'mp4 480', 'sprite', 'mp4 720']);
  });

  it('makes a thumb from the poster at the size photos get, which search results show instead of the poster', async () => {
    const { derivatives } = (await archive.catalog.media.get(media.id))!;
    expect(derivatives.find((d) => d.name === 'thumb')).toMatchObject({ mimeType: 'image/jpeg', width: 320, height: 180, key: `derivatives/${media.id}/thumb.jpg` });
    const { hits } = await searchArchive(archive, { q: 'hd' }, SYSTEM);
    expect(hits.find((hit) => hit.id === media.itemId)?.thumbnail).toBe(`${media.id}/thumb`);
  });

  it('resumes a retried job at the first step not yet stored, with the same keys', async () => {
    const before = (await archive.catalog.media.get(media.id))!;
    const partial = before.derivatives.filter((d) => d.name !== 'mp4-720');
    await archive.catalog.media.update(media.id, { status: 'processing', derivatives: partial });
    await createVideoJobHandler(deps())({ mediaId: media.id });
    expect(calls).toEqual(['mp4 720']);
    const after = (await archive.catalog.media.get(media.id))!;
    expect(after.status).toBe('ready');
    expect(after.derivatives.map((d) => d.key).sort()).toEqual(before.derivatives.map((d) => d.key).sort());
  });

  it('does nothing for media already ready', async () => {
    await createVideoJobHandler(deps())({ mediaId: media.id });
    expect(calls).toEqual([]);
  });

  it('throws a storage outage to the queue for a retry, leaving the media unfailed', async () => {
    await archive.catalog.media.update(media.id, { status: 'pending', derivatives: [] });
    // As S3 is: no local file, and the copy cannot be read.
    const down: ObjectStorage = Object.assign(Object.create(archive.storage) as ObjectStorage, {
      localFile: () => Promise.resolve(null),
      get: () => Promise.reject(new UpstreamError('storage is unreachable (connection refused)')),
    });
    await expect(createVideoJobHandler({ ...deps(), storage: down })({ mediaId: media.id })).rejects.toThrow('unreachable');
    const after = (await archive.catalog.media.get(media.id))!;
    expect(after.status).toBe('processing');
    expect(after.error).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('on abort, kills ffmpeg, removes its temp folder and leaves the media to be retried', async () => {
    await archive.catalog.media.update(media.id, { status: 'pending', derivatives: [] });
    const controller = new AbortController();
    let workDir = '';
    const handler = createVideoJobHandler(deps({
      poster: async (input, outputs, spec, run) => {
        // The original is read in place from filesystem storage; the outputs go to the job's temp folder.
        workDir = dirname(outputs.jpeg);
        const running = archive.av.poster(input, outputs, spec, run);
        controller.abort(new Error('worker stopping'));
        return running;
      },
    }));
    await expect(handler({ mediaId: media.id }, undefined, controller.signal)).rejects.toThrow('worker stopping');
    expect(await ffmpegChildren()).toEqual([]);
    await expect(access(workDir)).rejects.toThrow();
    const after = (await archive.catalog.media.get(media.id))!;
    expect(after.status).toBe('processing');
    expect(after.error).toBeUndefined();
  });
});

async function ffmpegChildren(): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    if (/^Name:\s+ffmpeg$/m.test(status) && new RegExp(`^PPid:\\s+${process.pid}$`, 'm').test(status)) found.push(pid);
  }
  return found;
}
