import type { Media } from '@disan/schemas';
import type { Catalog } from '../catalog/catalog.ts';
import type { MediaPatch } from '../catalog/media.ts';
import { isPermanent } from '../errors.ts';
import type { Indexer } from '../indexing/indexer.ts';
import { DONE, failed, skipped, type JobOutcome } from '../jobs/types.ts';

export interface MediaJobDeps {
  catalog: Catalog;
  indexer: Indexer;
}

/** Makes one medium's derivatives; returns what the media row gains once they all exist. */
export type ProcessMedia = (media: Media, signal?: AbortSignal) => Promise<MediaPatch>;

/**
 * The part every media pipeline shares, written once: load the media, skip it when
 * it is gone or already ready, mark it processing, run the work, and record the
 * outcome on the media (ready, or failed with a reason a person can act on) and in
 * the search index. A permanent problem with the file (damaged, unsupported: a
 * 4xx DisanError) fails the media and keeps its original; anything else is thrown,
 * so the worker retries it with backoff.
 */
export function createMediaJobHandler(deps: MediaJobDeps, process: ProcessMedia) {
  return async function mediaJob(payload: { mediaId: string }, _job?: unknown, signal?: AbortSignal): Promise<JobOutcome> {
    const media = await deps.catalog.media.get(payload.mediaId);
    if (!media) return skipped('the media no longer exists');
    if (media.status === 'ready') return skipped('already ready');
    await deps.catalog.media.update(media.id, { status: 'processing' });
    let patch: MediaPatch;
    try {
      patch = await process(media, signal);
    } catch (error) {
      if (!isPermanent(error)) throw error;
      await recordMediaOutcome(deps, media, { status: 'failed', error: error.message });
      return failed(error.message);
    }
    await recordMediaOutcome(deps, media, { ...patch, status: 'ready', error: null });
    return DONE;
  };
}

async function recordMediaOutcome(deps: MediaJobDeps, media: Media, patch: MediaPatch): Promise<void> {
  await deps.catalog.media.update(media.id, patch);
  await deps.indexer.indexItems([media.itemId]);
}
