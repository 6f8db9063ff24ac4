import type { BrowseOrder, ItemInput } from '@disan/schemas';
import { PUBLIC } from '@disan/ingest/access';
import { browseDictionary, ensureBrowseOrder, ORDER_COMPARE } from '@disan/ingest/dictionary';
import { temporaryArchive } from '../support/archive.ts';

/**
 * Browsing the dictionary at 100 000 entries (a third each Khmer, Chinese, Cham; every one
 * with a Vietnamese gloss): the rebuild of each order's ranks after a change (paid once
 * per change of the dictionary, by the first reader), then pages read from the ranks
 * (first page, a jump to a section, a page fifty pages deep through cursors), against the
 * reference of sorting the order's entries with its collator, as a naive request would.
 */
const ENTRIES = Number(process.env.BENCH_DICTIONARY_ENTRIES ?? 100_000);
const PAGES = Number(process.env.BENCH_DICTIONARY_PAGES ?? 50);
const ORDERS = (process.env.BENCH_DICTIONARY_ORDERS ?? 'khmer,pinyin,cham,vietnamese-gloss,radical').split(',') as BrowseOrder[];

export async function benchDictionaryBrowse(): Promise<{ label: string; value: string }[]> {
  const { archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' });
  try {
    await seed(archive.db, ENTRIES);
    const lines: { label: string; value: string }[] = [];
    for (const order of ORDERS) {
      const sources = await archive.catalog.dictionary.browseSources();
      const sortStart = performance.now();
      const texts = sources.flatMap((s) => (order === 'vietnamese-gloss' ? s.glosses.map((g) => g.value).slice(0, 1) : s.headwords.map((h) => h.value).slice(0, 1)));
      texts.sort(ORDER_COMPARE[order]);
      const sortMs = performance.now() - sortStart;

      const buildStart = performance.now();
      await ensureBrowseOrder(archive.catalog.dictionary, order);
      const buildMs = performance.now() - buildStart;

      const first = await timed(() => browseDictionary(archive, PUBLIC, { order, limit: 50 }));
      const middle = first.result.sections[Math.floor(first.result.sections.length / 2)]!;
      const jump = await timed(() => browseDictionary(archive, PUBLIC, { order, from: middle.key, limit: 50 }));
      const pages: number[] = [];
      let next = first.result.next;
      for (let p = 0; p < PAGES && next; p++) {
        const page = await timed(() => browseDictionary(archive, PUBLIC, { order, after: next!, limit: 50 }));
        pages.push(page.ms);
        next = page.result.next;
      }
      pages.sort((a, b) => a - b);
      const pct = (q: number) => pages[Math.min(pages.length - 1, Math.floor(q * pages.length))]!.toFixed(1);
      lines.push(
        { label: `${order}: rebuild of the ranks`, value: `${(buildMs / 1000).toFixed(2)} s for ${ENTRIES} entries (once per change of the dictionary)` },
        { label: `${order}: page of 50`, value: `first ${first.ms.toFixed(1)} ms, jump to ${middle.label} ${jump.ms.toFixed(1)} ms, ${pages.length} pages by cursor p50 ${pct(0.5)} ms p95 ${pct(0.95)} ms (${first.result.sections.length} sections)` },
        { label: `${order}: reference, collator sort`, value: `${sortMs.toFixed(0)} ms for ${texts.length} texts (what each request would pay without the ranks)` },
      );
    }
    return lines;
  } finally {
    await dispose();
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

type Db = Awaited<ReturnType<typeof temporaryArchive>>['archive']['db'];

async function seed(db: Db, count: number): Promise<void> {
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const items = Array.from({ length: Math.min(batch, count - start) }, (_, k) => entry(start + k));
    await db.query(
      `INSERT INTO items (id, kind, status, access_level, data, version) SELECT e->>'id', 'word', 'published', 'public', e, 1 FROM jsonb_array_elements($1::jsonb) AS e`,
      [JSON.stringify(items)],
    );
  }
}

/** A deterministic pseudo-random word: letters drawn from a range by a linear congruential sequence. */
function letters(seed: number, from: number, to: number, length: number): string {
  let x = seed * 2_654_435_761;
  let out = '';
  for (let k = 0; k < length; k++) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += String.fromCodePoint(from + (x % (to - from + 1)));
  }
  return out;
}

const SYLLABLES = ['an', 'ăn', 'bà', 'cá', 'chùa', 'đình', 'ghe', 'hội', 'lễ', 'múa', 'ngo', 'ông', 'phở', 'sông', 'thuyền', 'ư', 'xôi', 'yếm'];

function entry(i: number): ItemInput {
  const script = (['Khmr', 'Hant', 'Cham'] as const)[i % 3]!;
  const headword =
    script === 'Khmr' ? letters(i, 0x1780, 0x17a2, 3) : script === 'Hant' ? letters(i, 0x4e00, 0x9fa5, 2) : letters(i, 0xaa06, 0xaa28, 3);
  const gloss = `${SYLLABLES[i % SYLLABLES.length]!} ${SYLLABLES[(i * 7) % SYLLABLES.length]!} ${i}`;
  return {
    id: `w-${String(i).padStart(6, '0')}`,
    kind: 'word',
    ethnicGroups: [],
    title: [{ lang: 'und', value: headword }],
    status: 'published',
    access: { level: 'public' },
    entry: { language: script === 'Khmr' ? 'km' : script === 'Hant' ? 'cmn' : 'cjm', headwords: [{ value: headword, script }], senses: [{ glosses: [{ lang: 'vi', value: gloss }] }] },
  };
}
