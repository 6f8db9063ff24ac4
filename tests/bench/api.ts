import Fastify from 'fastify';
import type { ItemInput } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig } from '@disan/ingest/config';
import { temporaryArchive } from '../support/archive.ts';
import { load } from './load.ts';

type LoadResult = Awaited<ReturnType<typeof load>>;

/**
 * Requests per second of `GET /api/items/:id` (catalog item, media, related items,
 * collections) and of a faceted search, each against a bare Fastify route answering a
 * small JSON object, in the same process and run, over loopback; as the public gets
 * them (the short public cache on, its default) and with the cache off. Target for the item:
 * at least 0.5 of the bare route. The load generator (autocannon) runs as a child process
 * (load.ts), so server and client each have a core of the reference machine; the ratios
 * are what count.
 */
const ITEMS = 2_000;
/** The archive size at which an item answer must still cost about what it costs at 2 000. */
const LARGE = 100_000;
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 5);
/** Rounds alternate the reference and the API; each keeps its best round, so a slow moment of the machine hits neither alone. */
const ROUNDS = 3;
const GROUPS = ['khmer', 'hoa', 'kinh', 'cham'] as const;
const KINDS = ['festival', 'ritual', 'craft', 'music'] as const;

export async function benchApi(): Promise<{ label: string; value: string }[]> {
  const { archive, dataDir, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' });
  const bare = Fastify({ logger: false });
  bare.get('/bare', () => ({ status: 'ok', items: 3 }));
  const app = await buildApp({ archive, config: loadConfig({ DISAN_DATA_DIR: dataDir, DISAN_RATE_LIMIT: '1000000', LOG_LEVEL: 'silent' }), logger: false });
  // The same API with the public cache off: what each answer costs to build.
  const uncachedApp = await buildApp({ archive, config: loadConfig({ DISAN_DATA_DIR: dataDir, DISAN_RATE_LIMIT: '1000000', DISAN_API_CACHE_SECONDS: '0', LOG_LEVEL: 'silent' }), logger: false });
  try {
    await fillArchive(archive);
    const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
    const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const uncachedUrl = await uncachedApp.listen({ host: '127.0.0.1', port: 0 });
    const run = async (url: string) => {
      const result = await load({ url, connections: 10, durationSeconds: DURATION_S });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      return result;
    };
    type Result = Awaited<ReturnType<typeof run>>;
    const best = (a: Result | undefined, b: Result) => (a && a.requests.average >= b.requests.average ? a : b);
    const searchPath = '/api/search?q=le%20hoi&ethnicGroups=khmer&kind=festival,ritual&facets=ethnicGroups,kind,collections,province';
    let baseline: Result | undefined;
    let item: Result | undefined;
    let search: Result | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      baseline = best(baseline, await run(`${bareUrl}/bare`));
      item = best(item, await run(`${apiUrl}/api/items/item-${ITEMS / 2}`));
      search = best(search, await run(`${apiUrl}${searchPath}`));
    }
    if (!baseline || !item || !search) throw new Error('no bench rounds ran');
    const itemUncached = await run(`${uncachedUrl}/api/items/item-${ITEMS / 2}`);
    const searchUncached = await run(`${uncachedUrl}${searchPath}`);
    const large = await benchLargeArchive(run);
    const line = (label: string, r: Awaited<ReturnType<typeof run>>) => ({
      label,
      value: `${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
    });
    const reference = baseline;
    const ratio = (r: Awaited<ReturnType<typeof run>>) => (r.requests.average / reference.requests.average).toFixed(2);
    return [
      line('bare Fastify JSON route (reference)', baseline),
      line(`GET /api/items/:id (${ITEMS} items)`, item),
      line('GET /api/search faceted', search),
      line('GET /api/items/:id, cache off', itemUncached),
      line('GET /api/search faceted, cache off', searchUncached),
      { label: 'item / bare', value: `${ratio(item)}× (target ≥ 0.5)` },
      { label: 'faceted search / bare', value: `${ratio(search)}×` },
      { label: 'item / bare, cache off', value: `${ratio(itemUncached)}×` },
      line(`GET /api/items/:id (${LARGE} items), cache off`, large),
      { label: `item at ${LARGE} / at ${ITEMS} items, cache off`, value: `${(large.requests.average / itemUncached.requests.average).toFixed(2)}× (target ≥ 0.5)` },
      { label: 'faceted search / bare, cache off', value: `${ratio(searchUncached)}×` },
    ];
  } finally {
    await Promise.all([app.close(), uncachedApp.close(), bare.close()]);
    await dispose();
  }
}

/**
 * The item answer, cache off, in an archive of 100 000 items: what every signed-in
 * archivist and every harvester pays. Same shape of data as the 2 000-item archive,
 * written with bulk SQL (through the catalog's own API it takes minutes).
 */
async function benchLargeArchive(run: (url: string) => Promise<LoadResult>): Promise<LoadResult> {
  const { archive, dataDir, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' });
  const app = await buildApp({ archive, config: loadConfig({ DISAN_DATA_DIR: dataDir, DISAN_RATE_LIMIT: '1000000', DISAN_API_CACHE_SECONDS: '0', LOG_LEVEL: 'silent' }), logger: false });
  try {
    const batch = 5_000;
    for (let start = 0; start < LARGE; start += batch) {
      const items = Array.from({ length: Math.min(batch, LARGE - start) }, (_, k) => benchItem(start + k));
      await archive.db.query(
        `INSERT INTO items (id, kind, status, access_level, data, version) SELECT e->>'id', e->>'kind', 'published', 'public', e, 1 FROM jsonb_array_elements($1::jsonb) AS e`,
        [JSON.stringify(items)],
      );
      await archive.db.query(`INSERT INTO item_versions (item_id, version, data, author) SELECT e->>'id', 1, e, 'bench' FROM jsonb_array_elements($1::jsonb) AS e`, [JSON.stringify(items)]);
      await archive.db.query(
        `INSERT INTO media (id, item_id, sha256, mime_type, kind, size, original_name, original_key, width, height, position, status, derivatives)
         SELECT 'm-' || (e->>'id'), e->>'id', md5(e->>'id'), 'image/jpeg', 'image', 1000, (e->>'id') || '.jpg', 'originals/' || md5(e->>'id'), 4000, 3000, 0, 'ready',
           jsonb_build_array(jsonb_build_object('name', 'thumb', 'key', 'derivatives/m-' || (e->>'id') || '/thumb.webp', 'mimeType', 'image/webp', 'size', 100, 'width', 480, 'height', 360))
         FROM jsonb_array_elements($1::jsonb) AS e`,
        [JSON.stringify(items)],
      );
    }
    for (let c = 0; c < 20; c++) await archive.catalog.collections.ensure(`collection-${c}`, `Bộ sưu tập ${c}`);
    await archive.indexer.reindexAll();
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    let best: LoadResult | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      const result = await run(`${url}/api/items/item-${LARGE / 2}`);
      if (best === undefined || result.requests.average > best.requests.average) best = result;
    }
    return best!;
  } finally {
    await app.close();
    await dispose();
  }
}

/** Items in 4 groups, 4 kinds and 20 collections. */
function benchItem(i: number): ItemInput {
  return {
    id: `item-${i}`,
    kind: KINDS[i % KINDS.length]!,
    ethnicGroups: [GROUPS[i % GROUPS.length]!],
    title: [{ lang: 'vi', value: `Lễ hội số ${i}` }, { lang: 'en', value: `Festival number ${i}` }],
    description: [{ lang: 'vi', value: `Mô tả lễ hội ${i} của đồng bào, tổ chức hằng năm tại chùa.` }],
    places: [{ name: 'Sóc Trăng', province: `Tỉnh ${i % 8}`, geo: { lat: 9.6 + (i % 10) / 100, lon: 105.97 } }],
    collections: [`collection-${i % 20}`],
    status: 'published',
    access: { level: 'public' },
  };
}

/** The 2 000-item archive, written through the catalog's API, each item with one picture's worth of media rows. */
export async function fillArchive(archive: Awaited<ReturnType<typeof temporaryArchive>>['archive'], count = ITEMS): Promise<void> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const item = benchItem(i);
    await archive.catalog.items.upsert(item, { author: 'bench' });
    ids.push(item.id);
  }
  for (let c = 0; c < 20; c++) await archive.catalog.collections.ensure(`collection-${c}`, `Bộ sưu tập ${c}`);
  const sha = (n: number) => n.toString(16).padStart(64, '0');
  for (let i = 0; i < count; i += 1) {
    await archive.catalog.media.insert({
      id: `m-${i}`, itemId: `item-${i}`, sha256: sha(i), mimeType: 'image/jpeg', kind: 'image', size: 1000, originalName: `${i}.jpg`,
      originalKey: `originals/${sha(i).slice(0, 2)}/${sha(i).slice(2, 4)}/${sha(i)}`, width: 4000, height: 3000, position: 0, status: 'ready',
      derivatives: ['webp-480', 'webp-1024', 'thumb'].map((name) => ({ name, key: `derivatives/m-${i}/${name}.webp`, mimeType: 'image/webp', size: 100, width: 480, height: 360 })),
    });
  }
  await archive.indexer.indexItems(ids);
}
