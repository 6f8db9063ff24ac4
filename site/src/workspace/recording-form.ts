import type { AccessLevel, MediaAccess, MediaRecordingPatch, RecordingInfo, SpeakerConsent, WorkspaceMedia } from '@disan/schemas';
import type { PostedForm } from '../forms/form.ts';

/** How a speaker's consent was recorded (schemas SpeakerConsent.method), in the form's order. */
export const CONSENT_METHODS = ['written', 'oral-recorded', 'oral-witnessed', 'guardian'] as const satisfies readonly NonNullable<SpeakerConsent['method']>[];
/** A medium's own access: '' follows its record; the rest narrow it (schemas MediaAccess). */
export const MEDIUM_LEVELS = ['', 'public', 'researchers', 'community', 'metadata-only', 'embargo'] as const satisfies readonly (AccessLevel | '')[];

/**
 * The recording form's fields as the PATCH the API takes (MediaRecordingPatch). An empty
 * speaker clears the recording info; the record's rule ('') clears the medium's own access.
 * The API checks the rest (real dates, a dated consent, communities that exist) and its
 * message is shown beside the form.
 * @example recordingPatchOf(form({ speaker: 'Thạch Sa Rinh', consentGiven: 'yes', consentDate: '2026-10-01', level: '' }))
 * // { recording: { speaker: 'Thạch Sa Rinh', consent: { given: true, date: '2026-10-01' } }, access: null }
 */
export function recordingPatchOf(form: Pick<PostedForm, 'text' | 'has'>): MediaRecordingPatch {
  const text = (name: string) => form.text(name).trim();
  return { recording: recordingOf(text, form.has('generated')), access: accessOf(text) };
}

function recordingOf(text: (name: string) => string, generated: boolean): RecordingInfo | null {
  const speaker = text('speaker');
  if (speaker === '') return null;
  const method = CONSENT_METHODS.find((m) => m === text('consentMethod'));
  const consent: SpeakerConsent = {
    given: text('consentGiven') === 'yes',
    ...optional('date', text('consentDate')),
    ...(method ? { method } : {}),
    ...optional('note', text('consentNote')),
  };
  return {
    speaker,
    consent,
    ...optional('locality', text('locality')),
    ...optional('dialect', text('dialect')),
    ...optional('recordedOn', text('recordedOn')),
    ...(generated ? { generated: true } : {}),
  };
}

function accessOf(text: (name: string) => string): MediaAccess | null {
  const level = MEDIUM_LEVELS.find((l) => l === text('level')) ?? '';
  switch (level) {
    case '':
      return null;
    case 'community':
      return { level, communities: text('communities').split(/[\s,]+/).filter((c) => c !== '') };
    case 'embargo':
      return { level, ...optional('embargoUntil', text('embargoUntil')) };
    case 'public':
    case 'researchers':
    case 'metadata-only':
      return { level };
  }
}

const optional = <K extends string>(key: K, value: string): Partial<Record<K, string>> => (value === '' ? {} : ({ [key]: value } as Record<K, string>));

/** The values the form starts with, from the medium as it is. */
export function recordingFormValues(media: Pick<WorkspaceMedia, 'recording' | 'access'>) {
  const r = media.recording;
  return {
    speaker: r?.speaker ?? '',
    consentGiven: r?.consent.given ?? false,
    consentDate: r?.consent.date ?? '',
    consentMethod: r?.consent.method ?? '',
    consentNote: r?.consent.note ?? '',
    locality: r?.locality ?? '',
    dialect: r?.dialect ?? '',
    recordedOn: r?.recordedOn ?? '',
    generated: r?.generated ?? false,
    level: media.access?.level ?? '',
    communities: (media.access?.communities ?? []).join(', '),
    embargoUntil: media.access?.embargoUntil ?? '',
  };
}
