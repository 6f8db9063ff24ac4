import type { CoverageTarget, ItemInput } from '@disan/schemas';
import { coverageReport, loadCoverageHistory } from '@disan/ingest/coverage';
import { temporaryArchive } from '../support/archive.ts';

/**
 * Coverage of a target over 10 000 inventory elements and 100 000 records that document them,
 * computed for every year of a nine-year history (2018-2026) plus now and a year ago
 * (target: under a second), against a bare read of the same history rows in the same run
 * (one SELECT of the versions' ids and timestamps, nothing parsed). The history is written
 * straight into the catalog's tables: 30 % of the records were published a year after their
 * draft, 5 % later withdrawn; each has 0-6 photographs and a film one time in three.
 */
const ELEMENTS = Number(process.env.BENCH_COVERAGE_ELEMENTS ?? 10_000);
const RECORDS = Number(process.env.BENCH_COVERAGE_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_COVERAGE_ROUNDS ?? 3);
const PROVINCES = ['Sóc Trăng', 'Trà Vinh', 'Bạc Liêu', 'Cà Mau', 'Kiên Giang', 'An Giang', 'Cần Thơ', 'Vĩnh Long', 'Hồ Chí Minh'];
const CATEGORIES = ['festival', 'custom', 'ritual', 'craft', 'cuisine', 'traditional-product'] as const;
const GROUPS = ['khmer', 'hoa', 'cham'] as const;

type Db = Awaited<ReturnType<typeof temporaryArchive>>['archive']['db'];

const TARGET: CoverageTarget = {
  id: 'bench',
  name: [{ lang: 'vi', value: 'Sóc Trăng' }],
  scope: { provinces: ['Sóc Trăng', 'Trà Vinh', 'Bạc Liêu'], ethnicGroups: ['khmer', 'hoa'], categories: ['festival', 'custom'] },
  percentage: 70,
  deadline: '2030-12-31',
  rule: { minImages: 3, minAudioVisual: 1, descriptionIn: ['vi', 'group'] },
  public: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

/** A fixed pseudo-random sequence, the same every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const moment = (fraction: number): string => new Date(Date.UTC(2018, 0, 1) + fraction * (Date.UTC(2026, 10, 1) - Date.UTC(2018, 0, 1))).toISOString();

async function insertItems(db: Db, rows: { item: ItemInput; versions: { status: string; at: string }[] }[]): Promise<void> {
  const items = rows.map(({ item, versions }) => ({ id: item.id, kind: item.kind, data: { ...item, status: versions.at(-1)!.status }, version: versions.length }));
  await db.query(
    `INSERT INTO items (id, kind, status, access_level, data, version) SELECT e->>'id', e->>'kind', e->'data'->>'status', 'public', e->'data', (e->>'version')::int FROM jsonb_array_elements($1::jsonb) AS e`,
    [JSON.stringify(items)],
  );
  const versions = rows.flatMap(({ item, versions: list }) => list.map((v, index) => ({ id: item.id, version: index + 1, at: v.at, data: { ...item, status: v.status } })));
  await db.query(
    `INSERT INTO item_versions (item_id, version, data, author, created_at) SELECT e->>'id', (e->>'version')::int, e->'data', 'bench', (e->>'at')::timestamptz FROM jsonb_array_elements($1::jsonb) AS e`,
    [JSON.stringify(versions)],
  );
}

async function seed(db: Db): Promise<void> {
  const random = sequence(20_261_203);
  const batch = 5_000;
  for (let start = 0; start < ELEMENTS; start += batch) {
    const rows = Array.from({ length: Math.min(batch, ELEMENTS - start) }, (_, k) => {
      const i = start + k;
      const at = moment(random() * 0.8);
      const item: ItemInput = {
        id: `el-${i}`,
        kind: 'element',
        ethnicGroups: [GROUPS[i % GROUPS.length]!],
        title: [{ lang: 'vi', value: `Di sản ${i}` }],
        description: [{ lang: 'vi', value: `Mô tả ${i}` }, ...(i % 2 === 0 ? [{ lang: i % 3 === 1 ? 'zh' : 'km', value: `${i}` }] : [])],
        places: [{ name: 'x', province: PROVINCES[i % PROVINCES.length]! }, ...(i % 10 === 0 ? [{ name: 'y', province: PROVINCES[(i + 1) % PROVINCES.length]! }] : [])],
        recurrence: [{ calendar: 'vietnamese-lunisolar', month: 1 + (i % 12), day: 1 + (i % 28) }],
        status: 'published',
        access: { level: 'public' },
        element: { category: CATEGORIES[i % CATEGORIES.length]!, viability: (['stable', 'vulnerable', 'endangered'] as const)[i % 3] },
      };
      return { item, versions: [{ status: 'published', at }] };
    });
    await insertItems(db, rows);
  }
  for (let start = 0; start < RECORDS; start += batch) {
    const media: { id: string; item: string; kind: string; at: string }[] = [];
    const rows = Array.from({ length: Math.min(batch, RECORDS - start) }, (_, k) => {
      const i = start + k;
      const first = random();
      const item: ItemInput = {
        id: `rec-${i}`,
        kind: 'festival',
        ethnicGroups: ['khmer'],
        title: [{ lang: 'vi', value: `Hồ sơ ${i}` }],
        description: [{ lang: 'vi', value: `Mô tả ${i}` }],
        status: 'draft',
        access: { level: 'public' },
        elements: [`el-${Math.floor(random() * ELEMENTS)}`],
      };
      const versions = [{ status: 'draft', at: moment(first * 0.9) }];
      if (random() < 0.3) versions.push({ status: 'published', at: moment(Math.min(1, first * 0.9 + 0.1)) });
      if (versions.length === 2 && random() < 0.17) versions.push({ status: 'withdrawn', at: moment(Math.min(1, first * 0.9 + 0.15)) });
      const images = Math.floor(random() * 7);
      for (let m = 0; m < images; m += 1) media.push({ id: `m-${i}-${m}`, item: item.id, kind: 'image', at: versions[0]!.at });
      if (random() < 1 / 3) media.push({ id: `m-${i}-v`, item: item.id, kind: 'video', at: versions[0]!.at });
      return { item, versions };
    });
    await insertItems(db, rows);
    await db.query(
      `INSERT INTO media (id, item_id, sha256, mime_type, kind, size, original_name, original_key, status, created_at)
       SELECT e->>'id', e->>'item', md5(e->>'id') || md5(e->>'id'), 'image/jpeg', e->>'kind', 1, 'f', 'k', 'ready', (e->>'at')::timestamptz FROM jsonb_array_elements($1::jsonb) AS e`,
      [JSON.stringify(media)],
    );
  }
}

export async function benchCoverage(): Promise<{ label: string; value: string }[]> {
  const { archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' });
  try {
    await seed(archive.db);
    const bare: number[] = [];
    const load: number[] = [];
    const compute: number[] = [];
    let years = 0;
    let percentage = 0;
    let inScope = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      let start = performance.now();
      await archive.db.query('SELECT item_id, version, created_at FROM item_versions');
      bare.push(performance.now() - start);
      start = performance.now();
      const history = await loadCoverageHistory(archive.db);
      load.push(performance.now() - start);
      start = performance.now();
      const report = coverageReport(history, TARGET, { now: new Date('2026-11-15T00:00:00Z') });
      compute.push(performance.now() - start);
      years = report.years.length;
      percentage = report.now.percentage;
      inScope = report.now.total;
    }
    const best = (list: number[]) => Math.min(...list);
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    // The first load takes every version's facts out of its JSON (coverage_facts); later ones read them.
    const warm = load.slice(1);
    const total = best(warm.map((l, i) => l + compute[i + 1]!));
    return [
      { label: `bare read of the history's rows (reference)`, value: `${ms(best(bare))} (rounds: ${bare.map(ms).join(', ')})` },
      { label: 'first coverage after the history was written', value: `${ms(load[0]! + compute[0]!)} (facts taken out of ${RECORDS + ELEMENTS} versions once)` },
      { label: `coverage, ${ELEMENTS} elements × ${RECORDS} records`, value: `${ms(total)} for ${years} years + now + a year ago (target < 1000 ms); load ${ms(best(warm))}, compute ${ms(best(compute.slice(1)))}` },
      { label: 'coverage / bare read', value: `${(total / best(bare)).toFixed(2)}× the bare read (${inScope} elements in scope, ${percentage} % digitised now)` },
    ];
  } finally {
    await dispose();
  }
}
