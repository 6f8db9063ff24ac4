import type { ResolvedFile } from './resolve.ts';

const YEAR = 31_536_000;
const DAY = 86_400;

/**
 * Renditions never change under their name (a new one gets a new name), so public
 * ones are cached for a year; originals of public items for a day (a record can be
 * withdrawn); anything not public is never stored by a shared cache.
 */
export function cacheControl(file: ResolvedFile): string {
  if (!file.isPublic) return 'private, no-store';
  return file.original ? `public, max-age=${DAY}` : `public, max-age=${YEAR}, immutable`;
}

/** Pictures, sound and video are shown inline; anything else (PDF, SVG with scripts, text) downloads. */
export function contentDisposition(file: ResolvedFile): string {
  const inline = /^(image|audio|video)\//.test(file.mimeType) && file.mimeType !== 'image/svg+xml';
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
}
