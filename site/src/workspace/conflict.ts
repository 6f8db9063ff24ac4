import type { RecordDraft, RecurringDate, WorkspaceRecord } from '@disan/schemas';
import type { Translate } from '../i18n/translate.ts';
import { formatRecurrence } from '../lib/format.ts';
import { EDITOR_FIELDS, type EditorField } from './record-form.ts';

/** One field of the side-by-side: what each side holds, and whether they differ. */
export interface ConflictRow {
  field: EditorField;
  mine: unknown;
  theirs: unknown;
  differs: boolean;
}

/** Objects compared by value whatever the order of their keys (an API may answer keys in another order). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** An absent list and an empty one mean the same to a reader. */
// Wrapped in a list, undefined becomes null and every value has a JSON text.
const normal = (value: unknown): string => JSON.stringify([canonical(Array.isArray(value) && value.length === 0 ? undefined : value)]);

/** The record's own fields, from the item of a workspace answer (its workflow state left out). */
export function draftOf(record: WorkspaceRecord): RecordDraft {
  const { status: _status, ...draft } = record.item;
  return draft;
}

/**
 * Every editable field, mine against theirs.
 * @example conflictRows({ date: '1930' } as RecordDraft, { date: '1931' } as RecordDraft).find((r) => r.field === 'date')?.differs // true
 */
export function conflictRows(mine: RecordDraft, theirs: RecordDraft): ConflictRow[] {
  return EDITOR_FIELDS.map((field) => ({ field, mine: mine[field], theirs: theirs[field], differs: normal(mine[field]) !== normal(theirs[field]) }));
}

export type Side = 'mine' | 'theirs';

/**
 * The draft the person chose: each field from the side picked for it (fields that do not
 * differ, and fields with no choice, are mine: nothing typed is lost unless the person
 * drops it). The id is always the record's.
 */
export function mergeDrafts(mine: RecordDraft, theirs: RecordDraft, picks: Partial<Record<EditorField, Side>>): RecordDraft {
  const merged = new Map<string, unknown>(Object.entries(mine));
  for (const field of EDITOR_FIELDS) {
    if (picks[field] !== 'theirs') continue;
    if (theirs[field] === undefined) merged.delete(field);
    else merged.set(field, theirs[field]);
  }
  merged.set('id', theirs.id);
  return Object.fromEntries(merged) as RecordDraft;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A field's value as lines of text for the side-by-side (a reader, not a JSON dump).
 * @example valueLines('title', [{ lang: 'km', value: 'អុំទូក' }], t) // ['km: អុំទូក']
 */
export function valueLines(field: EditorField, value: unknown, t: Translate): string[] {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  if (field === 'recurrence' && Array.isArray(value)) return (value as RecurringDate[]).map((r) => formatRecurrence(r, t));
  if (Array.isArray(value)) {
    return value.map((entry) => {
      if (!isRecord(entry)) return String(entry);
      if ('role' in entry) return `${String(entry.name)} (${String(entry.role)})`;
      if ('lang' in entry && 'value' in entry) return `${String(entry.lang)}: ${String(entry.value)}${'type' in entry ? ` (${String(entry.type)})` : ''}`;
      const geo = isRecord(entry.geo) ? ` (${String(entry.geo.lat)}, ${String(entry.geo.lon)})` : '';
      return `${String(entry.name)}${typeof entry.province === 'string' ? `, ${entry.province}` : ''}${geo}`;
    });
  }
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map(String).join(', ') : typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}
