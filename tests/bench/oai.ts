import type { ItemInput } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig } from '@disan/ingest/config';
import { temporaryArchive } from '../support/archive.ts';

/**
 * A full OAI-PMH harvest (ListRecords, oai_dc, following every resumption token over HTTP)
 * of 100 000 records, against a bare SQL read of the same rows in the same run (keyset
 * pages of the same size, no XML, no HTTP): target at least 0.25× the bare read. The API
 * runs in this process and its memory (RSS, heap) is sampled every 50 ms through the
 * harvest: it must stay flat, since each answer holds one page.
 */
const RECORDS = Number(process.env.BENCH_OAI_RECORDS ?? 100_000);
const PAGE = Number(process.env.BENCH_OAI_PAGE ?? 500);
const GROUPS = ['khmer', 'hoa', 'cham', 'kinh'] as const;
const KINDS = ['book', 'report', 'thesis', 'legal-document'] as const;

export async function benchOai(): Promise<{ label: string; value: string }[]> {
  const { archive, dataDir, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' });
  const config = loadConfig({ DISAN_DATA_DIR: dataDir, DISAN_RATE_LIMIT: '1000000', DISAN_OAI_PAGE_SIZE: String(PAGE), LOG_LEVEL: 'silent' });
  const app = await buildApp({ archive, config, logger: false });
  try {
    await seed(archive.db, RECORDS);
    const base = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api/oai`;

    const bareStart = performance.now();
    let bareRows = 0;
    let after = '';
    for (;;) {
      const rows = await archive.db.query<{ id: string; data: unknown }>('SELECT id, data FROM items WHERE id > $1 ORDER BY id LIMIT $2', [after, PAGE]);
      if (rows.length === 0) break;
      bareRows += rows.length;
      after = rows.at(-1)!.id;
    }
    const bareMs = performance.now() - bareStart;

    const samples: { rss: number; heap: number }[] = [];
    const sampler = setInterval(() => { const m = process.memoryUsage(); samples.push({ rss: m.rss, heap: m.heapUsed }); }, 50);
    const harvestStart = performance.now();
    let harvested = 0;
    let requests = 0;
    let url = `${base}?verb=ListRecords&metadataPrefix=oai_dc`;
    for (;;) {
      const xml = await (await fetch(url)).text();
      requests++;
      harvested += xml.split('<record>').length - 1;
      const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
      if (!token) break;
      url = `${base}?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
    }
    const harvestMs = performance.now() - harvestStart;
    clearInterval(sampler);
    if (harvested !== RECORDS || bareRows !== RECORDS) throw new Error(`harvested ${harvested} and read ${bareRows} of ${RECORDS} records`);

    const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
    const tenth = Math.max(1, Math.floor(samples.length / 10));
    const early = Math.max(...samples.slice(0, tenth).map((s) => s.rss));
    const late = Math.max(...samples.slice(-tenth).map((s) => s.rss));
    const ratio = bareMs / harvestMs;
    return [
      { label: `bare SQL read of ${RECORDS} rows (reference)`, value: `${(bareMs / 1000).toFixed(1)} s, ${(RECORDS / (bareMs / 1000)).toFixed(0)} rows/s` },
      { label: `OAI-PMH ListRecords oai_dc, ${requests} pages`, value: `${(harvestMs / 1000).toFixed(1)} s, ${(RECORDS / (harvestMs / 1000)).toFixed(0)} records/s (page ${PAGE})` },
      { label: 'harvest / bare read', value: `${ratio.toFixed(2)}× (target ≥ 0.25)` },
      { label: 'API memory during the harvest (RSS)', value: `first tenth ≤ ${mb(early)}, last tenth ≤ ${mb(late)}, peak ${mb(Math.max(...samples.map((s) => s.rss)))}; heap peak ${mb(Math.max(...samples.map((s) => s.heap)))}` },
    ];
  } finally {
    await app.close();
    await dispose();
  }
}

/** Library records written with bulk SQL (the catalog's API takes minutes for 100 000), exposed to the public. */
async function seed(db: Awaited<ReturnType<typeof temporaryArchive>>['archive']['db'], count: number): Promise<void> {
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const items = Array.from({ length: Math.min(batch, count - start) }, (_, k) => record(start + k));
    await db.query(
      `INSERT INTO items (id, kind, status, access_level, data, version, oai_exposed_at) SELECT e->>'id', e->>'kind', 'published', 'public', e, 1, now() FROM jsonb_array_elements($1::jsonb) AS e`,
      [JSON.stringify(items)],
    );
  }
}

function record(i: number): ItemInput {
  return {
    id: `rec-${String(i).padStart(6, '0')}`,
    kind: KINDS[i % KINDS.length]!,
    ethnicGroups: [GROUPS[i % GROUPS.length]!],
    title: [{ lang: 'vi', value: `Báo cáo số ${i} về công tác dân tộc` }, { lang: 'en', value: `Report number ${i} on ethnic affairs` }],
    description: [{ lang: 'vi', value: `Tóm tắt báo cáo ${i}: tình hình kinh tế, văn hoá và giáo dục vùng đồng bào.` }],
    agents: [{ name: `Tác giả ${i % 97}`, role: 'author' }],
    date: String(1990 + (i % 35)),
    subjects: [{ lang: 'vi', value: 'Chính sách dân tộc' }],
    status: 'published',
    access: { level: 'public' },
  };
}
