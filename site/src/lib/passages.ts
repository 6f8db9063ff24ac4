import type { HitPassage, SearchHit } from '@disan/schemas';
import { isId } from '@disan/schemas/patterns';

/**
 * The item page opened on one medium (`?media=…`), at a page or a second when given,
 * scrolled to that medium; on a page, the words searched for (`&q=`) are highlighted by
 * the reader. `itemHref` may be '' for a link within the item page.
 * @example focusHref('/item/ok', 'm1', { seconds: 90 }) // '/item/ok?media=m1&t=90#media-m1'
 * @example focusHref('/item/ok', 'm1', { page: 7, q: 'lễ hội' }) // '/item/ok?media=m1&page=7&q=l%E1%BB%85%20h%E1%BB%99i#media-m1'
 */
export function focusHref(itemHref: string, mediaId: string, at: { page?: number; seconds?: number; q?: string } = {}): string {
  const media = encodeURIComponent(mediaId);
  const where = at.page !== undefined ? `&page=${at.page}` : at.seconds !== undefined ? `&t=${Math.floor(at.seconds)}` : '';
  const q = at.page !== undefined && at.q?.trim() ? `&q=${encodeURIComponent(at.q.trim().slice(0, MAX_FIND_LENGTH))}` : '';
  return `${itemHref}?media=${media}${where}${q}#media-${media}`;
}

/**
 * Where a reader lands from a search passage: the item page, told which medium and
 * which page or second to open (`?media=…&page=7` or `?media=…&t=90`), scrolled to
 * that medium, with the words searched for when given (`&q=`, for the reader to highlight). Shared by the server-rendered results and the live-search island.
 * @example passageHref('/item/ok-om-bok', { mediaId: 'm1', source: 'pdf-text', page: 7, html: '' }) // '/item/ok-om-bok?media=m1&page=7#media-m1'
 */
export function passageHref(itemHref: string, passage: HitPassage, q?: string): string {
  // A caption cue opens the recording it belongs to, not the caption file.
  return focusHref(itemHref, passage.recordingId ?? passage.mediaId, {
    ...(passage.page === undefined ? {} : { page: passage.page, ...(q === undefined ? {} : { q }) }),
    ...(passage.startSeconds === undefined ? {} : { seconds: passage.startSeconds }),
  });
}

/**
 * Whether a hit's snippet is shown beside its passages: not when it was taken from
 * media text, as it then repeats the first passage, which also says where it is.
 * Shared by the server-rendered results and the live-search island.
 */
export function showsSnippet(hit: Pick<SearchHit, 'snippet' | 'passages'>): boolean {
  return hit.snippet !== null && !(hit.snippet.field === 'fullText' && hit.passages.length > 0);
}

/**
 * A time code as captions show it, hours always written so every cue lines up.
 * @example timecode(90) // '00:01:30'
 * @example timecode(3725.4) // '01:02:05'
 */
export function timecode(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
}

/**
 * The place a passage points at, in words: the page template filled in for a page,
 * the time code for a cue, null when the passage has neither.
 * @example passageLabel({ page: 7 }, 'page {page}') // 'page 7'
 * @example passageLabel({ startSeconds: 90 }, 'page {page}') // '00:01:30'
 */
export function passageLabel(passage: Pick<HitPassage, 'page' | 'startSeconds'>, pageTemplate: string): string | null {
  if (passage.page !== undefined) return pageTemplate.replace('{page}', String(passage.page));
  if (passage.startSeconds !== undefined) return timecode(passage.startSeconds);
  return null;
}

/** What the item page was asked to open: a medium, and a page or a second in it, and words to highlight on a page. */
export interface MediaFocus {
  mediaId: string;
  page?: number;
  seconds?: number;
  q?: string;
}

/** The reader's find route takes at most this many characters. */
const MAX_FIND_LENGTH = 200;

const MAX_PAGE = 1_000_000;
const MAX_SECONDS = 1_000_000;

/**
 * The focus from an item page's address; anything malformed is ignored (the page
 * opens as usual), never an error.
 * @example focusFrom(new URLSearchParams('media=m1&t=90')) // { mediaId: 'm1', seconds: 90 }
 */
export function focusFrom(params: URLSearchParams): MediaFocus | null {
  const mediaId = params.get('media');
  if (mediaId === null || !isId(mediaId)) return null;
  const page = wholeNumber(params.get('page'), 1, MAX_PAGE);
  const q = params.get('q')?.trim().slice(0, MAX_FIND_LENGTH);
  if (page !== null) return q ? { mediaId, page, q } : { mediaId, page };
  const seconds = wholeNumber(params.get('t'), 0, MAX_SECONDS);
  return seconds === null ? { mediaId } : { mediaId, seconds };
}

function wholeNumber(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d{1,7}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}
