import type { Item, Media } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import {
  canReadMedia,
  canSeeMedium,
  followsRecord,
  isMediumRestricted,
  mediumAccessView,
  PUBLIC,
  SYSTEM,
  withTiedRecording,
  type MediumAccessInfo,
  type Viewer,
} from './index.ts';

type Record = Pick<Item, 'status' | 'access'>;
const now = new Date('2026-11-22T00:00:00Z');
const member: Viewer = { kind: 'user', roles: ['member'], communities: ['khmer-soc-trang'] };
const outsider: Viewer = { kind: 'user', roles: ['member'], communities: ['hoa-can-tho'] };
const researcher: Viewer = { kind: 'user', roles: ['researcher'], communities: [] };
const archivist: Viewer = { kind: 'user', roles: ['archivist'], communities: [] };

const publicWord: Record = { status: 'published', access: { level: 'public' } };
const metadataOnlyWord: Record = { status: 'published', access: { level: 'metadata-only' } };
const draftWord: Record = { status: 'draft', access: { level: 'public' } };

const consented = { speaker: 'Thạch Sa Rinh', consent: { given: true, date: '2026-10-01', method: 'written' as const } };
const noConsent = { speaker: 'Lâm Thị Hoa', consent: { given: false } };

const own = (access: Media['access']): MediumAccessInfo => ({ access });
const communityVoice = own({ level: 'community', communities: ['khmer-soc-trang'] });

describe('canSeeMedium and canReadMedia: a medium narrows its record', () => {
  it.each<[string, Record, MediumAccessInfo, Viewer, boolean, boolean]>([
    ['no rule of its own: the record decides', publicWord, {}, PUBLIC, true, true],
    ['a consented recording on a public word', publicWord, { recording: consented }, PUBLIC, true, true],
    ['its own public rule', publicWord, own({ level: 'public' }), PUBLIC, true, true],
    ['community voice, the public', publicWord, communityVoice, PUBLIC, false, false],
    ['community voice, another community', publicWord, communityVoice, outsider, false, false],
    ['community voice, a member', publicWord, communityVoice, member, true, true],
    ['community voice, staff', publicWord, communityVoice, archivist, true, true],
    ['researchers only, the public', publicWord, own({ level: 'researchers' }), PUBLIC, false, false],
    ['researchers only, a researcher', publicWord, own({ level: 'researchers' }), researcher, true, true],
    ['metadata-only medium: listed without files', publicWord, own({ level: 'metadata-only' }), PUBLIC, true, false],
    ['metadata-only medium, staff', publicWord, own({ level: 'metadata-only' }), archivist, true, true],
    ['embargo running', publicWord, own({ level: 'embargo', embargoUntil: '2030-01-01' }), PUBLIC, false, false],
    ['embargo ended', publicWord, own({ level: 'embargo', embargoUntil: '2020-01-01' }), PUBLIC, true, true],
    ['no consent, the public', publicWord, { recording: noConsent }, PUBLIC, false, false],
    ['no consent, a community member, even on a community medium', publicWord, { ...communityVoice, recording: noConsent }, member, false, false],
    ['no consent, a researcher', publicWord, { recording: noConsent }, researcher, false, false],
    ['no consent, staff', publicWord, { recording: noConsent }, archivist, true, true],
    ['no consent, the system', publicWord, { recording: noConsent }, SYSTEM, true, true],
    ['a public medium cannot widen a metadata-only record', metadataOnlyWord, own({ level: 'public' }), PUBLIC, true, false],
    ['a public medium cannot widen a draft', draftWord, own({ level: 'public' }), PUBLIC, false, false],
  ])('%s', (_name, record, medium, viewer, listed, files) => {
    expect(canSeeMedium(viewer, record, medium, now)).toBe(listed);
    expect(canReadMedia(viewer, record, medium, now)).toBe(files);
  });

  it('without a medium, answers for the record alone as before', () => {
    expect(canReadMedia(PUBLIC, publicWord, undefined, now)).toBe(true);
    expect(canReadMedia(PUBLIC, metadataOnlyWord, undefined, now)).toBe(false);
  });
});

describe('captions follow the recording they are tied to', () => {
  const recording = { id: 'voice', ...communityVoice };
  const captions = { technical: { recordingId: 'voice' } as Media['technical'] };

  it('ties a caption file to its recording by technical.recordingId', () => {
    expect(withTiedRecording(captions, [recording]).tiedTo).toEqual({ access: communityVoice.access });
    expect(withTiedRecording({ technical: {} }, [recording]).tiedTo).toBeUndefined();
  });

  it.each<[string, Pick<Media, 'id' | 'access' | 'recording'>, Viewer, boolean]>([
    ['a community voice: hidden from the public', recording, PUBLIC, false],
    ['a community voice: read by its members', recording, member, true],
    ['a voice without consent: hidden from the public', { id: 'voice', recording: noConsent }, PUBLIC, false],
    ['a voice without consent: read by staff', { id: 'voice', recording: noConsent }, archivist, true],
    ['a public voice: read by the public', { id: 'voice', recording: consented }, PUBLIC, true],
  ])('%s', (_name, voice, viewer, readable) => {
    const tied = withTiedRecording(captions, [voice]);
    expect(canReadMedia(viewer, publicWord, tied, now)).toBe(readable);
    expect(canSeeMedium(viewer, publicWord, tied, now)).toBe(readable);
  });
});

describe('what the index, the audit trail and the answers make of a medium', () => {
  it.each<[string, MediumAccessInfo, boolean, boolean]>([
    ['no rule, no recording', {}, true, false],
    ['consented recording', { recording: consented }, true, false],
    ['own public rule', own({ level: 'public' }), true, false],
    ['metadata-only medium: not indexed (its words would be), not audited', own({ level: 'metadata-only' }), false, false],
    ['community voice', communityVoice, false, true],
    ['no consent', { recording: noConsent }, false, true],
    ['captions of a community voice', { tiedTo: communityVoice }, false, true],
    ['embargo ended', own({ level: 'embargo', embargoUntil: '2020-01-01' }), true, false],
  ])('%s', (_name, medium, indexed, restricted) => {
    expect(followsRecord(medium, now)).toBe(indexed);
    expect(isMediumRestricted(publicWord, medium, now)).toBe(restricted);
  });

  it('a restricted record keeps its media restricted whatever their own rule', () => {
    expect(isMediumRestricted(draftWord, own({ level: 'public' }), now)).toBe(true);
  });

  it('says the medium own rule when it has one, else the record rule', () => {
    expect(mediumAccessView(publicWord, communityVoice, now)).toEqual({ level: 'community', communities: ['khmer-soc-trang'] });
    expect(mediumAccessView(publicWord, {}, now)).toEqual({ level: 'public' });
  });
});
