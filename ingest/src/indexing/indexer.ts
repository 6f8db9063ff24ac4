import type { Catalog } from '../catalog/catalog.ts';
import type { SearchEngine } from '../search/engine.ts';
import { toSearchDocument } from './search-document.ts';

const BATCH = 500;

/** Keeps the search index in step with the catalog, the system of record. */
export function createIndexer(catalog: Catalog, search: SearchEngine) {
  async function indexItems(ids: Iterable<string>): Promise<number> {
    const documents = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const item = await catalog.items.get(id);
      if (!item) {
        missing.push(id);
        continue;
      }
      documents.push(toSearchDocument(item, await catalog.media.listForItem(id)));
    }
    if (documents.length > 0) await search.upsert(documents);
    if (missing.length > 0) await search.remove(missing);
    return documents.length;
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
