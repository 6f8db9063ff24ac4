import type { EntrySummary, Item, Media } from '@disan/schemas';
import { accessView, type Viewer } from '../../access/index.ts';
import { firstRecording } from './recording-view.ts';

/**
 * An entry as a row of results: headwords, romanisations, the first sense's glosses and
 * the first recording the viewer may hear. The item must be a word the viewer may read.
 */
export function toEntrySummary(viewer: Viewer, item: Item, media: readonly Media[]): EntrySummary {
  const entry = item.entry;
  if (!entry) throw new Error(`item ${item.id} is a ${item.kind} without a dictionary entry`);
  return {
    id: item.id,
    language: entry.language,
    headwords: entry.headwords,
    romanisations: (entry.romanisations ?? []).map((romanisation) => romanisation.value),
    glosses: entry.senses[0]?.glosses ?? [],
    partOfSpeech: entry.partOfSpeech ?? null,
    recording: firstRecording(viewer, item, media),
    status: item.status,
    access: accessView(item.access),
  };
}
