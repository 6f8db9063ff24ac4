import type { Item, SearchDocument } from '@disan/schemas';
import { entryExactKeys, entryMatches, entrySearchKeys, searchDictionary, type EntryForms } from '@disan/ingest/dictionary';
import { PUBLIC } from '@disan/ingest/access';
import { EmbeddedSearchEngine } from '@disan/ingest/search';
import { random } from './search.ts';

/**
 * Dictionary search (issue 14) on 100 000 generated entries across Khmer, Han and Cham
 * (Akhar Thrah and Rumi), with Vietnamese and English glosses: searchDictionary over the
 * embedded engine (file on disk, match cache off), the catalog's two bulk reads answered
 * from memory (they are one PGlite round trip each in the archive). Whole words, exact
 * headwords, toneless romanisations, pinyin, glosses and typos; then search-as-you-type
 * on one- and two-character prefixes. Target: p95 <= 20 ms. The reference, measured in
 * the same run, is a scan of every entry's keys with entryMatches (the engines' rule
 * without typos, no index). Sizes: BENCH_DICTIONARY_SIZE (default 100000).
 */
const SIZE = Number(process.env.BENCH_DICTIONARY_SIZE ?? 100_000);
const ROUNDS = 10;
const BATCH = 5_000;

/** Khmer syllables and words with their UNGEGN-style romanisations: compounds are made of two. */
const KHMER: [string, string][] = [
  ['ទូក', 'tuk'], ['ក្បាល', 'kbal'], ['ស្រី', 'srei'], ['ប្រុស', 'proh'], ['ផ្ទះ', 'phteah'], ['ទឹក', 'tuek'], ['ភ្លើង', 'phleung'], ['ដី', 'dei'],
  ['មេឃ', 'mekh'], ['ព្រះ', 'preah'], ['វត្ត', 'voat'], ['បុណ្យ', 'bon'], ['ចាស់', 'chas'], ['ថ្មី', 'thmei'], ['ធំ', 'thom'], ['តូច', 'touch'],
  ['ខ្មៅ', 'khmau'], ['ក្រហម', 'krahom'], ['បាយ', 'bay'], ['នំ', 'num'], ['ស្ករ', 'skar'], ['ត្នោត', 'tnaot'], ['ឆ្នាំ', 'chhnam'], ['ខែ', 'khae'],
  ['ថ្ងៃ', 'thngai'], ['យប់', 'yub'], ['ភ្លេង', 'phleng'], ['របាំ', 'robam'], ['ល្ខោន', 'lkhaon'], ['ក្អម', 'k\'am'], ['ស្រូវ', 'srov'], ['អង្ករ', 'angkar'],
];
/** Han characters, traditional and simplified mixed as the Hoa write them. */
const HAN = Array.from('船舟龍龙水火山天地人月日年花茶酒米飯饭魚鱼肉鳥鸟馬马牛羊雞鸡鴨廟庙會会館馆節节燈灯獅狮舞鼓琴歌神佛祖家門门路橋桥河海風风雨雲云');
/** Cham consonants (Akhar Thrah) with their Rumi, and finals. */
const CHAM: [string, string][] = [
  ['ꨆ', 'ka'], ['ꨇ', 'kha'], ['ꨈ', 'ga'], ['ꨊ', 'nga'], ['ꨌ', 'ca'], ['ꨎ', 'ja'], ['ꨑ', 'nya'], ['ꨓ', 'ta'], ['ꨔ', 'tha'], ['ꨕ', 'da'],
  ['ꨘ', 'na'], ['ꨚ', 'pa'], ['ꨝ', 'ba'], ['ꨠ', 'ma'], ['ꨢ', 'ya'], ['ꨣ', 'ra'], ['ꨤ', 'la'], ['ꨥ', 'wa'], ['ꨦ', 'sa'], ['ꨨ', 'ha'],
];
const CHAM_FINALS: [string, string][] = [['', ''], ['ꩀ', 'k'], ['ꩌ', 'm'], ['ꩃ', 'ng'], ['ꩆ', 'n']];
const VIETNAMESE = ['ghe', 'thuyền', 'rồng', 'lễ', 'hội', 'chùa', 'bánh', 'gạo', 'nước', 'lửa', 'núi', 'trời', 'đất', 'người', 'mẹ', 'cha', 'nhà', 'đèn', 'lân', 'múa', 'trống', 'đàn', 'hát', 'thần', 'phật', 'cầu', 'sông', 'biển', 'gió', 'mưa', 'mây', 'đua', 'cúng', 'trăng', 'nếp', 'đường'];
const ENGLISH = ['boat', 'dragon', 'festival', 'rice', 'cake', 'water', 'fire', 'mountain', 'sky', 'earth', 'mother', 'father', 'house', 'lantern', 'lion', 'dance', 'drum', 'song', 'temple', 'bridge', 'river', 'sea', 'wind', 'rain', 'cloud', 'race', 'offering', 'moon', 'sugar', 'palm'];

/** The words the queries name, among the generated ones. */
const KNOWN: { id: string; forms: EntryForms }[] = [
  { id: 'word-tuk-ngo', forms: { headwords: ['ទូកង'], romanisations: ['tuk ngô'], glosses: ['ghe ngo', 'ngo racing boat'] } },
  { id: 'word-long-zhou', forms: { headwords: ['龍舟', '龙舟'], romanisations: ['lóngzhōu', 'lung4 zau1'], glosses: ['thuyền rồng', 'dragon boat'] } },
  { id: 'word-kate', forms: { headwords: ['ꨆꨓꨬ', 'Katê'], romanisations: ['Katê'], glosses: ['lễ hội Katê', 'Kate festival'] } },
];

function generate(count: number, next: () => number): { id: string; forms: EntryForms }[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const gloss = () => [`${pick(VIETNAMESE)} ${pick(VIETNAMESE)}`, `${pick(ENGLISH)} ${pick(ENGLISH)}`];
  return Array.from({ length: count }, (_, index) => {
    const script = next();
    if (script < 0.4) {
      const [a, b] = [pick(KHMER), pick(KHMER)];
      return { id: `km-${index}`, forms: { headwords: [`${a[0]}${b[0]}`], romanisations: [`${a[1]} ${b[1]}`], glosses: gloss() } };
    }
    if (script < 0.75) return { id: `zh-${index}`, forms: { headwords: [`${pick(HAN)}${pick(HAN)}`], romanisations: [], glosses: gloss() } };
    const syllables = Array.from({ length: 2 + Math.floor(next() * 2) }, () => [pick(CHAM), pick(CHAM_FINALS)] as const);
    const thrah = syllables.map(([c, f]) => c[0] + f[0]).join('');
    const rumi = syllables.map(([c, f]) => c[1] + f[1]).join('');
    return { id: `cjm-${index}`, forms: { headwords: [thrah, rumi], romanisations: [rumi], glosses: gloss() } };
  });
}

function toDocument({ id, forms }: { id: string; forms: EntryForms }): SearchDocument {
  return {
    id, kind: 'word', ethnicGroups: [id.startsWith('zh') ? 'hoa' : id.startsWith('cjm') ? 'cham' : 'khmer'], title: [{ lang: 'und', value: forms.headwords[0]! }],
    alternativeNames: [], description: [], subjects: [], places: [], fullText: [], collections: [], province: [], period: [], languages: [], mediaKinds: [],
    status: 'published', access: 'public', communities: [], year: null, updatedAt: '2026-01-01T00:00:00Z', geo: null, thumbnail: null,
    entryKeys: entrySearchKeys(forms), headwordKeys: entryExactKeys(forms),
  };
}

function toItem({ id, forms }: { id: string; forms: EntryForms }): Item {
  return {
    id, kind: 'word', ethnicGroups: [], title: [{ lang: 'und', value: forms.headwords[0]! }], status: 'published', access: { level: 'public' }, version: 1,
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    entry: {
      language: 'und', headwords: forms.headwords.map((value) => ({ value, script: 'Latn' as const })), romanisations: forms.romanisations.map((value) => ({ value, system: 'other' as const })),
      senses: [{ glosses: forms.glosses.map((value) => ({ lang: 'vi', value })) }],
    },
  };
}

const WORDS = ['ទូកង', 'ទូក', '龙舟', '龍舟', 'long zhou', 'longzhou', 'ꨆꨓꨬ', 'kate', 'tuk ngo', 'ghe ngo', 'thuyen rong', 'dragon boat', 'dragn boat', 'phleung', 'chuan', 'kamra'];
const ONE = ['ទ', 'ក', '龙', 'k', 't', 'ꨆ'];
const TWO = ['ទូ', 'ភ្', '龍舟', 'ka', 'lo', 'th', 'ꨆꨓ'];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function benchDictionary(): Promise<{ label: string; value: string }[]> {
  const entries = [...KNOWN, ...generate(SIZE - KNOWN.length, random(14))];
  const items = new Map(entries.map((entry) => [entry.id, toItem(entry)]));
  const catalog = {
    items: { getMany: (ids: readonly string[]) => Promise.resolve(ids.flatMap((id) => items.get(id) ?? [])) },
    media: { listForItems: () => Promise.resolve(new Map()) },
  };
  const engine = new EmbeddedSearchEngine(':memory:', { matchCacheSize: 0 });
  const buildStart = performance.now();
  const documents = entries.map(toDocument);
  const keysMs = performance.now() - buildStart;
  for (let start = 0; start < documents.length; start += BATCH) await engine.upsert(documents.slice(start, start + BATCH));
  const indexMs = performance.now() - buildStart - keysMs;

  // Wall-clock time, and the CPU time this process spent (what other processes on a shared machine cannot inflate).
  const time = async (queries: readonly string[], rounds: number): Promise<{ wall: number[]; cpu: number[] }> => {
    for (const q of queries) await searchDictionary({ search: engine, catalog }, PUBLIC, { q });
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const q of queries) {
        const start = performance.now();
        const used = process.cpuUsage();
        await searchDictionary({ search: engine, catalog }, PUBLIC, { q });
        const spent = process.cpuUsage(used);
        wall.push(performance.now() - start);
        cpu.push((spent.user + spent.system) / 1000);
      }
    }
    return { wall: wall.sort((x, y) => x - y), cpu: cpu.sort((x, y) => x - y) };
  };
  const figures = (timings: { wall: number[]; cpu: number[] }) =>
    `${ms(percentile(timings.wall, 50))} / ${ms(percentile(timings.wall, 95))} (CPU ${ms(percentile(timings.cpu, 50))} / ${ms(percentile(timings.cpu, 95))})`;
  const words = await time(WORDS, ROUNDS);
  const one = await time(ONE, ROUNDS);
  const two = await time(TWO, ROUNDS);
  const first = (await searchDictionary({ search: engine, catalog }, PUBLIC, { q: 'ទូកង' })).hits[0];

  // The reference: every entry's keys scanned with the engines' matching rule, no index.
  const keys = documents.map((document) => document.entryKeys ?? []);
  const scan: number[] = [];
  for (const q of [...WORDS.slice(0, 6), ...ONE.slice(0, 2), ...TWO.slice(0, 2)]) {
    const start = performance.now();
    keys.filter((entryKeys) => entryMatches(q, entryKeys));
    scan.push(performance.now() - start);
  }
  scan.sort((a, b) => a - b);
  await engine.close();
  const label = `${SIZE / 1000}k entries`;
  return [
    { label: `dictionary ${label}: keys, index`, value: `${(keysMs / 1000).toFixed(1)} s, ${(indexMs / 1000).toFixed(1)} s` },
    { label: 'dictionary words: p50 / p95', value: `${figures(words)}, target p95 <= 20 ms` },
    { label: 'dictionary 1-char prefixes: p50 / p95', value: figures(one) },
    { label: 'dictionary 2-char prefixes: p50 / p95', value: figures(two) },
    { label: 'dictionary reference scan: p50', value: `${ms(percentile(scan, 50))}: ${(percentile(scan, 50) / percentile(words.wall, 50)).toFixed(0)}× the engine's p50` },
    { label: 'dictionary ទូកង first hit', value: `${first?.id ?? 'none'}${first?.exact ? ' (exact)' : ''}` },
  ];
}

