import type { ItemInput } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig } from '@disan/ingest/config';
import { temporaryArchive } from '../support/archive.ts';

/**
 * A full OAI-PMH harvest (ListRecords, oai_dc, following every resumption token over HTTP)
 * of 100 000 records, against a bare SQL read of the same rows in the same run (keyset
 * pages of the same size, no XML, no HTTP): target at least 0.25× the bare read. The API
 * runs in this process and its memory (RSS, heap) is sampled every 200 ms through the
 * harvest: it must stay flat, since each answer holds one page. Each round reads bare,
 * harvests uncompressed (the ratio), then with gzip, as most harvesters ask for it.
 */
const RECORDS = Number(process.env.BENCH_OAI_RECORDS ?? 100_000);
const PAGE = Number(process.env.BENCH_OAI_PAGE ?? 500);
const ROUNDS = Number(process.env.BENCH_OAI_ROUNDS ?? 2);
const GROUPS = ['khmer', 'hoa', 'cham', 'kinh'] as const;
const KINDS = ['book', 'report', 'thesis', 'legal-document'] as const;

export async function benchOai(): Promise<{ label: string; value: string }[]> {
  const { archive, dataDir, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' });
  const config = loadConfig({ DISAN_DATA_DIR: dataDir, DISAN_RATE_LIMIT: '1000000', DISAN_OAI_PAGE_SIZE: String(PAGE), LOG_LEVEL: 'silent' });
  const app = await buildApp({ archive, config, logger: false });
  try {
    await seed(archive.db, RECORDS);
    const base = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api/oai`;

    // Alternating rounds, best of each: the machine is shared and its speed swings within a run.
    // The plain harvest asks for no compression (fetch would ask for gzip by itself).
    const bare: number[] = [];
    const plain: Harvest[] = [];
    const gzip: Harvest[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await bareRead(archive.db));
      plain.push(await harvest(base, 'identity'));
      gzip.push(await harvest(base, 'gzip'));
    }
    const bareMs = Math.min(...bare);
    const fastest = (runs: Harvest[]) => runs.reduce((best, run) => (run.ms < best.ms ? run : best));

    const memory = (run: Harvest) => {
      const { samples } = run;
      const tenth = Math.max(1, Math.floor(samples.length / 10));
      const early = Math.max(...samples.slice(0, tenth).map((s) => s.rss));
      const late = Math.max(...samples.slice(-tenth).map((s) => s.rss));
      return `first tenth ≤ ${mb(early)}, last tenth ≤ ${mb(late)}, peak ${mb(Math.max(...samples.map((s) => s.rss)))}, slope ${rssSlope(samples).toFixed(1)} MB per 10 000 records; heap peak ${mb(Math.max(...samples.map((s) => s.heap)))}`;
    };
    const rate = (run: Harvest) => `${(run.ms / 1000).toFixed(1)} s, ${(RECORDS / (run.ms / 1000)).toFixed(0)} records/s, ${(run.bytes / 1024 ** 2).toFixed(0)} MB of XML (page ${PAGE})`;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return [
      { label: `bare SQL read of ${RECORDS} rows (reference)`, value: `${seconds(bareMs)}, ${(RECORDS / (bareMs / 1000)).toFixed(0)} rows/s (rounds: ${bare.map(seconds).join(', ')})` },
      { label: `OAI-PMH ListRecords oai_dc, ${fastest(plain).requests} pages`, value: `${rate(fastest(plain))} (rounds: ${plain.map((run) => seconds(run.ms)).join(', ')})` },
      { label: 'harvest / bare read', value: `${(bareMs / fastest(plain).ms).toFixed(2)}× (target ≥ 0.25)` },
      { label: 'API memory, first harvest (RSS)', value: memory(plain[0]!) },
      { label: 'API memory, last harvest (RSS)', value: memory(plain.at(-1)!) },
      { label: 'the same harvest, gzip (Accept-Encoding)', value: `${rate(fastest(gzip))}: ${(bareMs / fastest(gzip).ms).toFixed(2)}× the bare read` },
      { label: 'API memory during the gzip harvests', value: gzip.map(memory).join(' | ') },
    ];
  } finally {
    await app.close();
    await dispose();
  }
}

type Db = Awaited<ReturnType<typeof temporaryArchive>>['archive']['db'];

/** The reference: every row's id and record, in keyset pages of the harvest's size, no XML, no HTTP. */
async function bareRead(db: Db): Promise<number> {
  const start = performance.now();
  let rows = 0;
  let after = '';
  for (;;) {
    const page = await db.query<{ id: string; data: unknown }>('SELECT id, data FROM items WHERE id > $1 ORDER BY id LIMIT $2', [after, PAGE]);
    if (page.length === 0) break;
    rows += page.length;
    after = page.at(-1)!.id;
  }
  if (rows !== RECORDS) throw new Error(`read ${rows} of ${RECORDS} records`);
  return performance.now() - start;
}

interface Harvest {
  ms: number;
  requests: number;
  /** Bytes of XML the harvester read (after decompression). */
  bytes: number;
  /** Memory every 200 ms, with the records harvested by then. */
  samples: { rss: number; heap: number; records: number }[];
}

/** Every page of ListRecords oai_dc, following resumption tokens, as a harvester does it, sampling this process's memory. */
async function harvest(base: string, encoding: 'identity' | 'gzip'): Promise<Harvest> {
  const samples: Harvest['samples'] = [];
  let records = 0;
  // Every 200 ms: process.memoryUsage() walks the heap's spaces, and every 50 ms it took 6% of the harvest's time.
  const sampler = setInterval(() => { const m = process.memoryUsage(); samples.push({ rss: m.rss, heap: m.heapUsed, records }); }, 200);
  const start = performance.now();
  let requests = 0;
  let bytes = 0;
  let url = `${base}?verb=ListRecords&metadataPrefix=oai_dc`;
  try {
    for (;;) {
      const response = await fetch(url, { headers: { 'accept-encoding': encoding } });
      if (encoding === 'gzip' && response.headers.get('content-encoding') !== 'gzip') throw new Error(`asked for gzip, got ${response.headers.get('content-encoding') ?? 'no content-encoding'}`);
      // Bytes, not text: the harvester runs on the API's own thread, and decoding every page
      // to a string took it a quarter of the harvest. The token is ASCII, near the end.
      const xml = Buffer.from(await response.arrayBuffer());
      requests++;
      bytes += xml.length;
      records += count(xml, RECORD_TAG);
      const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml.toString('latin1', Math.max(0, xml.lastIndexOf('<resumptionToken'))))?.[1];
      if (!token) break;
      url = `${base}?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
    }
  } finally {
    clearInterval(sampler);
  }
  if (records !== RECORDS) throw new Error(`harvested ${records} of ${RECORDS} records (${encoding})`);
  return { ms: performance.now() - start, requests, bytes, samples };
}

const RECORD_TAG = Buffer.from('<record>');

/** How many times `needle` occurs in `haystack`. */
function count(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

/** RSS growth in MB per 10 000 records harvested: the least-squares slope over the samples (flat memory is near 0). */
function rssSlope(samples: Harvest['samples']): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((sum, s) => sum + s.records, 0) / n;
  const my = samples.reduce((sum, s) => sum + s.rss, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const s of samples) {
    sxy += (s.records - mx) * (s.rss - my);
    sxx += (s.records - mx) ** 2;
  }
  return sxx === 0 ? 0 : ((sxy / sxx) * 10_000) / 1024 ** 2;
}

/** Library records written with bulk SQL (the catalog's API takes minutes for 100 000), exposed to the public. */
async function seed(db: Db, count: number): Promise<void> {
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
