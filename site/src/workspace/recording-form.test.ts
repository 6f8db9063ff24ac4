import { describe, expect, it } from 'vitest';
import { recordingFormValues, recordingPatchOf } from './recording-form.ts';

/** A posted form as readForm gives it: text of each field ('' when absent), and which were sent. */
const form = (fields: Record<string, string>) => ({
  text: (name: string) => fields[name] ?? '',
  has: (name: string) => name in fields,
});

describe('recordingPatchOf: the recording form as the API patch', () => {
  it.each([
    [
      'a consented speaker with every detail, following the record',
      { speaker: ' Thạch Sa Rinh ', consentGiven: 'yes', consentDate: '2026-10-01', consentMethod: 'written', locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng', recordedOn: '2026-10-02', level: '' },
      {
        recording: { speaker: 'Thạch Sa Rinh', consent: { given: true, date: '2026-10-01', method: 'written' }, locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng', recordedOn: '2026-10-02' },
        access: null,
      },
    ],
    [
      'no consent box ticked: consent not given; a community rule with its communities',
      { speaker: 'Danh Sơn', level: 'community', communities: 'khmer-soc-trang, khmer-tra-vinh  ' },
      { recording: { speaker: 'Danh Sơn', consent: { given: false } }, access: { level: 'community', communities: ['khmer-soc-trang', 'khmer-tra-vinh'] } },
    ],
    ['an empty speaker clears the recording info', { speaker: '  ', consentGiven: 'yes', level: 'researchers' }, { recording: null, access: { level: 'researchers' } }],
    ['an embargo with its end', { speaker: '', level: 'embargo', embargoUntil: '2030-01-01' }, { recording: null, access: { level: 'embargo', embargoUntil: '2030-01-01' } }],
    ['a made-up level or method is ignored', { speaker: 'A', consentMethod: 'telepathy', level: 'everyone' }, { recording: { speaker: 'A', consent: { given: false } }, access: null }],
    ['synthetic audio says so', { speaker: 'espeak-ng', generated: 'yes', consentGiven: 'yes', consentDate: '2026-11-01' }, { recording: { speaker: 'espeak-ng', consent: { given: true, date: '2026-11-01' }, generated: true }, access: null }],
  ])('%s', (_name, fields, patch) => {
    expect(recordingPatchOf(form(fields))).toEqual(patch);
  });

  it('round-trips: the form filled from a medium posts the same recording and access back', () => {
    const media = {
      recording: { speaker: 'Lâm Sóc', consent: { given: true, date: '2026-09-30', method: 'oral-recorded' as const, note: 'ghi âm lời đồng ý' }, locality: 'Trà Vinh', generated: true },
      access: { level: 'community' as const, communities: ['khmer-soc-trang'] },
    };
    const v = recordingFormValues(media);
    const posted = form({
      speaker: v.speaker, ...(v.consentGiven ? { consentGiven: 'yes' } : {}), consentDate: v.consentDate, consentMethod: v.consentMethod, consentNote: v.consentNote,
      locality: v.locality, dialect: v.dialect, recordedOn: v.recordedOn, ...(v.generated ? { generated: 'yes' } : {}), level: v.level, communities: v.communities, embargoUntil: v.embargoUntil,
    });
    expect(recordingPatchOf(posted)).toEqual(media);
  });
});
