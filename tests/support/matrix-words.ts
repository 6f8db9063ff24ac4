/**
 * The dictionary's part of the access-matrix archive: one word entry in every access level
 * and state (w-<state>, with an audio file), a public entry naming every record of the matrix
 * (w-anchor), all of them in one public word list and all naming the matrix's public anchor.
 */
import type { ItemInput } from '@disan/schemas';
import type { Archive } from '@disan/ingest';
import { SYSTEM } from '@disan/ingest/access';
import { ACCESS, ANCHOR, idOf, STATES, type State } from './matrix-fixture.ts';

export const WORD_LIST = 'matrix-words';
export const WORD_ANCHOR = 'w-anchor';
export const wordOf = (state: State): string => `w-${state}`;

/** Khmer consonants in order, one headword each, so the browse order is known. */
const CONSONANTS = ['ក', 'ខ', 'គ', 'ឃ', 'ង', 'ច', 'ឆ', 'ជ', 'ឈ', 'ញ'];

const entry = (id: string, headword: string, records: string[], access: Pick<ItemInput, 'status' | 'access'>): ItemInput => ({
  id,
  kind: 'word',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'km', value: headword }],
  collections: [WORD_LIST],
  ...access,
  entry: { language: 'km', headwords: [{ value: headword, script: 'Khmr' }], senses: [{ glosses: [{ lang: 'vi', value: `từ ${id}` }] }], records },
});

export async function loadMatrixWords(archive: Archive): Promise<void> {
  await archive.catalog.collections.upsert({ id: WORD_LIST, type: 'word-list', title: [{ lang: 'vi', value: 'Từ kiểm tra' }], status: 'published', access: { level: 'public' } });
  const lines = [entry(WORD_ANCHOR, CONSONANTS[0]!, STATES.map(idOf), { status: 'published', access: { level: 'public' } }), ...STATES.map((state, n) => entry(wordOf(state), `${CONSONANTS[n + 1]!}ា`, [ANCHOR], ACCESS[state]))];
  for (const line of lines) await archive.catalog.items.upsert(line, { author: 'matrix' });
  for (const state of STATES) {
    await archive.catalog.media.insert({
      id: `a-${state}`, itemId: wordOf(state), sha256: String(STATES.indexOf(state)).padStart(64, 'b'), mimeType: 'audio/wav', kind: 'audio', size: 1,
      originalName: `${state}.wav`, originalKey: `originals/a-${state}`, position: 0, status: 'ready',
      derivatives: [{ name: 'audio-mp3', key: `derived/a-${state}.mp3`, mimeType: 'audio/mpeg', size: 1 }],
    });
  }
  const published = (await archive.workspace.get(SYSTEM, wordOf('withdrawn')))!;
  await archive.workspace.withdraw(SYSTEM, wordOf('withdrawn'), { ifMatch: published.version, reason: 'Withdrawn at the speaker’s request' });
  await archive.indexer.indexItems(lines.map((line) => line.id));
}
