import { describe, expect, it } from 'vitest';
import { refusalKey } from './refusal.ts';
import { decodeSheet, encodeSheet } from './sheet-form.ts';
import { captionLanguages, mediaDone, thumbnailOf } from './media-view.ts';

describe('refusalKey', () => {
  it.each([
    [413, 'too_large', 'uploads.refused.tooLarge'],
    [413, 'quota_exceeded', 'uploads.refused.quota'],
    [0, '', 'uploads.refused.network'],
    [502, 'api_unavailable', 'uploads.refused.network'],
    [401, 'unauthenticated', 'uploads.refused.expired'],
    [403, 'csrf', 'uploads.refused.expired'],
    [403, 'forbidden', 'uploads.refused.other'],
    [404, 'not_found', 'uploads.refused.other'],
  ])('%i %s: %s', (status, code, key) => {
    expect(refusalKey(status, code)).toBe(key);
  });
});

describe('the sheet between preview and confirmation', () => {
  it('comes back byte for byte, typed by its content', () => {
    const bytes = new TextEncoder().encode('file,title_vi\nảnh.jpg,Lễ hội\n');
    const back = decodeSheet(encodeSheet({ bytes, type: 'csv' }));
    expect(back?.type).toBe('csv');
    expect(Buffer.from(back?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(['', 'not base64!', '<script>'])('refuses %j', (field) => {
    expect(decodeSheet(field)).toBeNull();
  });
});

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
