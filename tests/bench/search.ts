import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FACETS, type SearchDocument, type SearchQuery } from '@disan/schemas';
import { EmbeddedSearchEngine } from '@disan/ingest/search';

/**
 * Search latency of the embedded engine on synthetic multilingual archives (Vietnamese
 * with tones, Khmer, Chinese, English) of 10k and 100k documents. Target: p95 <= 50 ms
 * at 100k on the 2-core reference machine.
 */
const SIZES = (process.env.BENCH_SEARCH_SIZES ?? '10000,100000').split(',').map(Number);
const ROUNDS = 15;
const BATCH = 5_000;

const ONSETS = ['b', 'c', 'ch', 'd', 'đ', 'g', 'h', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 's', 't', 'th', 'tr', 'v', 'x'];
const RHYMES = ['a', 'ai', 'an', 'ang', 'anh', 'ao', 'e', 'em', 'en', 'i', 'im', 'in', 'o', 'oi', 'on', 'ong', 'u', 'ua', 'un', 'ung', 'uôn', 'ươi', 'ương', 'iêu', 'ênh'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const PHRASES = ['Lễ hội', 'lê hồi', 'Hội quán', 'đua ghe ngo', 'chùa Khmer', 'đường thốt nốt', 'Nguyên Tiêu', 'miếu Quan Đế', 'Ông Bổn'];
const ENGLISH = ['festival', 'pottery', 'lantern', 'temple', 'assembly', 'boat', 'race', 'ancestors', 'palm', 'sugar', 'weaving', 'music'];
const KHMER = ['បុណ្យអកអំបុក', 'ចូលឆ្នាំថ្មី', 'សែនដូនតា', 'វត្ត', 'ភ្លេង', 'ល្ខោន', 'ស្ករត្នោត', 'ក្អម'];
const HAN = ['關帝廟', '元宵節', '本头公', '天后宫', '會館', '舞獅', '中秋節', '福德祠'];
const PROVINCES = ['soc-trang', 'tra-vinh', 'bac-lieu', 'can-tho', 'an-giang', 'kien-giang', 'ca-mau', 'vinh-long'];
const KINDS = ['festival', 'ritual', 'craft', 'architecture', 'music', 'cuisine', 'performance', 'place'] as const;
const GROUPS = ['khmer', 'hoa', 'kinh', 'cham'] as const;

/** Deterministic pseudo-random numbers (mulberry32), so every run indexes the same archive. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeDocuments(count: number, next: () => number): SearchDocument[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  // A skewed syllable choice gives common and rare words, as real text has.
  const syllable = (): string => `${pick(ONSETS)}${pick(RHYMES.slice(0, 3 + Math.floor(next() ** 2 * RHYMES.length)))}${pick(TONES)}`.normalize('NFC');
  const words = (n: number): string => Array.from({ length: n }, () => (next() < 0.1 ? pick(PHRASES) : next() < 0.05 ? pick(ENGLISH) : syllable())).join(' ');
  return Array.from({ length: count }, (_, index): SearchDocument => {
    const group = pick(GROUPS);
    const title = [{ lang: 'vi', value: `${pick(PHRASES)} ${words(3)}` }];
    if (group === 'khmer') title.push({ lang: 'km', value: `${pick(KHMER)}${pick(KHMER)}` });
    if (group === 'hoa') title.push({ lang: 'zh-Hant', value: pick(HAN) });
    const year = next() < 0.2 ? null : 1850 + Math.floor(next() * 175);
    return {
      id: `doc-${index}`,
      kind: pick(KINDS),
      ethnicGroups: [group],
      title,
      alternativeNames: next() < 0.3 ? [`${pick(ENGLISH)} ${pick(ENGLISH)}`] : [],
      description: [{ lang: 'vi', value: `${words(25)}. ${group === 'khmer' ? pick(KHMER) : ''} ${words(10)}` }],
      subjects: [pick(ENGLISH)],
      places: [],
      fullText: [],
      collections: [`collection-${Math.floor(next() * 20)}`],
      province: [pick(PROVINCES)],
      period: year === null ? [] : [`${Math.floor(year / 100)}00s`],
      languages: group === 'kinh' ? ['vi'] : ['vi', group === 'hoa' ? 'zh-Hant' : 'km'],
      mediaKinds: [next() < 0.7 ? 'image' : 'video'],
      status: next() < 0.9 ? 'published' : 'draft',
      access: next() < 0.85 ? 'public' : 'community',
      communities: [],
      year,
      updatedAt: new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 1.5e11)).toISOString(),
      geo: next() < 0.6 ? { lat: 8.6 + next() * 2, lon: 104.5 + next() * 2 } : null,
      thumbnail: null,
    };
  });
}

const ALL_FACETS = [...FACETS];
const PUBLISHED = [{ status: ['published'], access: ['public'] }];

/** Typed as a user types: tones or none, prefixes, typos, Khmer, Chinese, facets and filters. */
const QUERIES: SearchQuery[] = [
  { q: 'lễ hội' },
  { q: 'le hoi' },
  { q: 'le hoi dua ghe ngo', facets: ALL_FACETS },
  { q: 'hội qu' },
  { q: 'chua kh', facets: ['ethnicGroups', 'province'] },
  { q: 'festivl' },
  { q: 'lantren temple' },
  { q: 'អកអំបុក' },
  { q: 'ចូលឆ្នាំ', facets: ALL_FACETS },
  { q: '关帝庙' },
  { q: '會館', filters: { province: ['soc-trang', 'tra-vinh'] } },
  { q: '', facets: ALL_FACETS, filters: { ethnicGroups: ['khmer'] } },
  { q: 'duong thot not', sort: 'date:desc' },
  { q: 'ông bổn', geo: { lat: 9.6, lon: 105.97, radiusMeters: 50_000 }, facets: ['kind'] },
  { q: 'm', facets: ['kind'] },
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timeQueries(engine: EmbeddedSearchEngine, rounds: number): Promise<number[]> {
  for (const query of QUERIES) await engine.search(query, PUBLISHED); // warm SQLite pages, JIT and the vocabulary
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERIES) {
      const start = performance.now();
      await engine.search(query, PUBLISHED);
      timings.push(performance.now() - start);
    }
  }
  return timings.sort((a, b) => a - b);
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/**
 * The headline figures run with the match-set cache off, so every query pays its FTS5
 * searches as a new query would; the cached line shows repeated queries (paging,
 * changing a filter) with the engine's default cache.
 */
async function benchSize(size: number, dir: string): Promise<{ label: string; value: string }[]> {
  const file = join(dir, `search-${size}.sqlite`);
  const engine = new EmbeddedSearchEngine(file, { matchCacheSize: 0 });
  const documents = makeDocuments(size, random(size));
  const indexStart = performance.now();
  for (let start = 0; start < documents.length; start += BATCH) await engine.upsert(documents.slice(start, start + BATCH));
  const indexMs = performance.now() - indexStart;
  const timings = await timeQueries(engine, ROUNDS);
  await engine.close();
  // The WAL is checkpointed on close, so the file holds the whole index here.
  const indexBytes = statSync(file).size;
  const cachedEngine = new EmbeddedSearchEngine(file);
  const cached = await timeQueries(cachedEngine, 3);
  await cachedEngine.close();
  const label = `${size / 1000}k`;
  return [
    { label: `search ${label}: index build`, value: `${(indexMs / 1000).toFixed(1)} s` },
    { label: `search ${label}: index size`, value: `${(indexBytes / 1024 / 1024).toFixed(1)} MiB` },
    { label: `search ${label}: p50`, value: ms(percentile(timings, 50)) },
    { label: `search ${label}: p95`, value: ms(percentile(timings, 95)) },
    { label: `search ${label}: max`, value: ms(timings.at(-1) ?? 0) },
    { label: `search ${label}: cached p50/p95`, value: `${ms(percentile(cached, 50))} / ${ms(percentile(cached, 95))}` },
  ];
}

export async function benchSearch(): Promise<{ label: string; value: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'disan-bench-search-'));
  try {
    const lines: { label: string; value: string }[] = [];
    for (const size of SIZES) lines.push(...(await benchSize(size, dir)));
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchSearch()) console.log(`${line.label.padEnd(28)} ${line.value}`);
}
