import type { ResolvedFile } from './resolve.ts';

/**
 * How long a browser or shared cache may serve a public medium (a rendition, an original,
 * its words) without asking again: the most a withdrawn or newly embargoed record's media
 * stays visible from a cache. After that a cache revalidates with the strong ETag and an
 * unchanged file costs a 304 without a body.
 */
export const PUBLIC_MEDIA_SECONDS = 300;
export const PUBLIC_MEDIA_CACHE = `public, max-age=${PUBLIC_MEDIA_SECONDS}, must-revalidate`;

/**
 * A rendition's bytes never change under its name, but whether anyone may read them
 * does: a record can be withdrawn or embargoed at any time. So public renditions and
 * originals alike are kept for minutes, not a year (they once were `immutable` for a
 * year, and a withdrawn record's pictures stayed in browsers and proxies). Versioned
 * URLs would not help: they bust a cache on change, but a withdrawal changes no URL.
 * `must-revalidate` forbids serving a stale copy when the API cannot be asked. Anything
 * not public is never stored by a shared cache.
 */
export function cacheControl(file: ResolvedFile): string {
  return file.isPublic ? PUBLIC_MEDIA_CACHE : 'private, no-store';
}

/** Pictures, sound and video are shown inline; anything else (PDF, SVG with scripts, text) downloads. */
export function contentDisposition(file: ResolvedFile): string {
  const inline = /^(image|audio|video)\//.test(file.mimeType) && file.mimeType !== 'image/svg+xml';
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
}
