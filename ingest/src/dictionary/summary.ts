import type { EntrySummary, Item, Media, RecordingView } from '@disan/schemas';
import { accessView, canReadMedia, type Viewer } from '../access/index.ts';

/**
 * An entry as a row of a list (search hits, browse pages, word lists, a record's words):
 * its headwords, romanisations, first glosses and the first recording the viewer may hear.
 * The one place that builds EntrySummary, so every list of words says the same.
 */

/** Root-relative, as api/src/views/urls.ts writes every media URL (the engine does not import the API). */
const audioUrl = (mediaId: string, rendition: string) => `/api/media/${encodeURIComponent(mediaId)}/${encodeURIComponent(rendition)}`;

/**
 * May the viewer hear this recording? Access decides (canReadMedia with the medium): the
 * record's media rule, the medium's own narrower rule (a community may share a word and keep
 * one speaker's voice to itself), and a voice recorded without consent heard by staff only.
 */
export function mayHear(viewer: Viewer, item: Item, medium: Media, now: Date = new Date()): boolean {
  return medium.kind === 'audio' && medium.status !== 'failed' && canReadMedia(viewer, item, medium, now);
}

/** A recording as the player gets it: its renditions while they exist, who speaks, where. */
export function toRecordingView(item: Item, medium: Media, now: Date = new Date()): RecordingView {
  const rendition = (name: string) => (medium.derivatives.some((d) => d.name === name) ? audioUrl(medium.id, name) : null);
  return {
    mediaId: medium.id,
    opus: rendition('audio-opus'),
    mp3: rendition('audio-mp3'),
    waveform: rendition('waveform-json'),
    durationSeconds: medium.durationSeconds ?? null,
    caption: medium.caption ?? null,
    speaker: medium.recording?.speaker ?? null,
    locality: medium.recording?.locality ?? null,
    dialect: medium.recording?.dialect ?? null,
    generated: medium.recording?.generated ?? false,
    access: accessView(medium.access ?? item.access, now),
  };
}

/** The recordings of an entry the viewer may hear, in the record's file order. */
export function recordingsFor(viewer: Viewer, item: Item, media: readonly Media[], now: Date = new Date()): RecordingView[] {
  return [...media]
    .sort((a, b) => a.position - b.position)
    .filter((medium) => mayHear(viewer, item, medium, now))
    .map((medium) => toRecordingView(item, medium, now));
}

/**
 * The summary of an entry (an item of kind `word`) for one viewer. The caller has checked
 * that the viewer may read the entry; `media` are the item's files (only audio counts).
 * @example toEntrySummary(item, await catalog.media.listForItem(item.id), PUBLIC).recording?.mp3 // '/api/media/m1/audio-mp3'
 */
export function toEntrySummary(item: Item, media: readonly Media[], viewer: Viewer, now: Date = new Date()): EntrySummary {
  const { entry } = item;
  if (item.kind !== 'word' || !entry) throw new Error(`Item ${item.id} is not a dictionary entry (kind ${item.kind})`);
  return {
    id: item.id,
    language: entry.language,
    headwords: entry.headwords,
    romanisations: (entry.romanisations ?? []).map((r) => r.value),
    glosses: entry.senses[0]?.glosses ?? [],
    partOfSpeech: entry.partOfSpeech ?? null,
    recording: recordingsFor(viewer, item, media, now)[0] ?? null,
    status: item.status,
    access: accessView(item.access, now),
  };
}
