import type { Catalog } from '../catalog/catalog.ts';
import type { SearchEngine } from '../search/engine.ts';
import { toSearchDocument } from './search-document.ts';

const BATCH = 500;

/** Keeps the search index in step with the catalog, the system of record. */
export function createIndexer(catalog: Catalog, search: SearchEngine) {
  async function indexItems(ids: Iterable<string>): Promise<number> {
    const wanted = [...new Set(ids)];
    let indexed = 0;
    for (let start = 0; start < wanted.length; start += BATCH) {
      const batch = wanted.slice(start, start + BATCH);
      const items = await catalog.items.getMany(batch);
      const media = await catalog.media.listForItems(batch);
      if (items.length > 0) await search.upsert(items.map((item) => toSearchDocument(item, media.get(item.id) ?? [])));
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
