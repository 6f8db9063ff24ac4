import type { MediaView, RenditionView } from '@disan/schemas';

export interface PlayableSource {
  src: string;
  type: string;
}

export interface Playable {
  media: MediaView;
  sources: PlayableSource[];
  poster: RenditionView | null;
  tracks: CaptionTrack[];
}

/** A caption file for a recording; `lang` is its BCP 47 language when known. */
export interface CaptionTrack {
  /** The caption file's own media id (its text is at /api/media/{mediaId}/text). */
  mediaId: string;
  src: string;
  lang: string | null;
}

/** Audio formats in the order a browser should try them: Opus first (small), MP3 for everything else. */
const AUDIO_ORDER = ['audio/ogg', 'audio/opus', 'audio/webm', 'audio/mp4', 'audio/aac', 'audio/mpeg'];
const VIDEO_ORDER = ['video/mp4', 'video/webm'];

function sourcesOf(media: MediaView, prefix: 'audio/' | 'video/', order: readonly string[]): PlayableSource[] {
  const rank = (type: string) => {
    const base = type.split(';')[0]!.trim();
    const i = order.indexOf(base);
    return i === -1 ? order.length : i;
  };
  // Smaller renditions of the same format first: the browser takes the first source it can play.
  return media.renditions
    .filter((r) => r.mimeType.startsWith(prefix))
    .sort((a, b) => rank(a.mimeType) - rank(b.mimeType) || (a.width ?? 0) - (b.width ?? 0))
    .map((r) => ({ src: r.url, type: r.mimeType }));
}

/** The poster still (WebP before JPEG); other stills of a video, such as a scrubbing strip, are not posters. */
function posterOf(media: MediaView): RenditionView | null {
  const posters = media.renditions.filter((r) => r.name.startsWith('poster') && (r.mimeType === 'image/webp' || r.mimeType === 'image/jpeg'));
  posters.sort((a, b) => (a.mimeType === b.mimeType ? 0 : a.mimeType === 'image/webp' ? -1 : 1));
  return posters[0] ?? null;
}

function captionUrl(media: MediaView): string | null {
  const vtt = media.renditions.find((r) => r.mimeType.startsWith('text/vtt'));
  if (vtt) return vtt.url;
  return media.mimeType.startsWith('text/vtt') ? media.original : null;
}

/** Captions matched to their recording go with it alone; captions not matched to one go with every recording. */
function tracksFor(recording: MediaView, captions: readonly MediaView[]): CaptionTrack[] {
  return captions
    .filter((c) => c.recordingId === null || c.recordingId === recording.id)
    .flatMap((c) => {
      const src = captionUrl(c);
      return src === null ? [] : [{ mediaId: c.id, src, lang: c.language }];
    });
}

/**
 * The media of an item sorted for the page: pictures for the gallery, recordings
 * with their sources (MP4 for video; Opus then MP3 for audio) and caption tracks,
 * documents, and whether anything is still being processed or withheld.
 */
export function arrangeMedia(media: readonly MediaView[]) {
  const ready = media.filter((m) => m.status === 'ready');
  const captions = ready.filter((m) => m.kind === 'captions');
  const playable = (kind: 'video' | 'audio'): Playable[] =>
    ready
      .filter((m) => m.kind === kind)
      .map((m) => ({
        media: m,
        sources: sourcesOf(m, kind === 'video' ? 'video/' : 'audio/', kind === 'video' ? VIDEO_ORDER : AUDIO_ORDER),
        poster: kind === 'video' ? posterOf(m) : null,
        tracks: tracksFor(m, captions),
      }))
      .filter((p) => p.sources.length > 0);
  return {
    images: ready.filter((m) => m.kind === 'image' && m.renditions.length > 0),
    videos: playable('video'),
    audios: playable('audio'),
    documents: ready.filter((m) => m.kind === 'document' && (m.original !== null || m.renditions.length > 0)),
    processing: media.some((m) => m.status === 'pending' || m.status === 'processing'),
    withheld: media.some((m) => m.status === 'ready' && m.original === null && m.renditions.length === 0),
  };
}

/**
 * A document's cover at the size it is shown (5rem): its thumbnail, first page's
 * picture and cover as one srcset, the smallest as `src`: the pipeline's `thumb`
 * (320 px on its long side) where there is one, else, for documents processed before
 * it was made, the 566×800 page picture.
 * @example documentCover(doc)?.srcset // '/api/media/d1/thumb 226w, /api/media/d1/page-1-webp 566w, /api/media/d1/cover-webp 724w'
 */
export function documentCover(media: MediaView): { src: string; srcset: string; width: number; height: number } | null {
  const candidates = media.renditions
    .filter((r): r is RenditionView & { width: number; height: number } =>
      r.mimeType.startsWith('image/') && r.width !== undefined && r.height !== undefined && (r.name === 'cover-webp' || r.name === 'thumb' || r.page === 1))
    .sort((a, b) => a.width - b.width);
  const smallest = candidates[0];
  if (!smallest) return null;
  return { src: smallest.url, srcset: candidates.map((r) => `${r.url} ${r.width}w`).join(', '), width: smallest.width, height: smallest.height };
}

/** The size a document's cover is shown at (see .document .cover in global.css). */
export const COVER_SIZES = '5rem';

/** The link for a document: a PDF rendition when the pipeline made one, else the original. */
export function documentLink(media: MediaView): string | null {
  return media.renditions.find((r) => r.mimeType === 'application/pdf')?.url ?? media.original;
}

/**
 * The caption track to read as a transcript: the reader's language when there is one,
 * else the first.
 * @example transcriptTrack([{ mediaId: 'c1', src: '', lang: 'km' }, { mediaId: 'c2', src: '', lang: 'vi' }], 'vi')?.mediaId // 'c2'
 */
export function transcriptTrack(tracks: readonly CaptionTrack[], readerLang: string): CaptionTrack | null {
  return tracks.find((track) => inReaderLanguage(track, readerLang)) ?? tracks[0] ?? null;
}

/** @example inReaderLanguage({ lang: 'km-Latn' }, 'km') // true */
export function inReaderLanguage(track: Pick<CaptionTrack, 'lang'>, readerLang: string): boolean {
  return track.lang?.split('-')[0] === readerLang;
}
