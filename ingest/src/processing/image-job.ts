import type { Rendition } from '@disan/schemas';
import type { Catalog } from '../catalog/catalog.ts';
import type { Indexer } from '../indexing/indexer.ts';
import type { ImageAdapter } from '../media/image.ts';
import { IMAGE_RENDITIONS, RENDITION_EXTENSION } from '../media/renditions.ts';
import { derivativeKey } from '../storage/keys.ts';
import type { ObjectStorage } from '../storage/storage.ts';
import { createMediaJobHandler } from './media-job.ts';
import { readAll } from './read-all.ts';

export interface ImageJobDeps {
  catalog: Catalog;
  storage: ObjectStorage;
  images: ImageAdapter;
  indexer: Indexer;
}

/**
 * Makes every rendition of one image. Idempotent: keys are derived from the media
 * id and rendition name, so a retry after a crash overwrites (atomically) what a
 * previous attempt wrote, and the media row says `ready` only once all exist.
 * A damaged image is a permanent outcome, not a retryable error: the media is
 * marked failed with the reason and its original is kept.
 */
export function createImageJobHandler({ catalog, storage, images, indexer }: ImageJobDeps) {
  return createMediaJobHandler({ catalog, indexer }, async (media) => {
    const bytes = await readAll((await storage.get(media.originalKey)).body);
    const probe = await images.probe(bytes);
    const encoded = await images.renditions(bytes, IMAGE_RENDITIONS);
    const derivatives: Rendition[] = await Promise.all(
      encoded.map(async (rendition, index) => {
        const spec = IMAGE_RENDITIONS[index]!;
        const key = derivativeKey(media.id, rendition.name, RENDITION_EXTENSION[spec.format]);
        const info = await storage.put(key, rendition.data, { contentType: rendition.mimeType });
        return { name: rendition.name, key, mimeType: rendition.mimeType, size: info.size, width: rendition.width, height: rendition.height };
      }),
    );
    return {
      derivatives,
      width: probe.width,
      height: probe.height,
      ...(probe.capturedAt ? { capturedAt: probe.capturedAt } : {}),
      ...(probe.geo ? { geo: probe.geo } : {}),
    };
  });
}
