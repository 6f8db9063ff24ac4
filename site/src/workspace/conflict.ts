import { ACCESS_LEVELS, AGENT_ROLES, type AgentRole, type RecordDraft, type RecurringDate, type WorkspaceRecord } from '@disan/schemas';
import type { Translate } from '../i18n/translate.ts';
import { languageName } from '../i18n/language-name.ts';
import type { Lang } from '../i18n/langs.ts';
import { formatRecurrence } from '../lib/format.ts';
import { kindLabel, peopleName } from '../lib/labels.ts';
import { licences } from './licences.ts';
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
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const METHODS = ['fieldwork', 'donation', 'digitisation', 'import', 'generated'] as const;
const known = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/** One entry of a list field: a multilingual value names its language, an agent its role, a place its province and point. */
function entryLine(entry: unknown, t: Translate, lang: Lang): string {
  if (!isRecord(entry)) return text(entry);
  if ('role' in entry) return `${text(entry.name)} (${known<AgentRole>(AGENT_ROLES, entry.role) ? t(`role.${entry.role}`) : text(entry.role)})`;
  if ('lang' in entry && 'value' in entry) return `${languageName(text(entry.lang), lang)}: ${text(entry.value)}${'type' in entry ? ` (${text(entry.type)})` : ''}`;
  const geo = isRecord(entry.geo) ? ` (${text(entry.geo.lat)}, ${text(entry.geo.lon)})` : '';
  return `${text(entry.name)}${typeof entry.province === 'string' ? `, ${entry.province}` : ''}${geo}`;
}

function accessLines(access: Record<string, unknown>, t: Translate): string[] {
  const lines = [known(ACCESS_LEVELS, access.level) ? t(`editor.access.${access.level}`) : text(access.level)];
  if (Array.isArray(access.communities) && access.communities.length > 0) lines.push(`${t('editor.communities')}: ${access.communities.map(text).join(', ')}`);
  if (typeof access.embargoUntil === 'string') lines.push(`${t('editor.embargoUntil')}: ${access.embargoUntil}`);
  return lines;
}

function provenanceLines(provenance: Record<string, unknown>, t: Translate): string[] {
  const lines: string[] = [];
  if (typeof provenance.contributor === 'string') lines.push(`${t('editor.contributor')}: ${provenance.contributor}`);
  if (typeof provenance.contributedAt === 'string') lines.push(`${t('editor.contributedAt')}: ${provenance.contributedAt}`);
  if (typeof provenance.source === 'string') lines.push(`${t('editor.provenanceSource')}: ${provenance.source}`);
  if (provenance.method !== undefined) lines.push(`${t('editor.method')}: ${known(METHODS, provenance.method) ? t(`editor.method.${provenance.method}`) : text(provenance.method)}`);
  if (typeof provenance.notes === 'string') lines.push(`${t('editor.notes')}: ${provenance.notes}`);
  return lines;
}

/**
 * A field's value as lines of text for the side-by-side, in the reader's words: kinds,
 * peoples, languages, roles, licences and access levels by their names, not their codes.
 * @example valueLines('title', [{ lang: 'km', value: 'អុំទូក' }], t, 'en') // ['Khmer: អុំទូក']
 */
export function valueLines(field: EditorField, value: unknown, t: Translate, lang: Lang): string[] {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  if (field === 'recurrence' && Array.isArray(value)) return (value as RecurringDate[]).map((r) => formatRecurrence(r, t));
  if (field === 'kind') return [kindLabel(text(value), t)];
  if (field === 'ethnicGroups' && Array.isArray(value)) return value.map((code) => peopleName(text(code), lang, t).value);
  if (field === 'languages' && Array.isArray(value)) return value.map((tag) => languageName(text(tag), lang));
  if (field === 'rights' && typeof value === 'string') return [licences(t, value).find((l) => l.uri === value)?.label ?? value];
  if (field === 'access' && isRecord(value)) return accessLines(value, t);
  if (field === 'provenance' && isRecord(value)) return provenanceLines(value, t);
  if (Array.isArray(value)) return value.map((entry) => entryLine(entry, t, lang));
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map(text).join(', ') : text(v)}`);
  return [text(value)];
}
