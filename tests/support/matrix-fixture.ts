/**
 * The archive the access matrix runs on: one record in every access level and state,
 * each with a photo run through the real pipeline and words inside it, each alone in its
 * province (so a leaking facet count or place names it), all in one collection beside a
 * public anchor (so related items and collection counts show what leaks).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ItemInput } from '@disan/schemas';
import { type Archive, importRecords } from '@disan/ingest';
import { SYSTEM } from '@disan/ingest/access';
import { makeImages } from './crash.ts';

/** The states a record can be in, as the matrix names them. */
export const STATES = ['public', 'metadata-only', 'researchers', 'community', 'embargoed', 'embargo-ended', 'draft', 'in-review', 'withdrawn'] as const;
export type State = (typeof STATES)[number];

export const COMMUNITY = 'khmer-soc-trang';
export const OTHER_COMMUNITY = 'hoa-can-tho';
export const COLLECTION = 'matrix-all';
export const ANCHOR = 'm-anchor';

/** A word found only in one record's title, and another only inside its photo's text. */
const WORDS: Record<State, [title: string, text: string]> = {
  public: ['aurora', 'quartz'],
  'metadata-only': ['basalt', 'rubidium'],
  researchers: ['cobalt', 'saffron'],
  community: ['dynamo', 'tundra'],
  embargoed: ['ember', 'umber'],
  'embargo-ended': ['fjord', 'vellum'],
  draft: ['garnet', 'wolfram'],
  'in-review': ['harbor', 'xenon'],
  withdrawn: ['indigo', 'yarrow'],
};

export const idOf = (state: State): string => `m-${state}`;
export const titleWordOf = (state: State): string => WORDS[state][0];
export const textWordOf = (state: State): string => WORDS[state][1];
export const provinceOf = (state: State): string => `Tỉnh ${titleWordOf(state)}`;
/** A dictionary word in every state too (issue 14), found by a headword no other record holds. */
export const wordIdOf = (state: State): string => `m-word-${state}`;
export const headwordOf = (state: State): string => `w${titleWordOf(state)}`;

export const ACCESS: Record<State, { status: ItemInput['status']; access: ItemInput['access'] }> = {
  public: { status: 'published', access: { level: 'public' } },
  'metadata-only': { status: 'published', access: { level: 'metadata-only' } },
  researchers: { status: 'published', access: { level: 'researchers' } },
  community: { status: 'published', access: { level: 'community', communities: [COMMUNITY] } },
  embargoed: { status: 'published', access: { level: 'embargo', embargoUntil: '2999-01-01' } },
  'embargo-ended': { status: 'published', access: { level: 'embargo', embargoUntil: '2001-01-01' } },
  draft: { status: 'draft', access: { level: 'public' } },
  'in-review': { status: 'in-review', access: { level: 'public' } },
  // Published first, then withdrawn in the workspace below: a withdrawal has a date and a reason.
  withdrawn: { status: 'published', access: { level: 'public' } },
};

type Line = ItemInput & { media?: { file: string }[] };

const record = (state: State, photo: number): Line => ({
  id: idOf(state),
  kind: 'festival',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'vi', value: `Hồ sơ ${titleWordOf(state)}` }],
  places: [{ name: provinceOf(state), province: provinceOf(state), geo: { lat: 9 + photo / 10, lon: 105 + photo / 10 } }],
  collections: [COLLECTION],
  // Every record has a festival day (Ok Om Bok's), so the calendar's doors show what leaks.
  recurrence: [{ calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing' }],
  ...ACCESS[state],
  media: [{ file: `photos/photo-${String(photo).padStart(3, '0')}.jpg` }],
});

const word = (state: State): Line => ({
  id: wordIdOf(state),
  kind: 'word',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'km', value: headwordOf(state) }],
  entry: { language: 'km', headwords: [{ value: headwordOf(state), script: 'Latn' }], senses: [{ glosses: [{ lang: 'vi', value: `từ ${titleWordOf(state)}` }] }] },
  ...ACCESS[state],
});

/** Imports the records (photos through the real pipeline) and gives each photo a text layer holding its word. */
export async function loadMatrixRecords(archive: Archive, dataDir: string): Promise<void> {
  await makeImages(join(dataDir, 'input', 'photos'), STATES.length + 1);
  await archive.catalog.collections.upsert({ id: COLLECTION, title: [{ lang: 'vi', value: 'Bộ sưu tập kiểm tra' }], status: 'published', access: { level: 'public' } });
  const anchor: Line = { ...record('public', STATES.length), id: ANCHOR, title: [{ lang: 'vi', value: 'Hồ sơ neo' }], places: [{ name: 'Tỉnh Neo', province: 'Tỉnh Neo' }] };
  const lines = [anchor, ...STATES.map((state, n) => record(state, n)), ...STATES.map(word)];
  const file = join(dataDir, 'input', 'matrix.jsonl');
  await writeFile(file, lines.map((line) => JSON.stringify(line)).join('\n'));
  const report = await importRecords(archive, file);
  const failures = [...report.failures.map((f) => f.reason), ...(report.media?.failures.map((f) => f.reason) ?? [])];
  if (failures.length > 0) throw new Error(`matrix import failed: ${failures.join('; ')}`);
  for (const state of STATES) {
    const media = (await archive.catalog.media.listForItem(idOf(state)))[0];
    if (!media) throw new Error(`no photo for ${idOf(state)}`);
    await archive.catalog.texts.replace(media.id, [{ mediaId: media.id, itemId: idOf(state), seq: 0, source: 'ocr', page: 1, lang: 'vi', text: `Chữ trong ảnh: ${textWordOf(state)}` }]);
  }
  const published = (await archive.workspace.get(SYSTEM, idOf('withdrawn')))!;
  await archive.workspace.withdraw(SYSTEM, idOf('withdrawn'), { ifMatch: published.version, reason: 'Withdrawn at the family’s request' });
  const publishedWord = (await archive.workspace.get(SYSTEM, wordIdOf('withdrawn')))!;
  await archive.workspace.withdraw(SYSTEM, wordIdOf('withdrawn'), { ifMatch: publishedWord.version, reason: 'Withdrawn at the community’s request' });
  await archive.indexer.indexItems([...STATES.map(idOf), ...STATES.map(wordIdOf)]);
}
