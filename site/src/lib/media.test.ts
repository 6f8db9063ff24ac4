import type { MediaView, RenditionView } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { arrangeMedia, documentCover, documentLink, inReaderLanguage, transcriptTrack } from './media.ts';

const r = (name: string, mimeType: string, width?: number): RenditionView => ({ name, url: `/api/media/m/${name}`, mimeType, size: 10, ...(width ? { width, height: width } : {}) });
const media = (over: Partial<MediaView>): MediaView => ({
  id: 'm', kind: 'image', mimeType: 'image/jpeg', caption: null, width: null, height: null, durationSeconds: null, pageCount: null, language: null, recordingId: null,
  original: '/api/media/m/original', renditions: [], status: 'ready', ...over,
});

describe('arrangeMedia', () => {
  it('gives a video its MP4 sources, its poster (not the scrubbing strip) and the caption tracks', () => {
    const video = media({ kind: 'video', mimeType: 'video/mp4', renditions: [r('strip-jpeg', 'image/jpeg', 1600), r('poster-jpeg', 'image/jpeg', 640), r('poster-webp', 'image/webp', 640), r('mp4-720', 'video/mp4', 1280), r('mp4-360', 'video/mp4', 640), r('strip-vtt', 'text/vtt')] });
    const captions = media({ id: 'c', kind: 'captions', mimeType: 'text/vtt', renditions: [r('vtt', 'text/vtt')] });
    const { videos } = arrangeMedia([video, captions]);
    expect(videos[0]?.sources.map((s) => s.src)).toEqual(['/api/media/m/mp4-360', '/api/media/m/mp4-720']);
    expect(videos[0]?.poster?.name).toBe('poster-webp');
    expect(videos[0]?.tracks).toEqual([{ mediaId: 'c', src: '/api/media/m/vtt', lang: null }]);
  });

  it('gives each recording only the captions matched to it, with their language; unmatched captions go with every recording', () => {
    const film = media({ id: 'film', kind: 'video', mimeType: 'video/mp4', renditions: [r('mp4-480', 'video/mp4', 854)] });
    const chant = media({ id: 'chant', kind: 'audio', mimeType: 'audio/ogg', renditions: [r('opus', 'audio/ogg; codecs=opus')] });
    const filmCaptions = media({ id: 'c1', kind: 'captions', mimeType: 'text/vtt', language: 'vi', recordingId: 'film', original: '/api/media/c1/original' });
    const loose = media({ id: 'c2', kind: 'captions', mimeType: 'text/vtt', language: 'km', original: '/api/media/c2/original' });
    const { videos, audios } = arrangeMedia([film, chant, filmCaptions, loose]);
    expect(videos[0]?.tracks).toEqual([{ mediaId: 'c1', src: '/api/media/c1/original', lang: 'vi' }, { mediaId: 'c2', src: '/api/media/c2/original', lang: 'km' }]);
    expect(audios[0]?.tracks).toEqual([{ mediaId: 'c2', src: '/api/media/c2/original', lang: 'km' }]);
    expect(transcriptTrack(videos[0]?.tracks ?? [], 'km')?.mediaId).toBe('c2');
    expect(transcriptTrack(videos[0]?.tracks ?? [], 'zh')?.mediaId).toBe('c1');
    expect(transcriptTrack([], 'vi')).toBeNull();
    expect([inReaderLanguage({ lang: 'km-Latn' }, 'km'), inReaderLanguage({ lang: 'kmr' }, 'km'), inReaderLanguage({ lang: null }, 'vi')]).toEqual([true, false, false]);
  });

  it('orders audio Opus before MP3', () => {
    const audio = media({ kind: 'audio', mimeType: 'audio/wav', renditions: [r('mp3', 'audio/mpeg'), r('opus', 'audio/ogg; codecs=opus'), r('waveform', 'image/png', 800)] });
    expect(arrangeMedia([audio]).audios[0]?.sources.map((s) => s.type)).toEqual(['audio/ogg; codecs=opus', 'audio/mpeg']);
  });

  it.each([
    ['still processing', media({ status: 'processing' }), { processing: true, withheld: false, images: 0 }],
    ['withheld from the public (metadata only)', media({ original: null, renditions: [] }), { processing: false, withheld: true, images: 0 }],
    ['ready with renditions', media({ renditions: [r('webp-480', 'image/webp', 480)] }), { processing: false, withheld: false, images: 1 }],
    ['failed', media({ status: 'failed' }), { processing: false, withheld: false, images: 0 }],
  ])('an image %s', (_name, m, expected) => {
    const arranged = arrangeMedia([m]);
    expect({ processing: arranged.processing, withheld: arranged.withheld, images: arranged.images.length }).toEqual(expected);
  });

  it('links a document to its PDF rendition, else its original', () => {
    expect(documentLink(media({ kind: 'document', renditions: [r('pdf', 'application/pdf')] }))).toBe('/api/media/m/pdf');
    expect(documentLink(media({ kind: 'document' }))).toBe('/api/media/m/original');
  });
});

describe('documentCover', () => {
  const page = (n: number, width: number): RenditionView => ({ name: `page-${n}-webp`, url: `/api/media/m/page-${n}-webp`, mimeType: 'image/webp', size: 10, width, height: Math.round(width * 1.41), page: n });
  it('offers the cover and the first page picture as a srcset, the smallest as src, for a document processed before thumbnails were made', () => {
    const doc = media({ kind: 'document', renditions: [{ ...r('cover-webp', 'image/webp', 724), height: 1024 }, page(1, 566), page(2, 566), r('pdf', 'application/pdf')] });
    expect(documentCover(doc)).toEqual({ src: '/api/media/m/page-1-webp', srcset: '/api/media/m/page-1-webp 566w, /api/media/m/cover-webp 724w', width: 566, height: 798 });
  });
  it('takes the thumb rendition the pipeline makes as src', () => {
    const doc = media({ kind: 'document', renditions: [r('cover-webp', 'image/webp', 724), r('thumb', 'image/jpeg', 226)] });
    expect(documentCover(doc)?.src).toBe('/api/media/m/thumb');
  });
  it('has none without pictures', () => {
    expect(documentCover(media({ kind: 'document', renditions: [r('pdf', 'application/pdf')] }))).toBeNull();
  });
});
