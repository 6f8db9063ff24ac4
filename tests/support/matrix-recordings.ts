/**
 * For the access matrix: a public dictionary entry with three pronunciations run through the
 * real pipeline (Opus, MP3, waveform): one that follows the entry's rule (its speaker
 * consented), one its community keeps to itself, and one whose speaker has not given consent.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ItemInput } from '@disan/schemas';
import { type Archive, importRecords } from '@disan/ingest';
import { SYSTEM } from '@disan/ingest/access';
import { generateAudio } from './generate-av.ts';
import { COMMUNITY } from './matrix-fixture.ts';

export const WORD = 'm-word-tuk-ngo';
export const RECORDINGS = ['consented', 'community', 'no-consent'] as const;
export type RecordingCase = (typeof RECORDINGS)[number];

const entry: ItemInput = {
  id: WORD,
  kind: 'word',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'km', value: 'ទូកង' }],
  status: 'published',
  access: { level: 'public' },
  entry: {
    language: 'km',
    headwords: [{ value: 'ទូកង', script: 'Khmr' }],
    romanisations: [{ value: 'tuk ngo', system: 'ungegn' }],
    senses: [{ glosses: [{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'racing boat' }], domains: ['boat', 'festival'] }],
  },
};

/** Imports the entry with its three recordings and returns each recording's media id. */
export async function loadMatrixRecordings(archive: Archive, dataDir: string): Promise<Record<RecordingCase, string>> {
  const folder = join(dataDir, 'input', 'words');
  await mkdir(folder, { recursive: true });
  // Lengths differ so that the three files differ (one file is stored once per record).
  for (const [n, name] of RECORDINGS.entries()) await generateAudio(join(folder, `${name}.wav`), { seconds: 1 + n / 2, format: 'wav' });
  const file = join(dataDir, 'input', 'words.jsonl');
  await writeFile(file, JSON.stringify({ ...entry, media: RECORDINGS.map((name) => ({ file: `words/${name}.wav` })) }));
  const report = await importRecords(archive, file);
  const failures = [...report.failures.map((f) => f.reason), ...(report.media?.failures.map((f) => f.reason) ?? [])];
  if (failures.length > 0) throw new Error(`matrix recordings import failed: ${failures.join('; ')}`);
  const media = await archive.catalog.media.listForItem(WORD);
  const idOf = (name: RecordingCase) => {
    const found = media.find((m) => m.originalName.endsWith(`${name}.wav`));
    if (!found) throw new Error(`no recording ${name} on ${WORD}`);
    return found.id;
  };
  const ids = { consented: idOf('consented'), community: idOf('community'), 'no-consent': idOf('no-consent') };
  const consent = { given: true, date: '2026-10-01', method: 'written' as const };
  const { setRecording } = archive.workspace.media;
  await setRecording(SYSTEM, ids.consented, { recording: { speaker: 'Thạch Sa Rinh', consent, locality: 'Sóc Trăng' } });
  await setRecording(SYSTEM, ids.community, { recording: { speaker: 'Lâm Sóc', consent }, access: { level: 'community', communities: [COMMUNITY] } });
  await setRecording(SYSTEM, ids['no-consent'], { recording: { speaker: 'Danh Sơn', consent: { given: false } } });
  return ids;
}
