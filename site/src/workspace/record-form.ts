import type { Item, LocalizedText, RecordDraft } from '@disan/schemas';
import { blankEntry, blankEntryRows, EMPTY_ENTRY_ROWS, ENTRY_ROW_GROUPS, entryDraft, entryFieldsOf, entryRowsOf, entryUntouched, MULTI_VALUE_FIELDS, readEntryFields, titleWithHeadword, type EntryFields, type EntryRows } from './entry-form.ts';
import { blankElement, elementDraft, elementFieldsOf, elementIdsOf, readElementFields, type ElementFields } from './element-form.ts';
import { blankLibrary, blankLibraryRows, libraryDraft, libraryFieldsOf, libraryRowsOf, numberOf, readLibraryFields, type LibraryFields, type LibraryRows } from './library-form.ts';

/**
 * The record editor's form as posted and as shown again: every value as the person typed
 * it (text), so a form with mistakes comes back exactly as it was, with the errors beside
 * it. `draftFromForm` turns it into the candidate RecordDraft the schema then judges.
 *
 * Repeatable groups are indexed names (`title[0][lang]`, `title[0][value]`); the buttons
 * "add a row" and "remove row n" are submit buttons (`intent=add:title`,
 * `intent=remove:title:2`), so without JavaScript the page comes back with the row added.
 */

export interface TextRow {
  lang: string;
  value: string;
}
export interface NameRow {
  value: string;
  lang: string;
  type: string;
}
export interface AgentRow {
  name: string;
  role: string;
  agentId: string;
}
export interface RecurrenceRow {
  calendar: string;
  month: string;
  day: string;
  phase: string;
  leapMonth: boolean;
  durationDays: string;
}
export interface PlaceRow {
  name: string;
  placeId: string;
  province: string;
  lat: string;
  lon: string;
  /** Also write it in the catalog of places (POST /workspace/places), which gives it an id. */
  save: boolean;
}

export interface EditorForm extends LibraryRows, EntryRows {
  id: string;
  kind: string;
  ethnicGroups: string[];
  title: TextRow[];
  description: TextRow[];
  subjects: TextRow[];
  alternativeNames: NameRow[];
  agents: AgentRow[];
  date: string;
  recurrence: RecurrenceRow[];
  places: PlaceRow[];
  /** Content languages, separated by commas or spaces. */
  languages: string;
  collections: string[];
  rights: string;
  source: string;
  access: { level: string; communities: string; embargoUntil: string };
  provenance: { contributor: string; contributedAt: string; source: string; method: string; notes: string };
  /** A library description's single fields; its rows are the groups of LibraryRows. */
  library: LibraryFields;
  /** A dictionary entry's single fields (kind `word`); its rows are the groups of EntryRows. */
  entry: EntryFields;
  /** An inventory element's block (element-form.ts). */
  element: ElementFields;
  /** The ids of the inventory elements this record documents, as typed. */
  elements: string;
  /** The change note of this save (not part of the record). */
  note: string;
}

/** The library description's repeatable groups (library-form.ts), with the schema's limits. */
export const LIBRARY_ROW_GROUPS = {
  subtitle: { fields: ['lang', 'value'], max: 64 },
  identifiers: { fields: ['scheme', 'value'], max: 50 },
  subjectHeadings: { fields: ['label', 'lang', 'source', 'uri'], max: 100 },
  toc: { fields: ['title', 'page', 'level'], max: 1000 },
  libraryNotes: { fields: ['lang', 'value'], max: 64 },
  holdings: { fields: ['location', 'callNumber', 'copies', 'note'], max: 100 },
  relations: { fields: ['type', 'itemId', 'documentNumber', 'title'], max: 100 },
} as const satisfies Record<keyof LibraryRows, { fields: readonly string[]; max: number }>;
export type LibraryRowGroup = keyof typeof LIBRARY_ROW_GROUPS;

export const isLibraryRowGroup = (value: string): value is LibraryRowGroup => Object.hasOwn(LIBRARY_ROW_GROUPS, value);

/** The repeatable groups, with the fields of one row and the schema's limit on rows. */
export const ROW_GROUPS = {
  title: { fields: ['lang', 'value'], max: 64 },
  description: { fields: ['lang', 'value'], max: 64 },
  subjects: { fields: ['lang', 'value'], max: 64 },
  alternativeNames: { fields: ['value', 'lang', 'type'], max: 100 },
  agents: { fields: ['name', 'role', 'agentId'], max: 100 },
  recurrence: { fields: ['calendar', 'month', 'day', 'phase', 'leapMonth', 'durationDays'], max: 10 },
  places: { fields: ['name', 'placeId', 'province', 'lat', 'lon', 'save'], max: 50 },
  ...LIBRARY_ROW_GROUPS,
  ...ENTRY_ROW_GROUPS,
} as const;
export type RowGroup = keyof typeof ROW_GROUPS;

export function isRowGroup(value: string): value is RowGroup {
  return Object.hasOwn(ROW_GROUPS, value);
}

const emptyText = (lang = ''): TextRow => ({ lang, value: '' });
const EMPTY_ROWS: { [G in RowGroup]: () => EditorForm[G][number] } = {
  title: () => emptyText(),
  description: () => emptyText(),
  subjects: () => emptyText(),
  alternativeNames: () => ({ value: '', lang: '', type: 'native' }),
  agents: () => ({ name: '', role: 'performer', agentId: '' }),
  recurrence: () => ({ calendar: 'vietnamese-lunisolar', month: '', day: '', phase: '', leapMonth: false, durationDays: '' }),
  places: () => ({ name: '', placeId: '', province: '', lat: '', lon: '', save: false }),
  subtitle: () => emptyText(),
  identifiers: () => ({ scheme: 'isbn', value: '' }),
  subjectHeadings: () => ({ label: '', lang: '', source: '', uri: '' }),
  toc: () => ({ title: '', page: '', level: '' }),
  libraryNotes: () => emptyText(),
  holdings: () => ({ location: '', callNumber: '', copies: '', note: '' }),
  relations: () => ({ type: 'implements', itemId: '', documentNumber: '', title: '' }),
  ...EMPTY_ENTRY_ROWS,
};

/** The index of the empty row kept in a <template> for the island to copy (it renumbers the copy). */
export const TEMPLATE_INDEX = 9999;

/** A blank row of a group. */
export const emptyRow = <G extends RowGroup>(group: G): EditorForm[G][number] => EMPTY_ROWS[group]();

/**
 * The name of a field of a row as the form posts it.
 * @example rowName('title', 2, 'lang') // 'title[2][lang]'
 */
export const rowName = (group: RowGroup, index: number, field: string): string => `${group}[${index}][${field}]`;

/**
 * The key of a field in errors and the id of its input (`f-<key>`): the posted name
 * with brackets turned into dashes.
 * @example fieldKey('title[2][lang]') // 'title-2-lang'
 * @example fieldKey('access[level]') // 'access-level'
 */
export const fieldKey = (name: string): string => name.replace(/\]\[|\[/g, '-').replace(/\]$/, '');

/** A blank form for a new record: one title row in the editor's language, public, a festival. */
export function blankForm(titleLang: string): EditorForm {
  return {
    id: '',
    kind: 'festival',
    ethnicGroups: [],
    title: [emptyText(titleLang)],
    description: [],
    subjects: [],
    alternativeNames: [],
    agents: [],
    date: '',
    recurrence: [],
    places: [],
    languages: '',
    collections: [],
    rights: '',
    source: '',
    access: { level: 'public', communities: '', embargoUntil: '' },
    provenance: { contributor: '', contributedAt: '', source: '', method: '', notes: '' },
    library: blankLibrary(),
    ...blankLibraryRows(),
    entry: blankEntry(),
    ...blankEntryRows(),
    element: blankElement(),
    elements: '',
    note: '',
  };
}

const num = (value: number | undefined): string => (value === undefined ? '' : String(value));

/** The form showing a record as it is (the head, or the other side of a conflict). */
export function formFromItem(item: RecordDraft | Item | Omit<Item, 'version' | 'createdAt' | 'updatedAt'>): EditorForm {
  return {
    id: item.id,
    kind: item.kind,
    ethnicGroups: [...item.ethnicGroups],
    title: item.title.map((t) => ({ ...t })),
    description: (item.description ?? []).map((t) => ({ ...t })),
    subjects: (item.subjects ?? []).map((t) => ({ ...t })),
    alternativeNames: (item.alternativeNames ?? []).map((n) => ({ ...n })),
    agents: (item.agents ?? []).map((a) => ({ name: a.name, role: a.role, agentId: a.agentId ?? '' })),
    date: item.date ?? '',
    recurrence: (item.recurrence ?? []).map((r) => ({
      calendar: r.calendar,
      month: String(r.month),
      day: String(r.day),
      phase: r.phase ?? '',
      leapMonth: r.leapMonth ?? false,
      durationDays: num(r.durationDays),
    })),
    places: (item.places ?? []).map((p) => ({ name: p.name, placeId: p.placeId ?? '', province: p.province ?? '', lat: num(p.geo?.lat), lon: num(p.geo?.lon), save: false })),
    languages: (item.languages ?? []).join(', '),
    collections: [...(item.collections ?? [])],
    rights: item.rights ?? '',
    source: item.source ?? '',
    access: { level: item.access.level, communities: (item.access.communities ?? []).join(', '), embargoUntil: item.access.embargoUntil ?? '' },
    provenance: {
      contributor: item.provenance?.contributor ?? '',
      contributedAt: item.provenance?.contributedAt ?? '',
      source: item.provenance?.source ?? '',
      method: item.provenance?.method ?? '',
      notes: item.provenance?.notes ?? '',
    },
    library: libraryFieldsOf(item.library),
    ...libraryRowsOf(item.library),
    entry: entryFieldsOf(item.entry),
    ...entryRowsOf(item.entry),
    element: elementFieldsOf(item.element),
    elements: (item.elements ?? []).join(', '),
    note: '',
  };
}

/** What a posted form offers: the reader of account pages' forms (`PostedForm`) fits. */
export interface FormFields {
  text(name: string): string;
  raw(name: string): string;
  all(name: string): string[];
  has(name: string): boolean;
}

/** Row fields that are checkboxes: present when ticked. */
const CHECKBOXES = new Set<string>(['leapMonth', 'save']);

export function readRows<G extends RowGroup>(form: FormFields, group: G): EditorForm[G] {
  const { fields, max } = ROW_GROUPS[group];
  const rows: Record<string, string | boolean>[] = [];
  for (let i = 0; i < max; i++) {
    if (!fields.some((f) => form.has(rowName(group, i, f)))) break;
    const row: Record<string, string | boolean> = {};
    for (const f of fields) row[f] = MULTI_VALUE_FIELDS.has(f) ? form.all(rowName(group, i, f)).join(' ') : CHECKBOXES.has(f) ? form.has(rowName(group, i, f)) : f === 'value' && group !== 'alternativeNames' ? form.raw(rowName(group, i, f)).trim() : form.text(rowName(group, i, f));
    rows.push(row);
  }
  return rows as unknown as EditorForm[G];
}

/** The form as posted: every field read back as text. */
export function readEditorForm(form: FormFields): EditorForm {
  return {
    id: form.text('id'),
    kind: form.text('kind'),
    ethnicGroups: form.all('ethnicGroups'),
    title: readRows(form, 'title'),
    description: readRows(form, 'description'),
    subjects: readRows(form, 'subjects'),
    alternativeNames: readRows(form, 'alternativeNames'),
    agents: readRows(form, 'agents'),
    date: form.text('date'),
    recurrence: readRows(form, 'recurrence'),
    places: readRows(form, 'places'),
    languages: form.text('languages'),
    collections: form.all('collections'),
    rights: form.text('rights'),
    source: form.text('source'),
    access: { level: form.text('access[level]'), communities: form.text('access[communities]'), embargoUntil: form.text('access[embargoUntil]') },
    provenance: {
      contributor: form.text('provenance[contributor]'),
      contributedAt: form.text('provenance[contributedAt]'),
      source: form.text('provenance[source]'),
      method: form.text('provenance[method]'),
      notes: form.text('provenance[notes]'),
    },
    library: readLibraryFields(form),
    subtitle: readRows(form, 'subtitle'),
    identifiers: readRows(form, 'identifiers'),
    subjectHeadings: readRows(form, 'subjectHeadings'),
    toc: readRows(form, 'toc'),
    libraryNotes: readRows(form, 'libraryNotes'),
    holdings: readRows(form, 'holdings'),
    relations: readRows(form, 'relations'),
    entry: readEntryFields(form),
    ...readEntryRows(form),
    element: readElementFields(form),
    // The typed ids and the ticked suggestions share the name; never "elements", which would
    // shadow the form's own `elements` collection that the editor's scripts read.
    elements: form.all('element-ids').join(', '),
    note: form.text('note'),
  };
}

const readEntryRows = (form: FormFields): EntryRows => ({
  headwords: readRows(form, 'headwords'),
  romanisations: readRows(form, 'romanisations'),
  ipa: readRows(form, 'ipa'),
  senses: readRows(form, 'senses'),
  examples: readRows(form, 'examples'),
  entryRelations: readRows(form, 'entryRelations'),
  etymology: readRows(form, 'etymology'),
  usageNotes: readRows(form, 'usageNotes'),
  entrySources: readRows(form, 'entrySources'),
});

/** What a submit button asked for: save, or add/remove a row (the page then comes back without saving). */
export type EditorIntent = { kind: 'save' } | { kind: 'add'; group: RowGroup } | { kind: 'remove'; group: RowGroup; index: number };

/**
 * @example parseIntent('add:title') // { kind: 'add', group: 'title' }
 * @example parseIntent('remove:places:1') // { kind: 'remove', group: 'places', index: 1 }
 * @example parseIntent('') // { kind: 'save' }
 */
export function parseIntent(value: string): EditorIntent {
  const [verb, group = '', index] = value.split(':');
  if (verb === 'add' && isRowGroup(group)) return { kind: 'add', group };
  if (verb === 'remove' && isRowGroup(group) && index !== undefined && /^\d+$/.test(index)) return { kind: 'remove', group, index: Number(index) };
  return { kind: 'save' };
}

/** The form with a row added or removed (a new language row starts with no language: the person types any tag). */
export function applyIntent(form: EditorForm, intent: EditorIntent): EditorForm {
  if (intent.kind === 'save') return form;
  const rows = [...(form[intent.group] as readonly unknown[])];
  if (intent.kind === 'add') {
    if (rows.length < ROW_GROUPS[intent.group].max) rows.push(EMPTY_ROWS[intent.group]());
  } else rows.splice(intent.index, 1);
  return { ...form, [intent.group]: rows };
}

/** A row nobody typed in: every field empty, or as a new row of its group starts (a festival's performer, the lunar calendar). */
export const isBlank = (group: RowGroup, row: object): boolean => {
  const empty = new Map<string, unknown>(Object.entries(EMPTY_ROWS[group]()));
  return Object.entries(row).every(([k, v]) => typeof v === 'boolean' || v === '' || v === empty.get(k));
};
const list = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The candidate draft, and for each repeatable group which form row each draft entry
 * came from (blank rows are left out, so indices shift): errors at `/title/1/lang` are
 * shown beside the row the person typed.
 */
export interface Candidate {
  draft: Record<string, unknown>;
  rows: Partial<Record<RowGroup, number[]>>;
}

export function draftFromForm(form: EditorForm): Candidate {
  const rows: Partial<Record<RowGroup, number[]>> = {};
  const kept = <G extends RowGroup>(group: G): { row: EditorForm[G][number]; index: number }[] => {
    const entries = (form[group] as readonly EditorForm[G][number][]).map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(group, row));
    rows[group] = entries.map((e) => e.index);
    return entries;
  };
  const draft: Record<string, unknown> = { id: form.id, kind: form.kind, ethnicGroups: form.ethnicGroups };
  draft.title = kept('title').map(({ row }) => ({ lang: row.lang, value: row.value }));
  const description = kept('description').map(({ row }) => ({ lang: row.lang, value: row.value }));
  if (description.length > 0) draft.description = description;
  const subjects = kept('subjects').map(({ row }) => ({ lang: row.lang, value: row.value }));
  if (subjects.length > 0) draft.subjects = subjects;
  const names = kept('alternativeNames').map(({ row }) => ({ value: row.value, lang: row.lang, type: row.type }));
  if (names.length > 0) draft.alternativeNames = names;
  const agents = kept('agents').map(({ row }) => ({ ...(row.agentId === '' ? {} : { agentId: row.agentId }), name: row.name, role: row.role }));
  if (agents.length > 0) draft.agents = agents;
  if (form.date !== '') draft.date = form.date;
  const recurrence = kept('recurrence').map(({ row }) => ({
    calendar: row.calendar,
    month: numberOf(row.month),
    day: numberOf(row.day),
    ...(row.phase === '' ? {} : { phase: row.phase }),
    ...(row.leapMonth ? { leapMonth: true } : {}),
    ...(row.durationDays === '' ? {} : { durationDays: numberOf(row.durationDays) }),
  }));
  if (recurrence.length > 0) draft.recurrence = recurrence;
  const places = kept('places').map(({ row }) => {
    const geo: Record<string, unknown> = {};
    if (row.lat !== '') geo.lat = numberOf(row.lat);
    if (row.lon !== '') geo.lon = numberOf(row.lon);
    return {
      ...(row.placeId === '' ? {} : { placeId: row.placeId }),
      name: row.name,
      ...(Object.keys(geo).length > 0 ? { geo } : {}),
      ...(row.province === '' ? {} : { province: row.province }),
    };
  });
  if (places.length > 0) draft.places = places;
  const languages = list(form.languages);
  if (languages.length > 0) draft.languages = languages;
  if (form.collections.length > 0) draft.collections = form.collections;
  if (form.rights !== '') draft.rights = form.rights;
  if (form.source !== '') draft.source = form.source;
  const communities = list(form.access.communities);
  draft.access = {
    level: form.access.level,
    ...(communities.length > 0 ? { communities } : {}),
    ...(form.access.embargoUntil === '' ? {} : { embargoUntil: form.access.embargoUntil }),
  };
  const provenance = Object.fromEntries(Object.entries(form.provenance).filter(([, v]) => v !== ''));
  if (Object.keys(provenance).length > 0) draft.provenance = provenance;
  const library = libraryDraft(form.library, kept);
  if (library) draft.library = library;
  if (form.kind === 'word' || !entryUntouched(form.entry, kept)) {
    const { entry, exampleRows } = entryDraft(form.entry, kept);
    draft.entry = entry;
    rows.examples = exampleRows;
    const [main] = entry.headwords as { value: string }[];
    if (main) draft.title = titleWithHeadword(draft.title as LocalizedText[], main.value, String(entry.language));
  }
  const element = elementDraft(form.kind, form.element);
  if (element) draft.element = element;
  const elements = elementIdsOf(form.elements);
  if (elements.length > 0) draft.elements = elements;
  return { draft, rows };
}

/** The form with the other record's fields for the chosen names (the conflict view's "keep theirs"). */
export const EDITOR_FIELDS = [
  'kind',
  'ethnicGroups',
  'title',
  'description',
  'subjects',
  'alternativeNames',
  'agents',
  'date',
  'recurrence',
  'places',
  'languages',
  'collections',
  'rights',
  'source',
  'access',
  'provenance',
  'library',
  'entry',
  'element',
  'elements',
] as const satisfies readonly (keyof RecordDraft)[];
export type EditorField = (typeof EDITOR_FIELDS)[number];
