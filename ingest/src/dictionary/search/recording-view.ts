import type { Item, Media, RecordingView } from '@disan/schemas';
import { accessView, canReadMedia, type Viewer } from '../../access/index.ts';

const rendition = (medium: Media, name: string): string | null =>
  medium.derivatives.some((derivative) => derivative.name === name) ? `/api/media/${encodeURIComponent(medium.id)}/${encodeURIComponent(name)}` : null;

/**
 * May the viewer hear this recording of the entry? Access decides (canReadMedia with the
 * medium): the record's media rule, the medium's own narrower rule, and a voice recorded
 * without its speaker's consent heard by staff only.
 */
export function canHear(viewer: Viewer, record: Item, medium: Media): boolean {
  return canReadMedia(viewer, record, medium);
}

/** A pronunciation as the player gets it: rendition URLs (null while processing) and who speaks, where. */
export function toRecordingView(record: Item, medium: Media): RecordingView {
  return {
    mediaId: medium.id,
    opus: rendition(medium, 'audio-opus'),
    mp3: rendition(medium, 'audio-mp3'),
    waveform: rendition(medium, 'waveform-json'),
    durationSeconds: medium.durationSeconds ?? null,
    caption: medium.caption ?? null,
    speaker: medium.recording?.speaker ?? null,
    locality: medium.recording?.locality ?? null,
    dialect: medium.recording?.dialect ?? null,
    generated: medium.recording?.generated ?? false,
    access: accessView(medium.access ?? record.access),
  };
}

/** The entry's first recording the viewer may hear, one that is ready before one still processing; null when none. */
export function firstRecording(viewer: Viewer, record: Item, media: readonly Media[]): RecordingView | null {
  const audible = media.filter((medium) => medium.kind === 'audio' && medium.status !== 'failed' && canHear(viewer, record, medium));
  const chosen = audible.find((medium) => medium.status === 'ready') ?? audible[0];
  return chosen ? toRecordingView(record, chosen) : null;
}
