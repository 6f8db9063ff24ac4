import type { Catalog } from '../catalog/catalog.ts';
import type { Media } from '@disan/schemas';
import { followsRecord, withTiedRecording } from '../access/index.ts';
import type { SearchEngine } from '../search/engine.ts';
import { toSearchDocument } from './search-document.ts';

const BATCH = 500;
/** Items whose media text is loaded at once: a few books of 5 000 pages, not 500 of them. */
const TEXT_BATCH = 25;

/**
 * The media indexed with their record: the index filters by the record's rule alone, so a
 * medium with a narrower rule of its own (or a recording without its speaker's consent, or
 * the captions of such a recording) lends it neither its kind, nor its picture, nor its words.
 */
function indexedMedia(byItem: Map<string, Media[]>, now: Date): Map<string, Media[]> {
  return new Map([...byItem].map(([item, list]) => [item, list.filter((m) => followsRecord(withTiedRecording(m, list), now))]));
}

/** Keeps the search index in step with the catalog, the system of record. */
export function createIndexer(catalog: Catalog, search: SearchEngine) {
  /** `now` decides which embargoes have ended (the embargo job passes the day it runs for). */
  async function indexItems(ids: Iterable<string>, now: Date = new Date()): Promise<number> {
    const wanted = [...new Set(ids)];
    let indexed = 0;
    for (let start = 0; start < wanted.length; start += BATCH) {
      const batch = wanted.slice(start, start + BATCH);
      const items = await catalog.items.getMany(batch);
      const media = indexedMedia(await catalog.media.listForItems(batch), now);
      for (let from = 0; from < items.length; from += TEXT_BATCH) {
        const some = items.slice(from, from + TEXT_BATCH);
        const texts = await catalog.texts.listForItems(some.map((item) => item.id));
        // The face's media only: words inside a file a revision added wait for its publication.
        const onFace = (item: string) => {
          const ids = new Set((media.get(item) ?? []).map((m) => m.id));
          return (texts.get(item) ?? []).filter((passage) => ids.has(passage.mediaId));
        };
        await search.upsert(some.map((item) => toSearchDocument(item, media.get(item.id) ?? [], onFace(item.id), now)));
      }
      const found = new Set(items.map((item) => item.id));
      const missing = batch.filter((id) => !found.has(id));
      if (missing.length > 0) await search.remove(missing);
      indexed += items.length;
    }
    return indexed;
  }

  /** Rebuilds the whole index from the catalog (`disan reindex`). */
  async function reindexAll(onProgress?: (done: number) => void): Promise<number> {
    await search.clear();
    let done = 0;
    let batch: string[] = [];
    for await (const item of catalog.items.iterate()) {
      batch.push(item.id);
      if (batch.length >= BATCH) {
        done += await indexItems(batch);
        batch = [];
        onProgress?.(done);
      }
    }
    done += await indexItems(batch);
    onProgress?.(done);
    return done;
  }

  return { indexItems, reindexAll };
}

export type Indexer = ReturnType<typeof createIndexer>;
