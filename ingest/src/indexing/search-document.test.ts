import type { Item, Media, TextPassage } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { toSearchDocument } from './search-document.ts';

const item = (access: Item['access']): Item => ({
  id: 'so-tay', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Sổ tay' }], description: [{ lang: 'vi', value: 'Nghi lễ Sampeah' }],
  status: 'published', access, version: 1, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z',
});
const media: Media[] = [{
  id: 'so-tay-pdf', itemId: 'so-tay', sha256: 'a'.repeat(64), mimeType: 'application/pdf', kind: 'document', size: 1, originalName: 'a.pdf',
  originalKey: 'originals/a', position: 0, status: 'ready', derivatives: [], createdAt: '2024-01-01T00:00:00Z', caption: 'Bìa',
}];
const passages: TextPassage[] = [{ mediaId: 'so-tay-pdf', itemId: 'so-tay', seq: 0, source: 'pdf-text', page: 1, text: 'Bài khấn Yeay Mao' }];

describe('toSearchDocument', () => {
  it('indexes the text inside media after the captions', () => {
    expect(toSearchDocument(item({ level: 'public' }), media, passages).fullText).toEqual(['Bìa', 'Bài khấn Yeay Mao']);
  });

  it('leaves the media text of a metadata-only record out, keeping its description', () => {
    const document = toSearchDocument(item({ level: 'metadata-only' }), media, passages);
    expect(document.fullText).toEqual(['Bìa']);
    expect(document.description[0]?.value).toBe('Nghi lễ Sampeah');
  });

  it('indexes the media text once an embargo has ended', () => {
    const document = toSearchDocument(item({ level: 'embargo', embargoUntil: '2020-01-01' }), media, passages, new Date('2024-01-01'));
    expect(document.access).toBe('public');
    expect(document.fullText).toContain('Bài khấn Yeay Mao');
  });

  it.each([
    ['a small thumbnail (a photo\'s or a document\'s) before a document cover', ['cover-webp', 'thumb'], 'so-tay-pdf/thumb'],
    ['a document cover when there is no photo', ['cover-webp', 'page-1-webp'], 'so-tay-pdf/cover-webp'],
    ['a film poster when there is nothing else', ['poster-jpeg', 'poster-webp', 'mp4-360'], 'so-tay-pdf/poster-webp'],
    ['nothing when no rendition can stand for the item', ['mp4-360', 'audio-opus'], null],
  ])('shows %s on cards', (_, names, thumbnail) => {
    const withRenditions = media.map((m) => ({ ...m, derivatives: names.map((name) => ({ name, key: `derivatives/${m.id}/${name}`, mimeType: 'image/webp', size: 1 })) }));
    expect(toSearchDocument(item({ level: 'public' }), withRenditions, passages).thumbnail).toBe(thumbnail);
  });

  it('shows the file chosen as the cover, when it has a picture, before the first one', () => {
    const photo = (id: string, position: number, cover?: boolean): Media => ({
      ...media[0]!, id, position, mimeType: 'image/jpeg', kind: 'image', ...(cover === undefined ? {} : { cover }),
      derivatives: [{ name: 'thumb', key: `derivatives/${id}/thumb`, mimeType: 'image/webp', size: 1 }],
    });
    expect(toSearchDocument(item({ level: 'public' }), [photo('dau', 0), photo('bia', 1, true)]).thumbnail).toBe('bia/thumb');
    expect(toSearchDocument(item({ level: 'public' }), [photo('dau', 0), photo('bia', 1)]).thumbnail).toBe('dau/thumb');
    const noPicture = { ...photo('ghi-am', 1, true), derivatives: [] };
    expect(toSearchDocument(item({ level: 'public' }), [photo('dau', 0), noPicture]).thumbnail).toBe('dau/thumb');
  });
});
