import type { SearchDocument, SearchQuery } from '@disan/schemas';
import { Meilisearch, type EnqueuedTaskPromise, type Index, type SearchParams } from 'meilisearch';
import type { Config } from '../../config.ts';
import { DisanError, UpstreamError } from '../../errors.ts';
import type { EngineResult, SearchEngine, SearchScope } from '../engine.ts';
import { headwordFilter, identifierFilter, joinAnd, joinOr, meiliFilter, meiliQueryText, meiliSort, MEILI_SETTINGS, tonedFilter, toMeiliDocument, type MeiliDocument } from './mapping.ts';
import { assertDocuments, prepareQuery, type PreparedQuery } from '../query.ts';
import { buildResult, pageOffset, type FacetCounts } from '../result.ts';

type MeiliConfig = Extract<Config['search'], { driver: 'meilisearch' }>;

/** Long enough for a large batch on a busy server; the SDK default is 5 s. */
const TASK_TIMEOUT_MS = 120_000;

/**
 * The production engine; the only file that imports the Meilisearch SDK. Index settings
 * are applied once, on first use. Every SDK failure becomes an UpstreamError that keeps
 * the SDK error as `cause`.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  readonly #client: Meilisearch;
  readonly #indexUid: string;
  #ready: Promise<Index<MeiliDocument>> | null = null;

  constructor(config: MeiliConfig) {
    this.#client = new Meilisearch(config.apiKey === undefined ? { host: config.url } : { host: config.url, apiKey: config.apiKey });
    this.#indexUid = config.index;
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    assertDocuments(documents);
    if (documents.length === 0) return;
    const index = await this.#index();
    await this.#task(() => index.addDocuments(documents.map(toMeiliDocument), { primaryKey: 'id' }));
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const index = await this.#index();
    await this.#task(() => index.deleteDocuments([...ids]));
  }

  async clear(): Promise<void> {
    const index = await this.#index();
    await this.#task(() => index.deleteAllDocuments());
  }

  async search(query: SearchQuery, scope?: SearchScope): Promise<EngineResult> {
    const startedAt = performance.now();
    const prepared = prepareQuery(query, scope);
    // An empty scope is an OR of nothing: nobody may see anything.
    if (prepared.scope?.length === 0) return buildResult({ query: prepared, total: 0, documents: [], facets: {}, engine: this.name, startedAt });
    const index = await this.#index();
    const tiers = rankTiers(prepared);
    const counts = await this.#call(() => Promise.all(tiers.map((tier) => index.search(tier.q, countParams(prepared, tier.filter)))));
    const totals = counts.map((response) => response.totalHits);
    const documents = await this.#pageDocuments(index, prepared, tiers, totals);
    const facets = sumFacets(counts.map((response) => response.facetDistribution ?? {}));
    return buildResult({ query: prepared, total: totals.reduce((a, b) => a + b, 0), documents, facets, engine: this.name, startedAt });
  }

  async count(): Promise<number> {
    const index = await this.#index();
    const stats = await this.#call(() => index.getStats());
    return stats.numberOfDocuments;
  }

  async ping(): Promise<void> {
    await this.#call(() => this.#client.health());
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Takes the requested page across the tiers in order (exact-tone hits first). */
  async #pageDocuments(index: Index<MeiliDocument>, query: PreparedQuery, tiers: Tier[], totals: number[]): Promise<SearchDocument[]> {
    let offset = pageOffset(query);
    let wanted = query.pageSize;
    const requests: Promise<SearchDocument[]>[] = [];
    for (const [position, tier] of tiers.entries()) {
      const total = totals[position] ?? 0;
      if (wanted > 0 && offset < total) {
        const limit = Math.min(wanted, total - offset);
        const params: SearchParams = { ...baseParams(query, tier.filter), offset, limit, attributesToRetrieve: ['doc'] };
        requests.push(this.#call(() => index.search(tier.q, params)).then((response) => response.hits.map((hit) => hit.doc)));
        wanted -= limit;
      }
      offset = Math.max(0, offset - total);
    }
    return (await Promise.all(requests)).flat();
  }

  #index(): Promise<Index<MeiliDocument>> {
    this.#ready ??= this.#configure().catch((error: unknown) => {
      this.#ready = null;
      throw error;
    });
    return this.#ready;
  }

  async #configure(): Promise<Index<MeiliDocument>> {
    const existing = await this.#call(() => this.#client.getIndexes({ limit: 1000 }));
    if (!existing.results.some((candidate) => candidate.uid === this.#indexUid)) {
      await this.#task(() => this.#client.createIndex(this.#indexUid, { primaryKey: 'id' }));
    }
    const index = this.#client.index<MeiliDocument>(this.#indexUid);
    await this.#task(() => index.updateSettings(MEILI_SETTINGS));
    return index;
  }

  /** Enqueues a task and waits for it: writes are visible when the promise resolves. */
  async #task(enqueue: () => EnqueuedTaskPromise): Promise<void> {
    const task = await this.#call(() => enqueue().waitTask({ timeout: TASK_TIMEOUT_MS }));
    if (task.status !== 'succeeded') {
      throw new UpstreamError(`Meilisearch task ${task.uid} (${task.type}) ${task.status}`, { cause: task.error });
    }
  }

  async #call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DisanError) throw error;
      throw new UpstreamError('Meilisearch request failed', { cause: error });
    }
  }
}

/** One search request of a query: its text and its filter. The tiers' results follow one another. */
interface Tier {
  q: string;
  filter: string | null;
}

/**
 * Records found by their number come first: with identifier keys in the query, the
 * records holding one are a tier of their own, found by filter whatever their words
 * (a number typed without separators is no word of theirs), and the word tiers leave
 * them out. Then tones: with a relevance sort and toned words, documents having those
 * exact words are one tier, the rest a second, so "lễ hội" lists "lễ hội" before "lê hồi"
 * as in the embedded engine. Meilisearch's own exactness rule cannot see tones: it sees keys.
 * Dictionary entries whose headword or romanisation is the whole query join the first tier
 * (ទូក lists the word ទូក before ទូកង), as the embedded engine ranks them.
 */
function rankTiers(query: PreparedQuery): Tier[] {
  const q = meiliQueryText(query.words);
  const base = meiliFilter(query);
  const identified = query.words.length > 0 ? joinOr([identifierFilter(query.identifierKeys), headwordFilter(query.headwordKeys)]) : null;
  const byNumber: Tier[] = identified === null ? [] : [{ q: '', filter: joinAnd([base, identified]) }];
  const words = identified === null ? base : joinAnd([base, `NOT (${identified})`]);
  const toned = query.sort === 'relevance' ? tonedFilter(query.words) : null;
  if (toned === null) return [...byNumber, { q, filter: words }];
  return [...byNumber, { q, filter: joinAnd([words, toned]) }, { q, filter: joinAnd([words, `NOT (${toned})`]) }];
}

function baseParams(query: PreparedQuery, filter: string | null): SearchParams {
  return {
    matchingStrategy: 'all',
    sort: meiliSort(query.sort, query.lang),
    ...(filter === null ? {} : { filter }),
  };
}

/** Exhaustive count and facet distribution of one tier, no hits. */
function countParams(query: PreparedQuery, filter: string | null): SearchParams & { page: number; hitsPerPage: number } {
  return { ...baseParams(query, filter), page: 1, hitsPerPage: 0, facets: query.facets };
}

function sumFacets(distributions: readonly Record<string, Record<string, number>>[]): FacetCounts {
  const total: FacetCounts = {};
  for (const distribution of distributions) {
    for (const [facet, values] of Object.entries(distribution)) {
      const bucket = (total[facet] ??= {});
      for (const [value, count] of Object.entries(values)) bucket[value] = (bucket[value] ?? 0) + count;
    }
  }
  return total;
}
