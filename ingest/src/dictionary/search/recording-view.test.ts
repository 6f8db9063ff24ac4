import type { Item, Media } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { PUBLIC, SYSTEM, type Viewer } from '../../access/index.ts';
import { canHear, firstRecording } from './recording-view.ts';

const word: Item = {
  id: 'tuk', kind: 'word', ethnicGroups: ['khmer'], title: [{ lang: 'km', value: 'ទូក' }], status: 'published', access: { level: 'public' },
  version: 1, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z',
};
const audio = (id: string, extra: Partial<Media> = {}): Media => ({
  id, itemId: 'tuk', sha256: 'a'.repeat(64), mimeType: 'audio/wav', kind: 'audio', size: 1, originalName: `${id}.wav`, originalKey: `originals/${id}`,
  position: 0, status: 'ready', derivatives: [{ name: 'audio-opus', key: `derivatives/${id}/audio-opus`, mimeType: 'audio/ogg', size: 1 }], createdAt: '2024-01-01T00:00:00Z',
  ...extra,
});
const member: Viewer = { kind: 'user', roles: ['member'], communities: ['khmer-soc-trang'] };
const consent = (given: boolean) => ({ speaker: 'Thạch Sô Phal', consent: { given }, locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng' });

describe('canHear', () => {
  it.each([
    ['a recording of a public word', PUBLIC, word, audio('a'), true],
    ['a recording of a metadata-only word', PUBLIC, { ...word, access: { level: 'metadata-only' } }, audio('a'), false],
    ['a recording of a draft word', PUBLIC, { ...word, status: 'draft' }, audio('a'), false],
    ['a community voice on a public word, by the public', PUBLIC, word, audio('a', { access: { level: 'community', communities: ['khmer-soc-trang'] } }), false],
    ['a community voice on a public word, by a member', member, word, audio('a', { access: { level: 'community', communities: ['khmer-soc-trang'] } }), true],
    ['a voice recorded with consent', PUBLIC, word, audio('a', { recording: consent(true) }), true],
    ['a voice recorded without consent, by the public', PUBLIC, word, audio('a', { recording: consent(false) }), false],
    ['a voice recorded without consent, by staff', SYSTEM, word, audio('a', { recording: consent(false) }), true],
  ] as [string, Viewer, Item, Media, boolean][])('%s: %s', (_name, viewer, record, medium, expected) => {
    expect(canHear(viewer, record, medium)).toBe(expected);
  });
});

describe('firstRecording', () => {
  it('prefers a ready recording to one still processing, and names the speaker', () => {
    const recording = firstRecording(PUBLIC, word, [audio('early', { status: 'processing', derivatives: [] }), audio('late', { position: 1, recording: consent(true) })]);
    expect(recording).toMatchObject({ mediaId: 'late', opus: '/api/media/late/audio-opus', mp3: null, speaker: 'Thạch Sô Phal', locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng', access: { level: 'public' } });
  });

  it('skips recordings the viewer may not hear, photos and failed files', () => {
    const media = [audio('photo', { kind: 'image' }), audio('broken', { status: 'failed' }), audio('kept', { access: { level: 'researchers' } })];
    expect(firstRecording(PUBLIC, word, media)).toBeNull();
    expect(firstRecording(SYSTEM, word, media)?.mediaId).toBe('kept');
  });

  it('gives a recording still processing, without files, when it is the only one', () => {
    expect(firstRecording(PUBLIC, word, [audio('early', { status: 'processing', derivatives: [] })])).toMatchObject({ mediaId: 'early', opus: null, waveform: null });
  });
});
