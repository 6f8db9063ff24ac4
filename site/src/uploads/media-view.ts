import type { WorkspaceMedia } from '@disan/schemas';
import { KNOWN_LANGUAGES } from '@disan/schemas';
import type { MessageId } from '../i18n/vi.ts';

/**
 * What the media page shows of a record's files, and what its forms say afterwards. The
 * page answers each form with 303 to `?done=<key>`; only these keys, never text from the address.
 */
export const MEDIA_DONE = {
  order: 'uploads.done.order',
  cover: 'uploads.done.cover',
  details: 'uploads.done.details',
  removed: 'uploads.done.removed',
  retried: 'uploads.done.retried',
} as const satisfies Record<string, MessageId>;
export type MediaDone = keyof typeof MEDIA_DONE;

/** @example mediaDone(new URLSearchParams('done=cover')) // 'uploads.done.cover' */
export function mediaDone(params: URLSearchParams): MessageId | null {
  const key = params.get('done');
  return key !== null && Object.hasOwn(MEDIA_DONE, key) ? MEDIA_DONE[key as MediaDone] : null;
}

/**
 * The small picture of a file for the list: the pipeline's `thumb`, else its smallest image
 * rendition; null while it is being made (or for a file that has none, such as captions).
 * @example thumbnailOf({ id: 'm1', derivatives: [{ name: 'thumb', mimeType: 'image/jpeg', size: 9 }] }) // '/api/media/m1/thumb'
 */
export function thumbnailOf(media: Pick<WorkspaceMedia, 'id' | 'derivatives'>): string | null {
  const images = media.derivatives.filter((r) => r.mimeType.startsWith('image/') && r.page === undefined);
  const chosen = images.find((r) => r.name === 'thumb') ?? [...images].sort((a, b) => a.size - b.size)[0];
  return chosen ? `/api/media/${encodeURIComponent(media.id)}/${encodeURIComponent(chosen.name)}` : null;
}

/** The files a caption file can belong to. */
export const recordings = (media: readonly WorkspaceMedia[]): WorkspaceMedia[] => media.filter((m) => m.kind === 'video' || m.kind === 'audio');

/**
 * The languages offered for a caption: the archive's known ones, and the file's own when it is another.
 * @example captionLanguages('vi') // ['vi', 'en', 'km', 'zh-Hans', 'zh-Hant', 'cjm', 'fr']
 * @example captionLanguages('th').at(-1) // 'th'
 */
export function captionLanguages(current: string | undefined): string[] {
  const known: string[] = [...KNOWN_LANGUAGES];
  return current === undefined || known.includes(current) ? known : [...known, current];
}

/** The media in the order the record keeps them. */
export const inOrder = (media: readonly WorkspaceMedia[]): WorkspaceMedia[] => [...media].sort((a, b) => a.position - b.position);
