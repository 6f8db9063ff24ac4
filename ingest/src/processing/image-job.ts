import type { Rendition } from '@disan/schemas';
import type { Catalog } from '../catalog/catalog.ts';
import { DisanError } from '../errors.ts';
import type { Indexer } from '../indexing/indexer.ts';
import type { ImageAdapter } from '../media/image.ts';
import { IMAGE_RENDITIONS, RENDITION_EXTENSION } from '../media/renditions.ts';
import { derivativeKey } from '../storage/keys.ts';
import type { ObjectStorage } from '../storage/storage.ts';
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
  return async function imageDerivatives(payload: { mediaId: string }): Promise<void> {
    const media = await catalog.media.get(payload.mediaId);
    if (!media || media.status === 'ready') return;
    await catalog.media.update(media.id, { status: 'processing' });
    const { body } = await storage.get(media.originalKey);
    const bytes = await readAll(body);
    let derivatives: Rendition[];
    let probe: Awaited<ReturnType<ImageAdapter['probe']>>;
    try {
      probe = await images.probe(bytes);
      const encoded = await images.renditions(bytes, IMAGE_RENDITIONS);
      derivatives = await Promise.all(
        encoded.map(async (rendition, index) => {
          const spec = IMAGE_RENDITIONS[index]!;
          const key = derivativeKey(media.id, rendition.name, RENDITION_EXTENSION[spec.format]);
          const info = await storage.put(key, rendition.data, { contentType: rendition.mimeType });
          return { name: rendition.name, key, mimeType: rendition.mimeType, size: info.size, width: rendition.width, height: rendition.height };
        }),
      );
    } catch (error) {
      if (error instanceof DisanError && error.status < 500) {
        await catalog.media.update(media.id, { status: 'failed', error: error.message });
        await indexer.indexItems([media.itemId]);
        return;
      }
      throw error;
    }
    await catalog.media.update(media.id, {
      status: 'ready',
      error: null,
      derivatives,
      width: probe.width,
      height: probe.height,
      ...(probe.capturedAt ? { capturedAt: probe.capturedAt } : {}),
      ...(probe.geo ? { geo: probe.geo } : {}),
    });
    await indexer.indexItems([media.itemId]);
  };
}
