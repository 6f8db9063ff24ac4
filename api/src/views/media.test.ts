import type { Media } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { toMediaView } from './media.ts';

const captions: Media = {
  id: 'c1',
  itemId: 'dua-ghe',
  sha256: 'a'.repeat(64),
  mimeType: 'text/vtt',
  kind: 'captions',
  size: 120,
  originalName: 'dua-ghe.vi.vtt',
  originalKey: `originals/aa/aa/${'a'.repeat(64)}`,
  technical: { cues: 2, lang: 'vi', recordingId: 'film-1' },
  position: 1,
  status: 'ready',
  derivatives: [{ name: 'vtt', key: 'derivatives/c1/vtt.vtt', mimeType: 'text/vtt; charset=utf-8', size: 100 }],
  createdAt: '2026-11-01T00:00:00.000Z',
};

describe('toMediaView', () => {
  it('names a caption file’s language and its recording, and URLs instead of storage keys', () => {
    const view = toMediaView(captions, true);
    expect(view).toMatchObject({ language: 'vi', recordingId: 'film-1', original: '/api/media/c1/original' });
    expect(view.renditions).toEqual([{ name: 'vtt', url: '/api/media/c1/vtt', mimeType: 'text/vtt; charset=utf-8', size: 100 }]);
    expect(JSON.stringify(view)).not.toContain('derivatives/');
  });

  it('says null where nothing is known, and withholds files the viewer may not read', () => {
    const view = toMediaView({ ...captions, technical: { cues: 2, lang: '' } }, false);
    expect(view).toMatchObject({ language: null, recordingId: null, original: null, renditions: [] });
  });
});
