import type { MediaText, MediaTextPassage } from '@disan/schemas';
import type { CaptionTrack, arrangeMedia } from '../lib/media.ts';
import { transcriptTrack } from '../lib/media.ts';
import type { MediaFocus } from '../lib/passages.ts';
import { waveformPath, type WaveformDrawing } from '../lib/waveform.ts';
import type { ApiClient } from './client.ts';

/** Cues shown as a transcript under a recording; a longer one says so and offers its caption file. */
export const TRANSCRIPT_CUES = 200;

export interface Transcript {
  track: CaptionTrack;
  text: MediaText;
}

export interface ItemExtras {
  /** Waveforms drawn from each recording's peaks, by media id. */
  waveforms: Map<string, WaveformDrawing>;
  /** Each recording's transcript (its captions in the reader's language, else the first), by media id. */
  transcripts: Map<string, Transcript>;
  /** The words of the page a search passage pointed at. */
  pageText: MediaTextPassage[];
}

/**
 * What an item page reads beside the item: waveforms, transcripts and the focused
 * page's words, all at once. Each is an extra: one that fails only leaves its part out,
 * the page still renders.
 */
export async function loadItemExtras(api: ApiClient, media: ReturnType<typeof arrangeMedia>, focus: MediaFocus | null, lang: string): Promise<ItemExtras> {
  const extras: ItemExtras = { waveforms: new Map(), transcripts: new Map(), pageText: [] };
  const recordings = [...media.videos, ...media.audios];
  await Promise.all([
    ...media.audios.map(async (audio) => {
      const url = audio.media.renditions.find((r) => r.name === 'waveform-json')?.url;
      if (url === undefined) return;
      const drawing = await api.waveform(url).then((w) => waveformPath(w.peaks), () => null);
      if (drawing) extras.waveforms.set(audio.media.id, drawing);
    }),
    ...recordings.map(async (recording) => {
      const track = transcriptTrack(recording.tracks, lang);
      if (!track) return;
      const text = await api.mediaText(track.mediaId, { limit: TRANSCRIPT_CUES }).catch(() => null);
      if (text && text.passages.length > 0) extras.transcripts.set(recording.media.id, { track, text });
    }),
    (async () => {
      if (focus?.page === undefined || !media.documents.some((d) => d.id === focus.mediaId)) return;
      extras.pageText = await api.mediaText(focus.mediaId, { page: focus.page }).then((text) => text.passages, () => []);
    })(),
  ]);
  return extras;
}
