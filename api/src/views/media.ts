import type { Media, MediaView } from '@disan/schemas';
import { mediaUrl } from './urls.ts';

/** A medium as the viewer sees it; `readable` is canReadMedia for its item and itself. Storage keys never leave. */
export function toMediaView(media: Media, readable: boolean): MediaView {
  return {
    id: media.id,
    kind: media.kind,
    mimeType: media.mimeType,
    caption: media.caption ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
    durationSeconds: media.durationSeconds ?? null,
    pageCount: media.pageCount ?? null,
    language: textOf(media.technical?.lang),
    recordingId: textOf(media.technical?.recordingId),
    original: readable ? mediaUrl(media.id, 'original') : null,
    renditions: readable
      ? media.derivatives.map((d) => ({
          name: d.name,
          url: mediaUrl(media.id, d.name),
          mimeType: d.mimeType,
          size: d.size,
          ...(d.width === undefined ? {} : { width: d.width }),
          ...(d.height === undefined ? {} : { height: d.height }),
          ...(d.page === undefined ? {} : { page: d.page }),
        }))
      : [],
    status: media.status,
  };
}

function textOf(value: string | number | boolean | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
