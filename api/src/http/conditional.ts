import type { IncomingHttpHeaders } from 'node:http';

/**
 * RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since. Weak comparison for
 * If-None-Match (W/ prefixes ignored); dates compare at whole seconds, as HTTP sends them.
 * @example isNotModified({ 'if-none-match': '"abc"' }, '"abc"', new Date()) // true
 */
export function isNotModified(headers: IncomingHttpHeaders, etag: string, lastModified: Date): boolean {
  const noneMatch = headers['if-none-match'];
  if (noneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return noneMatch.trim() === '*' || noneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
  }
  const since = headers['if-modified-since'];
  if (since === undefined) return false;
  const sinceMs = Date.parse(since);
  return Number.isFinite(sinceMs) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceMs;
}

/** If-Range: serve the range only when the validator still matches (a strong ETag or the exact date). */
export function rangeStillValid(headers: IncomingHttpHeaders, etag: string, lastModified: Date): boolean {
  const ifRange = headers['if-range'];
  if (typeof ifRange !== 'string') return true;
  if (ifRange.startsWith('"')) return ifRange === etag;
  return Date.parse(ifRange) === Math.floor(lastModified.getTime() / 1000) * 1000;
}
