import { describe, expect, it } from 'vitest';
import type { Item, Media } from '@disan/schemas';
import { PUBLIC, SYSTEM, type Viewer } from '../access/index.ts';
import { mayHear, recordingsFor, toEntrySummary } from './summary.ts';

const entry = (access: Item['access'] = { level: 'public' }, status: Item['status'] = 'published'): Item => ({
  id: 'w-tuk-ngo',
  kind: 'word',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'km', value: 'ទូកង' }],
  status,
  access,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  entry: { language: 'km', headwords: [{ value: 'ទូកង', script: 'Khmr' }], romanisations: [{ value: 'tuk ngo', system: 'ungegn' }], partOfSpeech: 'noun', senses: [{ glosses: [{ lang: 'vi', value: 'ghe ngo' }] }] },
});

const audio = (id: string, position: number, extra: Partial<Media> = {}): Media => ({
  id,
  itemId: 'w-tuk-ngo',
  sha256: id.padEnd(64, '0').slice(0, 64).replace(/[^a-f0-9]/g, 'a'),
  mimeType: 'audio/wav',
  kind: 'audio',
  size: 1,
  originalName: `${id}.wav`,
  originalKey: `originals/${id}`,
  position,
  status: 'ready',
  derivatives: [{ name: 'audio-mp3', key: `d/${id}.mp3`, mimeType: 'audio/mpeg', size: 1 }],
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const member: Viewer = { kind: 'user', id: 'u1', roles: [], communities: ['khmer-soc-trang'] };
const consent = (given: boolean) => ({ speaker: 'Thạch Sóc', consent: { given }, locality: 'Sóc Trăng' });

describe('mayHear', () => {
  it.each([
    ['a public recording of a public entry', PUBLIC, entry(), audio('a1', 0), true],
    ['a recording of a metadata-only entry', PUBLIC, entry({ level: 'metadata-only' }), audio('a1', 0), false],
    ['a recording of a draft entry', PUBLIC, entry({ level: 'public' }, 'draft'), audio('a1', 0), false],
    ['a community recording of a public entry, to the public', PUBLIC, entry(), audio('a1', 0, { access: { level: 'community', communities: ['khmer-soc-trang'] } }), false],
    ['a community recording of a public entry, to a member', member, entry(), audio('a1', 0, { access: { level: 'community', communities: ['khmer-soc-trang'] } }), true],
    ['a voice recorded without consent, to the public', PUBLIC, entry(), audio('a1', 0, { recording: consent(false) }), false],
    ['a voice recorded without consent, to staff', SYSTEM, entry(), audio('a1', 0, { recording: consent(false) }), true],
    ['a voice recorded with consent', PUBLIC, entry(), audio('a1', 0, { recording: consent(true) }), true],
    ['a failed file', SYSTEM, entry(), audio('a1', 0, { status: 'failed' }), false],
    ['a photo', PUBLIC, entry(), audio('a1', 0, { kind: 'image' }), false],
  ] as const)('%s: %s', (_name, viewer, item, medium, expected) => {
    expect(mayHear(viewer, item, medium)).toBe(expected);
  });
});

describe('toEntrySummary', () => {
  it('gives the headwords, romanisations, first glosses and the first recording the viewer may hear', () => {
    const media = [audio('a2', 1, { recording: { ...consent(true), generated: true } }), audio('a1', 0, { recording: consent(false) })];
    const summary = toEntrySummary(entry(), media, PUBLIC);
    expect(summary).toMatchObject({ id: 'w-tuk-ngo', language: 'km', romanisations: ['tuk ngo'], glosses: [{ lang: 'vi', value: 'ghe ngo' }], partOfSpeech: 'noun', status: 'published', access: { level: 'public' } });
    expect(summary.recording).toEqual({ mediaId: 'a2', opus: null, mp3: '/api/media/a2/audio-mp3', waveform: null, durationSeconds: null, caption: null, speaker: 'Thạch Sóc', locality: 'Sóc Trăng', dialect: null, generated: true, access: { level: 'public' } });
    expect(recordingsFor(SYSTEM, entry(), media).map((r) => r.mediaId)).toEqual(['a1', 'a2']);
  });

  it('refuses a record that is not an entry', () => {
    expect(() => toEntrySummary({ ...entry(), kind: 'festival', entry: undefined } as unknown as Item, [], PUBLIC)).toThrow(/not a dictionary entry/);
  });
});
