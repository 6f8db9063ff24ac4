import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ItemInput } from '@disan/schemas';
import { type Archive, importRecords } from '@disan/ingest';
import { createAccounts } from '@disan/ingest/accounts';
import { temporaryArchive } from './archive.ts';
import { makeImages } from './crash.ts';
import { buildApp } from '../../api/src/app.ts';

export const OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';
export const OPERATOR = { authorization: `Bearer ${OPERATOR_TOKEN}` };

/** Items the public may see. */
export const VISIBLE = ['ok-om-bok', 'chol-chnam-thmay', 'chi-mo-ta'] as const;
/** Items the public must never learn of, through any door. */
export const HIDDEN = ['ban-nhap', 'dang-duyet', 'cong-dong', 'nghien-cuu'] as const;
/** Collections the public must never learn of: a draft, and one for a community only; each holds a public item. */
export const HIDDEN_COLLECTIONS = ['secret-drafts', 'nghi-le-rieng'] as const;
/** Only hidden items are Cham or in this province, so a leaking count shows at once. */
export const HIDDEN_GROUP = 'cham';
export const HIDDEN_PROVINCE = 'Tỉnh Bí Mật';

const title = (vi: string) => [{ lang: 'vi', value: vi }];
const place = (province: string, lat: number, lon: number) => [{ name: province, province, geo: { lat, lon } }];
const base = { status: 'published', access: { level: 'public' } } as const;

type Line = ItemInput & { media?: { file: string; caption?: string }[] };
const photo = (n: number) => [{ file: `photos/photo-${String(n).padStart(3, '0')}.jpg`, caption: `Ảnh ${n}` }];

const RECORDS: Line[] = [
  { ...base, id: 'ok-om-bok', kind: 'festival', ethnicGroups: ['khmer'], title: title('Lễ hội Ok Om Bok'), description: [{ lang: 'vi', value: 'Lễ cúng trăng' }], places: place('Sóc Trăng', 9.6, 105.97), collections: ['khmer-festivals'], media: photo(0) },
  { ...base, id: 'chol-chnam-thmay', kind: 'festival', ethnicGroups: ['khmer'], title: title('Tết Chôl Chnăm Thmây'), places: place('Trà Vinh', 9.93, 106.34), collections: ['khmer-festivals', ...HIDDEN_COLLECTIONS], media: photo(1) },
  { ...base, id: 'chi-mo-ta', kind: 'craft', ethnicGroups: ['hoa'], title: title('Nghề làm lồng đèn'), description: [{ lang: 'vi', value: 'Chỉ mô tả, không ảnh' }], access: { level: 'metadata-only' }, places: place('Cần Thơ', 10.03, 105.78), media: photo(2) },
  { ...base, id: 'ban-nhap', kind: 'festival', ethnicGroups: ['khmer', HIDDEN_GROUP], title: title('Lễ hội bản nháp'), status: 'draft', places: place(HIDDEN_PROVINCE, 11, 107), collections: ['khmer-festivals', 'secret-drafts'], media: photo(3) },
  { ...base, id: 'dang-duyet', kind: 'festival', ethnicGroups: [HIDDEN_GROUP], title: title('Lễ hội đang duyệt'), status: 'in-review', places: place(HIDDEN_PROVINCE, 11, 107), collections: ['khmer-festivals'] },
  { ...base, id: 'cong-dong', kind: 'festival', ethnicGroups: ['khmer', HIDDEN_GROUP], title: title('Nghi lễ nội bộ cộng đồng'), access: { level: 'community', communities: ['khmer-soc-trang'] }, places: place(HIDDEN_PROVINCE, 11, 107), collections: ['khmer-festivals'], media: photo(4) },
  { ...base, id: 'nghien-cuu', kind: 'ritual', ethnicGroups: [HIDDEN_GROUP], title: title('Tư liệu nghiên cứu'), access: { level: 'researchers' }, places: place(HIDDEN_PROVINCE, 11, 107) },
];

export interface ApiFixture {
  app: FastifyInstance;
  archive: Archive;
  /** Media id of an item's first file. */
  mediaOf(itemId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real archive in a temp folder (PGlite, files, embedded search) with real photos
 * run through the real pipeline (sharp), and the app built on it. Nothing is mocked;
 * `now` gives the accounts a clock the test moves.
 */
export async function apiFixture(env: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<ApiFixture> {
  const opened = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN, ...env });
  const { dataDir, dispose } = opened;
  // With a clock of the test's, the accounts (time-outs, expiry, throttling, TOTP) follow it.
  const archive: Archive = options.now === undefined ? opened.archive : { ...opened.archive, accounts: createAccounts(opened.archive.db, { config: opened.archive.config.accounts, now: options.now }) };
  try {
    await makeImages(join(dataDir, 'input', 'photos'), 5);
    await archive.catalog.collections.upsert({ id: 'secret-drafts', title: title('Bộ sưu tập nháp'), status: 'draft', access: { level: 'public' } });
    await archive.catalog.collections.upsert({ id: 'nghi-le-rieng', title: title('Nghi lễ riêng'), status: 'published', access: { level: 'community', communities: ['khmer-soc-trang'] } });
    await archive.catalog.collections.upsert({ id: 'khmer-festivals', title: title('Lễ hội Khmer'), status: 'published', access: { level: 'public' }, ethnicGroups: ['khmer'] });
    const file = join(dataDir, 'input', 'records.jsonl');
    await writeFile(file, RECORDS.map((r) => JSON.stringify(r)).join('\n'));
    const report = await importRecords(archive, file);
    const failures = [...report.failures.map((f) => f.reason), ...(report.media?.failures.map((f) => f.reason) ?? [])];
    if (failures.length > 0) throw new Error(`fixture import failed: ${failures.join('; ')}`);
    const app = await buildApp({ archive, config: archive.config, logger: false });
    return {
      app,
      archive,
      mediaOf: async (itemId) => (await archive.catalog.media.listForItem(itemId))[0]!.id,
      close: async () => {
        await app.close();
        await dispose();
      },
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
