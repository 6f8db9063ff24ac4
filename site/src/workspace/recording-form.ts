import { ACCESS_LEVELS, MediaAccess, MediaRecordingPatch, RecordingInfo, type Media } from '@disan/schemas';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { FormErrors, FormMessage } from '../forms/form.ts';
import type { FormFields } from './record-form.ts';
import { problemMessage, type SchemaProblem } from './validate.ts';

/**
 * A pronunciation's speaker, consent, locality and dialect, and its own access rule, as the
 * media page's form posts them (issue 14), turned into the MediaRecordingPatch that
 * `PATCH /api/workspace/media/{mediaId}/recording` takes. An empty speaker clears the
 * recording's information; "as the record" clears the medium's own access rule.
 */
export interface RecordingFields {
  speaker: string;
  consentGiven: boolean;
  consentDate: string;
  consentMethod: string;
  consentNote: string;
  locality: string;
  dialect: string;
  recordedOn: string;
  generated: boolean;
  /** An access level, or '' for "as the record". */
  accessLevel: string;
  accessCommunities: string;
}

export const CONSENT_METHODS = ['written', 'oral-recorded', 'oral-witnessed', 'guardian'] as const;

/** The fields the form posts, in order (the ids of their inputs end with them). */
export const RECORDING_FIELDS = ['speaker', 'consentGiven', 'consentDate', 'consentMethod', 'consentNote', 'locality', 'dialect', 'recordedOn', 'generated', 'accessLevel', 'accessCommunities'] as const satisfies readonly (keyof RecordingFields)[];

/** The form showing a medium's recording information as it is. */
export function recordingFieldsOf(media: Pick<Media, 'recording' | 'access'>): RecordingFields {
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
    accessLevel: media.access?.level ?? '',
    accessCommunities: (media.access?.communities ?? []).join(', '),
  };
}

export function readRecordingFields(form: FormFields): RecordingFields {
  return {
    speaker: form.text('speaker'),
    consentGiven: form.has('consentGiven'),
    consentDate: form.text('consentDate'),
    consentMethod: form.text('consentMethod'),
    consentNote: form.text('consentNote'),
    locality: form.text('locality'),
    dialect: form.text('dialect'),
    recordedOn: form.text('recordedOn'),
    generated: form.has('generated'),
    accessLevel: form.text('accessLevel'),
    accessCommunities: form.text('accessCommunities'),
  };
}

const filled = (entries: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== ''));

/** The form field a problem of the patch belongs to. */
function fieldOf(path: string): keyof RecordingFields {
  const segments = path.split('/').filter((s) => s !== '');
  const [top, second, third] = segments;
  if (top === 'access') return second === 'communities' ? 'accessCommunities' : 'accessLevel';
  if (second === 'consent') return third === 'date' ? 'consentDate' : third === 'method' ? 'consentMethod' : third === 'note' ? 'consentNote' : 'consentGiven';
  if (second === 'locality' || second === 'dialect' || second === 'recordedOn') return second;
  return 'speaker';
}

/** The key of a recording field's error on the media page, and (with `f-`) its input's id: one form per medium. */
export const recordingKey = (mediaId: string, field: keyof RecordingFields): string => `recording-${mediaId.replace(/[^A-Za-z0-9_-]/g, '_')}-${field}`;

/**
 * The patch to send, or the errors beside their fields. Consent is said, not assumed: a
 * speaker without consent given is saved as such (the recording is then never published),
 * but consent details without a speaker are refused, since they would be lost.
 * @example judgeRecording('m1', { ...recordingFieldsOf({}), speaker: 'Thạch Sok', consentGiven: true }) // { patch: { recording: { speaker: 'Thạch Sok', consent: { given: true } }, access: null } }
 */
export function judgeRecording(mediaId: string, fields: RecordingFields): { patch: MediaRecordingPatch } | { errors: FormErrors } {
  const errors: Record<string, FormMessage> = {};
  const details = fields.consentGiven || fields.consentDate !== '' || fields.consentMethod !== '' || fields.consentNote !== '' || fields.locality !== '' || fields.dialect !== '' || fields.recordedOn !== '' || fields.generated;
  if (fields.speaker === '' && details) errors[recordingKey(mediaId, 'speaker')] = { id: 'pronunciation.error.speaker' };
  const communities = fields.accessCommunities.split(/[\s,;]+/).filter((s) => s !== '');
  if (fields.accessLevel !== '' && !(ACCESS_LEVELS as readonly string[]).includes(fields.accessLevel)) errors[recordingKey(mediaId, 'accessLevel')] = { id: 'editor.error.choice' };
  const patch: Record<string, unknown> = {
    recording:
      fields.speaker === ''
        ? null
        : {
            speaker: fields.speaker,
            consent: { given: fields.consentGiven, ...filled({ date: fields.consentDate, method: fields.consentMethod, note: fields.consentNote }) },
            ...filled({ locality: fields.locality, dialect: fields.dialect, recordedOn: fields.recordedOn }),
            ...(fields.generated ? { generated: true } : {}),
          },
    access: fields.accessLevel === '' ? null : { level: fields.accessLevel, ...(communities.length > 0 ? { communities } : {}) },
  };
  // Each part is judged by its own schema: a union's error would only say "neither".
  const parts: [string, TSchema, unknown][] = [
    ['/recording', RecordingInfo, patch.recording],
    ['/access', MediaAccess, patch.access],
  ];
  for (const [at, schema, value] of parts) {
    if (value === null) continue;
    for (const problem of Value.Errors(schema, value) as Iterable<SchemaProblem>) {
      if (problem.keyword === 'additionalProperties') continue;
      errors[recordingKey(mediaId, fieldOf(`${at}${problem.instancePath}`))] ??= problemMessage({ ...problem, instancePath: `${at}${problem.instancePath}` });
    }
  }
  if (Object.keys(errors).length > 0 || !Value.Check(MediaRecordingPatch, patch)) return { errors: Object.keys(errors).length > 0 ? errors : { form: { id: 'form.invalid' } } };
  return { patch };
}
