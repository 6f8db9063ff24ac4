import { HarvestSourceInput, type HarvestSource, type HarvestSourceChanges } from '@disan/schemas';
import { Value } from 'typebox/value';
import { ApiRefusal, type ApiNotFoundError } from '../api/errors.ts';
import { refusalMessage, type FormErrors, type FormMessage, type PostedForm } from '../forms/form.ts';

/** The harvest source form as posted: text as typed, so a refused value is shown back unchanged. */
export interface SourceFormValues {
  baseUrl: string;
  metadataPrefix: string;
  set: string;
  intervalHours: string;
  enabled: boolean;
  recordStatus: string;
}

/** A new source's form: the schema's defaults. */
export const NEW_SOURCE: SourceFormValues = { baseUrl: '', metadataPrefix: 'oai_dc', set: '', intervalHours: '24', enabled: true, recordStatus: 'published' };

export const sourceValues = (source: HarvestSource): SourceFormValues => ({
  baseUrl: source.baseUrl,
  metadataPrefix: source.metadataPrefix,
  set: source.set ?? '',
  intervalHours: String(source.intervalHours),
  enabled: source.enabled,
  recordStatus: source.recordStatus,
});

/** The checkbox is sent only when ticked. */
export const postedSource = (form: PostedForm): SourceFormValues => ({
  baseUrl: form.text('baseUrl'),
  metadataPrefix: form.text('metadataPrefix'),
  set: form.text('set'),
  intervalHours: form.text('intervalHours'),
  enabled: form.has('enabled'),
  recordStatus: form.text('recordStatus'),
});

/**
 * The body for the API, typed as the schema types it. A value that is not what the schema
 * wants is sent as typed (the hours as text), for the check to name its field.
 * @example sourceBody({ ...NEW_SOURCE, baseUrl: 'https://a.example/oai', intervalHours: '6' }).intervalHours // 6
 */
export function sourceBody(values: SourceFormValues): Record<string, unknown> {
  return {
    baseUrl: values.baseUrl,
    metadataPrefix: values.metadataPrefix,
    ...(values.set === '' ? {} : { set: values.set }),
    intervalHours: /^\d{1,6}$/.test(values.intervalHours) ? Number(values.intervalHours) : values.intervalHours,
    enabled: values.enabled,
    recordStatus: values.recordStatus,
  };
}

/** What each field's problem means to the person; a choice among fixed options can only be wrong if tampered with. */
const FIELD_MESSAGES: Record<string, FormMessage> = {
  baseUrl: { id: 'harvest.error.baseUrl' },
  set: { id: 'harvest.error.set' },
  intervalHours: { id: 'harvest.error.intervalHours' },
  metadataPrefix: { id: 'form.invalid' },
  enabled: { id: 'form.invalid' },
  recordStatus: { id: 'form.invalid' },
};

const errorsFor = (fields: Iterable<string>): FormErrors => {
  const errors: FormErrors = {};
  for (const field of fields) errors[field] = FIELD_MESSAGES[field] ?? { id: 'form.invalid' };
  return errors;
};

/**
 * Every field the API would refuse, found at once with the very schema it checks the body
 * against (the API itself names only the first), so the form is fixed in one go.
 * @example Object.keys(sourceErrors({ ...NEW_SOURCE, baseUrl: 'ftp://x', intervalHours: '0' })) // ['baseUrl', 'intervalHours']
 */
export function sourceErrors(values: SourceFormValues): FormErrors {
  // An empty address is "required", not "malformed"; the other fields are still all checked.
  const empty = values.baseUrl === '';
  const body = sourceBody(empty ? { ...values, baseUrl: 'https://address.invalid/oai' } : values);
  const errors = errorsFor(new Set([...Value.Errors(HarvestSourceInput, body)].map((error) => topField(error.instancePath))));
  if (empty) errors.baseUrl = { id: 'form.required' };
  return errors;
}

const topField = (instancePath: string): string => instancePath.split('/')[1] ?? 'form';

/**
 * The fields the API named in its refusal (`body field "baseUrl" must match pattern…`): a 400
 * is shown beside those fields, a 409 (the same address, format and set already harvested)
 * beside the address, anything else above the form.
 * @example apiSourceErrors(new ApiRefusal('x', 400, { code: 'invalid' }, { cause: '{"error":{"message":"body field \\"set\\" must match pattern"}}' })) // { set: { id: 'harvest.error.set' } }
 */
export function apiSourceErrors(error: ApiRefusal | ApiNotFoundError): FormErrors {
  if (error instanceof ApiRefusal && error.status === 409) return { baseUrl: { id: 'harvest.taken' } };
  if (error instanceof ApiRefusal && error.status === 400) {
    const named = [...apiMessage(error).matchAll(/body field "([A-Za-z]+)/g)].map((match) => match[1] ?? '');
    if (named.length > 0) return errorsFor(named);
  }
  return { form: refusalMessage(error) };
}

/** The API's own message, kept as the refusal's cause (its answer's body). */
function apiMessage(error: ApiRefusal): string {
  if (typeof error.cause !== 'string') return '';
  try {
    const body = JSON.parse(error.cause) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : '';
  } catch {
    return '';
  }
}

/**
 * Only the fields that changed: the API starts a source again from the beginning whenever
 * its address, format or set is sent, even unchanged.
 * @example sourceChanges({ ...sourceValues(source), intervalHours: '6' }, source) // { intervalHours: 6 }
 */
export function sourceChanges(values: SourceFormValues, current: HarvestSource): HarvestSourceChanges {
  const body = sourceBody(values);
  const changes: Record<string, unknown> = {};
  for (const field of ['baseUrl', 'metadataPrefix', 'intervalHours', 'enabled', 'recordStatus'] as const) {
    if (body[field] !== current[field]) changes[field] = body[field];
  }
  if (values.set !== (current.set ?? '')) changes.set = values.set === '' ? null : values.set;
  // Checked by sourceErrors with the same schema before it is sent; the API checks it again.
  return changes;
}

/** The host names a source in lists: sources have no name of their own, and a library's host says who it is. */
export function sourceName(source: Pick<HarvestSource, 'baseUrl'>): string {
  try {
    return new URL(source.baseUrl).host;
  } catch {
    return source.baseUrl;
  }
}
