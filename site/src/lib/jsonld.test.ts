import type { ItemView, MediaView } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { isoDate } from './format.ts';
import { isoDuration, itemJsonLd } from './jsonld.ts';
import { arrangeMedia } from './media.ts';
import { item } from './item.fixture.ts';

const base = 'https://d.org';
const pageUrl = 'https://d.org/item/x';
const rendition = (mediaId: string, name: string, mimeType: string, extra: Partial<MediaView['renditions'][number]> = {}) => ({ name, url: `/api/media/${mediaId}/${name}`, mimeType, size: 1, ...extra });
const media = (id: string, kind: MediaView['kind'], renditions: MediaView['renditions'], extra: Partial<MediaView> = {}): MediaView => ({
  id, kind, mimeType: 'application/octet-stream', caption: null, width: null, height: null, durationSeconds: null, pageCount: null, language: null, recordingId: null, original: null, renditions, status: 'ready', ...extra,
});
const film = media('v1', 'video', [rendition('v1', 'mp4-720', 'video/mp4'), rendition('v1', 'poster-webp', 'image/webp', { width: 1280, height: 720 })], { caption: 'Ngo boat race', durationSeconds: 95, width: 1280, height: 720 });
const chant = media('a1', 'audio', [rendition('a1', 'opus', 'audio/ogg; codecs=opus'), rendition('a1', 'mp3', 'audio/mpeg')], { durationSeconds: 15 });
const report = media('d1', 'document', [rendition('d1', 'cover-webp', 'image/webp', { width: 724, height: 1024 })], { mimeType: 'application/pdf', original: '/api/media/d1/original', pageCount: 12 });

const jsonLd = (changes: Partial<ItemView>) => {
  const view = { ...item, ...changes };
  return itemJsonLd(view, { base, pageUrl, images: [], media: arrangeMedia(view.media) });
};
const agents: ItemView['agents'] = [
  { name: 'Lâm Sơn', role: 'recordist' },
  { name: 'Thạch Sa Rên', role: 'performer' },
  { name: 'Ban Dân tộc Sóc Trăng', role: 'publisher' },
];

describe('itemJsonLd', () => {
  it('describes a festival as an Event without license or dateModified, the subject of a CreativeWork record that has them', () => {
    const doc = jsonLd({ rights: 'https://creativecommons.org/licenses/by/4.0/', agents });
    expect(doc['@type']).toBe('Event');
    expect(doc.startDate).toBe('2023-11-26');
    expect(doc.location).toMatchObject({ '@type': 'Place', geo: { latitude: 9.6003, longitude: 105.9725 } });
    expect(doc).not.toHaveProperty('license');
    expect(doc).not.toHaveProperty('dateModified');
    expect(doc.performer).toEqual([{ '@type': 'Person', name: 'Thạch Sa Rên' }]);
    expect(doc.subjectOf).toMatchObject({
      '@type': 'CreativeWork',
      url: pageUrl,
      license: 'https://creativecommons.org/licenses/by/4.0/',
      dateModified: '2024-01-02T00:00:00.000Z',
      creator: [{ '@type': 'Person', name: 'Lâm Sơn' }],
      publisher: [{ '@type': 'Person', name: 'Ban Dân tộc Sóc Trăng' }],
    });
  });

  it('names the agents of a non-event record as its creator', () => {
    const doc = jsonLd({ kind: 'craft', agents });
    expect(doc['@type']).toBe('CreativeWork');
    expect(doc.creator).toEqual([{ '@type': 'Person', name: 'Lâm Sơn' }]);
    expect(doc.contentLocation).toBeDefined();
    expect(doc.dateCreated).toBe('2023-11-26');
    expect(doc).not.toHaveProperty('temporalCoverage');
  });

  it('describes a film as a VideoObject with contentUrl, thumbnailUrl, an ISO 8601 duration and uploadDate', () => {
    const doc = jsonLd({ kind: 'performance', media: [film] });
    expect(doc.recordedIn).toEqual([
      {
        '@type': 'VideoObject',
        name: 'Ngo boat race',
        description: 'Ngo boat race',
        uploadDate: '2024-01-01T00:00:00.000Z',
        contentUrl: 'https://d.org/api/media/v1/mp4-720',
        encodingFormat: 'video/mp4',
        thumbnailUrl: 'https://d.org/api/media/v1/poster-webp',
        duration: 'PT1M35S',
        width: 1280,
        height: 720,
      },
    ]);
  });

  it('describes a recording as an AudioObject (MP3 as its content URL)', () => {
    const doc = jsonLd({ kind: 'architecture', media: [chant] });
    expect(doc.audio).toEqual([expect.objectContaining({ '@type': 'AudioObject', contentUrl: 'https://d.org/api/media/a1/mp3', duration: 'PT15S', uploadDate: '2024-01-01T00:00:00.000Z' })]);
  });

  it('describes a document as a DigitalDocument dated with dateCreated, never temporalCoverage', () => {
    const doc = jsonLd({ kind: 'document', date: '2023-12', media: [report] });
    expect(doc['@type']).toBe('DigitalDocument');
    expect(doc.dateCreated).toBe('2023-12');
    expect(doc).not.toHaveProperty('temporalCoverage');
    expect(doc.hasPart).toEqual([expect.objectContaining({ '@type': 'DigitalDocument', url: 'https://d.org/api/media/d1/original', numberOfPages: 12, dateCreated: '2023-12', thumbnailUrl: 'https://d.org/api/media/d1/cover-webp' })]);
  });

  it.each([
    ['16XX', 'an unspecified century'],
    ['1930~/1940', 'an approximate range'],
  ])('keeps an EDTF date such as %s (%s) out of ISO date properties', (date) => {
    const doc = jsonLd({ kind: 'document', date });
    expect(doc).not.toHaveProperty('dateCreated');
    expect(doc.temporalCoverage).toBe(date);
    const event = jsonLd({ date });
    expect(event).not.toHaveProperty('startDate');
  });
});

describe('ISO 8601 helpers', () => {
  it.each([['2023', '2023'], ['2023-11-26', '2023-11-26'], ['16XX', null], ['2023~', null], ['1930/1940', null], [null, null]])('isoDate(%s) → %s', (input, expected) => {
    expect(isoDate(input)).toBe(expected);
  });
  it.each([[95, 'PT1M35S'], [15, 'PT15S'], [3725.4, 'PT1H2M5S'], [3600, 'PT1H'], [0, 'PT0S']])('isoDuration(%s) → %s', (seconds, expected) => {
    expect(isoDuration(seconds)).toBe(expected);
  });
});
