import { describe, expect, it } from 'vitest';
import { judgeRecording, readRecordingFields, recordingFieldsOf, recordingKey, type RecordingFields } from './recording-form.ts';
import type { FormFields } from './record-form.ts';

const blank = (): RecordingFields => recordingFieldsOf({});
const posted = (entries: [string, string][]): FormFields => {
  const all = (name: string) => entries.filter(([n]) => n === name).map(([, v]) => v);
  const raw = (name: string) => all(name)[0] ?? '';
  return { raw, text: (name) => raw(name).trim(), all, has: (name) => all(name).length > 0 };
};

describe('a pronunciation\'s speaker and consent, from the media page', () => {
  it('sends the speaker with consent given, locality and dialect, and the record\'s access', () => {
    const fields = readRecordingFields(
      posted([
        ['speaker', 'Thạch Sok'],
        ['consentGiven', 'on'],
        ['consentDate', '2026-11-20'],
        ['consentMethod', 'oral-recorded'],
        ['locality', 'Vĩnh Châu, Sóc Trăng'],
        ['dialect', 'Sóc Trăng'],
        ['accessLevel', ''],
      ]),
    );
    expect(judgeRecording('m1', fields)).toEqual({
      patch: { recording: { speaker: 'Thạch Sok', consent: { given: true, date: '2026-11-20', method: 'oral-recorded' }, locality: 'Vĩnh Châu, Sóc Trăng', dialect: 'Sóc Trăng' }, access: null },
    });
  });

  it('keeps a community\'s voice to itself with the medium\'s own access rule', () => {
    expect(judgeRecording('m1', { ...blank(), speaker: 'Bà Điệp', accessLevel: 'community', accessCommunities: 'cham-ninh-thuan' })).toMatchObject({ patch: { access: { level: 'community', communities: ['cham-ninh-thuan'] } } });
  });

  it('round-trips a medium\'s recording information through the form', () => {
    const media = { recording: { speaker: 'Lâm Huệ', consent: { given: false, note: 'asked again in spring' }, generated: true }, access: { level: 'researchers' as const } };
    expect(judgeRecording('m1', recordingFieldsOf(media))).toEqual({ patch: media });
  });

  it('clears the information when the speaker is emptied and nothing else is typed', () => {
    expect(judgeRecording('m1', blank())).toEqual({ patch: { recording: null, access: null } });
  });

  it('refuses consent details without a speaker, and a wrong date, beside their fields', () => {
    expect(judgeRecording('m.1', { ...blank(), consentGiven: true })).toEqual({ errors: { [recordingKey('m.1', 'speaker')]: { id: 'pronunciation.error.speaker' } } });
    expect(judgeRecording('m1', { ...blank(), speaker: 'A', recordedOn: '20/11/2026' })).toEqual({ errors: { 'recording-m1-recordedOn': { id: 'editor.error.isoDate' } } });
  });
});
