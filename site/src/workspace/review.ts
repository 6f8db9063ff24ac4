import type { FieldChange, ItemStatus, VersionAction, VersionSummary, WorkspaceRecord } from '@disan/schemas';
import { ApiRefusal, type ApiNotFoundError } from '../api/errors.ts';
import { conflictOf, type ReviewStep } from '../api/review-client.ts';
import { refusalMessage, type FormErrors, type PostedForm } from '../forms/form.ts';
import type { MessageId } from '../i18n/vi.ts';
import { wordDiff, type DiffPart } from './word-diff.ts';

/**
 * The workflow state as words: a published record being edited says so, since the public
 * still reads the approved version.
 * @example stateLabel('draft', true) // 'review.state.revision'
 * @example stateLabel('in-review', false) // 'review.state.in-review'
 */
export function stateLabel(status: ItemStatus, inRevision: boolean): MessageId {
  if (inRevision) return status === 'in-review' ? 'review.state.revisionInReview' : 'review.state.revision';
  return `review.state.${status}`;
}

export const actionLabel = (action: VersionAction): MessageId => `review.action.${action}`;

const FIELDS = new Set([
  'kind', 'ethnicGroups', 'title', 'description', 'subjects', 'alternativeNames', 'agents', 'date', 'recurrence',
  'places', 'languages', 'collections', 'rights', 'source', 'status', 'access', 'provenance', 'media', 'library', 'entry',
]);

/**
 * The dictionary id naming an item field, or null for a field the dictionaries do not name
 * (shown as the API names it).
 * @example fieldLabel('title') // 'review.field.title'
 * @example fieldLabel('somethingNew') // null
 */
export function fieldLabel(field: string): MessageId | null {
  return FIELDS.has(field) ? (`review.field.${field}` as MessageId) : null;
}

/** The status messages of the workspace's review pages after a redirect (`?done=<key>`), never text from the address. */
export const REVIEW_DONE = {
  submitted: 'review.done.submitted',
  published: 'review.done.published',
  sentBack: 'review.done.sentBack',
  withdrawn: 'review.done.withdrawn',
  restored: 'review.done.restored',
  retried: 'review.done.retried',
} as const satisfies Record<string, MessageId>;
export type ReviewDoneKey = keyof typeof REVIEW_DONE;

/** @example reviewDone(new URLSearchParams('done=published')) // 'review.done.published' */
export function reviewDone(params: URLSearchParams): MessageId | null {
  const key = params.get('done');
  return key !== null && Object.hasOwn(REVIEW_DONE, key) ? REVIEW_DONE[key as ReviewDoneKey] : null;
}

export const STEP_DONE: Record<ReviewStep['step'], ReviewDoneKey> = { submit: 'submitted', publish: 'published', 'send-back': 'sentBack', withdraw: 'withdrawn' };

/**
 * A posted review form: the step, the version it was taken on, and its text (a send-back's
 * comment and a withdrawal's reason are required).
 */
export function postedStep(form: PostedForm): { ok: true; version: number; step: ReviewStep } | { ok: false; errors: FormErrors } {
  const version = Number(form.text('version'));
  if (!Number.isInteger(version) || version < 1) return { ok: false, errors: { form: { id: 'form.invalid' } } };
  const note = form.text('note') || undefined;
  switch (form.text('step')) {
    case 'submit':
      return { ok: true, version, step: { step: 'submit', note } };
    case 'publish':
      return { ok: true, version, step: { step: 'publish', note } };
    case 'send-back': {
      const comment = form.text('comment');
      return comment === '' ? { ok: false, errors: { comment: { id: 'form.required' } } } : { ok: true, version, step: { step: 'send-back', comment } };
    }
    case 'withdraw': {
      const reason = form.text('reason');
      return reason === '' ? { ok: false, errors: { reason: { id: 'form.required' } } } : { ok: true, version, step: { step: 'withdraw', reason } };
    }
    default:
      return { ok: false, errors: { form: { id: 'form.invalid' } } };
  }
}

/**
 * The two versions to compare from the history's form (`?from=&to=`), the older first:
 * two different version numbers (of `versions`, when known).
 * @example versionPair(new URLSearchParams('from=5&to=2'), [6, 5, 4, 3, 2, 1]) // { from: 2, to: 5 }
 */
export function versionPair(params: URLSearchParams, versions?: readonly number[]): { from: number; to: number } | null {
  const valid = (v: number) => Number.isSafeInteger(v) && v >= 1 && (versions === undefined || versions.includes(v));
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  if (!valid(from) || !valid(to) || from === to) return null;
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/** The pair the history's form starts with: the version the public reads (else the one before the newest) and the newest. */
export function defaultPair(versions: readonly VersionSummary[]): { from: number; to: number } | null {
  const newest = versions[0];
  if (newest === undefined) return null;
  const published = versions.find((v) => v.published && v.version !== newest.version);
  const from = published ?? versions[1];
  return from === undefined ? null : { from: from.version, to: newest.version };
}

/**
 * A value of a version (a string, a localized text, a place, a file...) as one line of text.
 * @example displayValue({ lang: 'km', value: 'បុណ្យ' }) // 'បុណ្យ'
 * @example displayValue(['a', 'b']) // 'a; b'
 * @example displayValue({ id: 'p1', name: 'Sóc Trăng' }) // 'Sóc Trăng'
 */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(displayValue).filter((v) => v !== '').join('; ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['value', 'name', 'originalName', 'label', 'title'] as const) {
      const named = record[key];
      if (typeof named === 'string' || Array.isArray(named)) return displayValue(named);
    }
    return Object.entries(record)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `${k}: ${displayValue(v)}`)
      .join(', ');
  }
  return '';
}

/** A row of the comparison table: the before and after texts, marked word by word where both are text. */
export interface ComparisonRow {
  change: FieldChange;
  before: DiffPart[];
  after: DiffPart[];
}

/**
 * What a change shows on each side: a changed text has its removed words struck on the left
 * and its added words marked on the right; other values are wholly removed or added.
 */
export function comparisonRow(change: FieldChange, options: { locale?: string; position?: (n: number) => string } = {}): ComparisonRow {
  const { locale, position = (n) => String(n) } = options;
  // A move's before and after are places in the list, counted from 0 by the API.
  const shown = (value: unknown) => (change.change === 'moved' && typeof value === 'number' ? position(value + 1) : displayValue(value));
  const before = shown(change.before);
  const after = shown(change.after);
  if (change.change === 'changed' && before !== '' && after !== '') {
    const parts = wordDiff(before, after, locale ?? change.lang);
    return { change, before: parts.filter((p) => p.op !== 'added'), after: parts.filter((p) => p.op !== 'removed') };
  }
  if (change.change === 'moved') return { change, before: before ? [{ op: 'same', text: before }] : [], after: after ? [{ op: 'same', text: after }] : [] };
  return {
    change,
    before: before && change.change !== 'added' ? [{ op: 'removed', text: before }] : [],
    after: after && change.change !== 'removed' ? [{ op: 'added', text: after }] : [],
  };
}

const STAFF_ROLES: readonly string[] = ['archivist', 'reviewer', 'admin'];

/**
 * Whether the account works in the workspace (the header's link; the API decides the rest).
 * @example isStaff({ roles: ['reviewer'] }) // true
 * @example isStaff({ roles: ['researcher'] }) // false
 */
export function isStaff(account: { roles: readonly string[] } | null): boolean {
  return account?.roles.some((role) => STAFF_ROLES.includes(role)) ?? false;
}

/**
 * What a refused review step or restore says: someone saved first (412: the head now, for
 * the message and the reload link), a step the rules no longer allow (403 forbidden), an
 * expired form (403 csrf), or the other refusals in the forms' usual words.
 */
export function stepRefusal(error: ApiRefusal | ApiNotFoundError): { errors: FormErrors; conflict: WorkspaceRecord | true | null } {
  if (error instanceof ApiRefusal && error.status === 412) return { errors: {}, conflict: conflictOf(error) ?? true };
  if (error instanceof ApiRefusal && error.status === 403 && error.code === 'forbidden') return { errors: { form: { id: 'review.notPermitted' } }, conflict: null };
  return { errors: { form: refusalMessage(error) }, conflict: null };
}
