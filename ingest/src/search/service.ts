import type { HitPassage, Item, SearchHit, SearchQuery, SearchResult } from '@disan/schemas';
import { canReadMedia, effectiveLevel, readFilter, toSearchScope, withTiedRecording, type Viewer } from '../access/index.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { SearchEngine } from './engine.ts';
import { collectionsHiddenFrom, withoutHiddenCollections, withoutHiddenFacets } from './hidden-collections.ts';
import { inReadingOrder, locatePassages } from './passages.ts';
import { queryWords, type QueryWord } from './query.ts';

export interface SearchServiceDeps {
  search: SearchEngine;
  catalog: Catalog;
}

/**
 * The one way every door searches: the viewer's read filter is applied here, and hidden
 * collections are kept out of filters and facets, so the API, the CLI and later doors
 * cannot forget either, and the answer has the same shape whichever engine is
 * configured. Hits then say where inside their media the words are (page, time code),
 * from the catalog's passages: the engines index the text but not its location.
 */
export async function searchArchive(deps: SearchServiceDeps, query: SearchQuery, viewer: Viewer): Promise<SearchResult> {
  const startedAt = performance.now();
  const hidden = await collectionsHiddenFrom(deps.catalog, viewer, query);
  const allowed = withoutHiddenCollections(query, hidden);
  // An empty scope is an OR of nothing: a filter on hidden collections finds nothing.
  const found = await deps.search.search(allowed ?? query, allowed === null ? [] : toSearchScope(readFilter(viewer)));
  const { mediaTextHits, ...result } = withoutHiddenFacets(found, hidden);
  const words = queryWords(query.q);
  if (words.length === 0 || result.hits.length === 0) return result;
  const passages = await passagesByHit(deps.catalog, result.hits, new Set(mediaTextHits), words, viewer);
  return {
    ...result,
    hits: result.hits.map((hit) => withPassages(hit, passages.get(hit.id) ?? [])),
    // The whole search, passages included.
    tookMs: Math.round((performance.now() - startedAt) * 100) / 100,
  };
}

/**
 * Passages of the returned page's hits whose media text holds query words (loading a
 * 5 000-page book's passages costs ~250 ms on PGlite), and only of items whose media the
 * viewer may read: text inside the media of a metadata-only record never reaches the public,
 * even as a highlighted line.
 */
async function passagesByHit(
  catalog: Catalog,
  hits: readonly SearchHit[],
  mediaTextHits: ReadonlySet<string>,
  words: readonly QueryWord[],
  viewer: Viewer,
): Promise<Map<string, HitPassage[]>> {
  const items = await catalog.items.getMany(hits.map((hit) => hit.id));
  // A metadata-only record's media text is not indexed (see indexing/full-text.ts), so the
  // engine cannot say whether it holds the words; staff, who may read it, are told anyway.
  const worthLoading = (item: Item) => mediaTextHits.has(item.id) || effectiveLevel(item.access) === 'metadata-only';
  const readableItems = items.filter((item) => worthLoading(item) && canReadMedia(viewer, item));
  const readable = readableItems.map((item) => item.id);
  const [texts, media] = await Promise.all([catalog.texts.listForItems(readable), catalog.media.listForItems(readable)]);
  const located = new Map<string, HitPassage[]>();
  for (const item of readableItems) {
    const files = media.get(item.id) ?? [];
    // A recording kept to a community, or without its speaker's consent, keeps its words (and its captions') too.
    const hidden = new Set(files.filter((m) => !canReadMedia(viewer, item, withTiedRecording(m, files))).map((m) => m.id));
    const order = new Map(files.map((m) => [m.id, m.position]));
    const shown = (texts.get(item.id) ?? []).filter((passage) => !hidden.has(passage.mediaId));
    located.set(item.id, locatePassages(inReadingOrder(shown, order), words));
  }
  return located;
}

/** When the engine's best match is text inside media, the snippet shows the best located passage. */
function withPassages(hit: SearchHit, passages: HitPassage[]): SearchHit {
  const best = passages[0];
  if (hit.snippet?.field !== 'fullText' || !best) return { ...hit, passages };
  return { ...hit, snippet: { field: 'fullText', html: best.html }, passages };
}
