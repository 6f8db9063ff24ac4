import type { ItemInput } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig } from '@disan/ingest/config';
import { temporaryArchive } from '../../tests/support/archive.ts';
const N = Number(process.argv[2] ?? 2000);
const { archive, dataDir, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' });
let t = performance.now();
const GROUPS = ['khmer', 'hoa', 'kinh', 'cham'] as const; const KINDS = ['festival', 'ritual', 'craft', 'music'] as const;
const ids: string[] = [];
for (let i = 0; i < N; i++) {
  const item: ItemInput = { id: `item-${i}`, kind: KINDS[i % 4]!, ethnicGroups: [GROUPS[i % 4]!], title: [{ lang: 'vi', value: `Lễ hội số ${i}` }], collections: [`collection-${i % 20}`], status: 'published', access: { level: 'public' } };
  await archive.catalog.items.upsert(item, { author: 'bench' }); ids.push(item.id);
}
for (let c = 0; c < 20; c++) await archive.catalog.collections.ensure(`collection-${c}`, `Bộ sưu tập ${c}`);
console.log('fill', ((performance.now() - t) / 1000).toFixed(1), 's');
t = performance.now(); await archive.indexer.indexItems(ids); console.log('index', ((performance.now() - t) / 1000).toFixed(1), 's');
const app = await buildApp({ archive, config: loadConfig({ DISAN_DATA_DIR: dataDir, DISAN_RATE_LIMIT: '1000000', DISAN_API_CACHE_SECONDS: '0', LOG_LEVEL: 'silent' }), logger: false });
for (let i = 0; i < 20; i++) await app.inject({ url: `/api/items/item-${i}` });
t = performance.now();
for (let i = 0; i < 200; i++) { const r = await app.inject({ url: `/api/items/item-${(i * 37) % N}` }); if (r.statusCode !== 200) throw new Error(r.body); }
console.log(`N=${N} item: ${((performance.now() - t) / 200).toFixed(2)} ms/req`);
const { searchArchive } = await import('@disan/ingest/search');
const { PUBLIC } = await import('@disan/ingest/access');
for (const [label, q] of [['related tier kind relevance', { q: '', filters: { kind: ['festival'] }, sort: 'relevance', pageSize: 7, facets: [] }], ['collections facet all', { q: '', facets: ['collections'], pageSize: 1 }]] as const) {
  t = performance.now();
  for (let i = 0; i < 100; i++) await searchArchive(archive, q as never, PUBLIC);
  console.log(`  ${label}: ${((performance.now() - t) / 100).toFixed(2)} ms`);
}
t = performance.now(); for (let i = 0; i < 100; i++) await archive.catalog.items.get(`item-${i}`); console.log(`  catalog get: ${((performance.now() - t) / 100).toFixed(2)} ms`);
t = performance.now(); for (let i = 0; i < 100; i++) await archive.catalog.media.listForItem(`item-${i}`); console.log(`  media list: ${((performance.now() - t) / 100).toFixed(2)} ms`);
await app.close(); await dispose();
