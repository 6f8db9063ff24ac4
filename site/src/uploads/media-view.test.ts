import { describe, expect, it } from 'vitest';
import { captionLanguages, mediaDone, thumbnailOf } from './media-view.ts';

describe('the media list', () => {
  it('names only known done keys', () => {
    expect(mediaDone(new URLSearchParams('done=cover'))).toBe('uploads.done.cover');
    expect(mediaDone(new URLSearchParams('done=toString'))).toBeNull();
  });

  it('shows the thumb, else the smallest picture, never a page of a document', () => {
    const r = (name: string, size: number, extra = {}) => ({ name, key: name, mimeType: 'image/webp', size, ...extra });
    expect(thumbnailOf({ id: 'm1', derivatives: [r('webp-1280', 90), r('thumb', 9)] })).toBe('/api/media/m1/thumb');
    expect(thumbnailOf({ id: 'm1', derivatives: [r('webp-1280', 90), r('webp-400', 20)] })).toBe('/api/media/m1/webp-400');
    expect(thumbnailOf({ id: 'm1', derivatives: [r('page-1', 5, { page: 1 })] })).toBeNull();
  });

  it('offers the known caption languages and keeps another one the file has', () => {
    expect(captionLanguages(undefined)).toContain('km');
    expect(captionLanguages('th').at(-1)).toBe('th');
  });
});
