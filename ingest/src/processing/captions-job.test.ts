import type { Media } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { captionLanguage, recordingFor } from './captions-job.ts';

const medium = (id: string, kind: Media['kind'], originalName: string): Media => ({
  id, itemId: 'i', sha256: 'a'.repeat(64), mimeType: 'x', kind, size: 1, originalName, originalKey: 'k', position: 0, status: 'ready', derivatives: [], createdAt: '2024-01-01T00:00:00Z',
});

describe('recordingFor', () => {
  const video = medium('m-video', 'video', 'khmer/clip.mp4');
  const audio = medium('m-audio', 'audio', 'khmer/tung-kinh.opus');
  const photo = medium('m-photo', 'image', 'khmer/clip.jpg');

  it.each([
    ['clip.vi.vtt', [video, audio, photo], 'm-video'],
    ['khmer/clip.vtt', [audio, video], 'm-video'],
    ['tung-kinh.zh-Hant.vtt', [video, audio], 'm-audio'],
    ['other.vtt', [video, photo], 'm-video'],
    ['other.vtt', [video, audio], undefined],
    ['clip.vtt', [photo], undefined],
  ])('links %s among %#', (name, siblings, expected) => {
    expect(recordingFor({ originalName: name }, siblings)?.id).toBe(expected);
  });
});

describe('captionLanguage', () => {
  it.each([
    ['khmer/ok-om-bok-dua-ghe.vi.vtt', 'vi'],
    ['clip.zh-Hant.vtt', 'zh-Hant'],
    ['clip.km.VTT', 'km'],
    ['clip.vtt', undefined],
  ])('reads the language of %s as %s', (name, lang) => {
    expect(captionLanguage(name)).toBe(lang);
  });
});
