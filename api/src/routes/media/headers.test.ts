import { describe, expect, it } from 'vitest';
import { cacheControl, contentDisposition } from './headers.ts';
import type { ResolvedFile } from './resolve.ts';

const file = (over: Partial<ResolvedFile>): ResolvedFile => ({
  key: 'k',
  info: { key: 'k', size: 1, etag: 'e', lastModified: new Date(0), contentType: 'x' },
  mimeType: 'image/webp',
  fileName: 'a.webp',
  original: false,
  isPublic: true,
  record: { status: 'published', access: { level: 'public' } },
  medium: {},
  ...over,
});

describe('media headers', () => {
  it.each([
    // Never immutable: a public record can be withdrawn or embargoed at any time.
    [{ isPublic: true, original: false }, 'public, max-age=300, must-revalidate'],
    [{ isPublic: true, original: true }, 'public, max-age=300, must-revalidate'],
    [{ isPublic: false, original: false }, 'private, no-store'],
    [{ isPublic: false, original: true }, 'private, no-store'],
  ])('caches %j as %s', (over, expected) => {
    expect(cacheControl(file(over))).toBe(expected);
  });

  it.each([
    ['image/jpeg', 'inline'],
    ['video/mp4', 'inline'],
    ['audio/ogg', 'inline'],
    ['image/svg+xml', 'attachment'],
    ['application/pdf', 'attachment'],
    ['text/vtt', 'attachment'],
    ['text/html', 'attachment'],
  ])('serves %s %s', (mimeType, disposition) => {
    expect(contentDisposition(file({ mimeType }))).toMatch(new RegExp(`^${disposition};`));
  });

  it('keeps a Vietnamese file name intact for modern clients and safe for old ones', () => {
    expect(contentDisposition(file({ mimeType: 'application/pdf', fileName: 'Báo cáo "lễ hội".pdf' }))).toBe(
      `attachment; filename="B_o c_o _l_ h_i_.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22l%E1%BB%85%20h%E1%BB%99i%22.pdf`,
    );
  });
});
