/**
 * Records at each access level, for the accounts journey: what the public, a researcher
 * and a member of the community may each see. Imported with `disan import` before the
 * archive starts (no media: nothing to process).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const COMMUNITY = 'khmer-soc-trang';
export const PUBLIC_ITEM = 'le-hoi-cong-khai-e2e';
export const RESEARCHERS_ITEM = 'bai-hat-cho-nha-nghien-cuu';
export const COMMUNITY_ITEM = 'nghi-le-cua-cong-dong';
export const DRAFT_ITEM = 'ban-nhap-le-hoi-e2e';

const record = (id: string, title: string, status: string, access: object) => ({ id, kind: 'ritual', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: title }], status, access });

export const PEOPLE_RECORDS = [
  record(PUBLIC_ITEM, 'Lễ hội mọi người đều xem', 'published', { level: 'public' }),
  record(RESEARCHERS_ITEM, 'Bài hát cho nhà nghiên cứu', 'published', { level: 'researchers' }),
  record(COMMUNITY_ITEM, 'Nghi lễ của cộng đồng Sóc Trăng', 'published', { level: 'community', communities: [COMMUNITY] }),
  record(DRAFT_ITEM, 'Bản nháp chưa công bố', 'draft', { level: 'public' }),
];

/** Writes the records as a `disan import` file; returns its path. */
export async function writePeopleRecords(folder: string): Promise<string> {
  const path = join(folder, 'people-records.jsonl');
  await writeFile(path, PEOPLE_RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}
