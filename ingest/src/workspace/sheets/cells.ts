import { SHEET_COLUMNS, type ItemInput, type LocalizedText, type RecurringDate, type SheetRow } from '@disan/schemas';
import { canonicalJson } from '../../catalog/audit.ts';
import { rowFields } from '../../registration/sheet.ts';
import { LIBRARY_COLUMNS, libraryCells } from '../../registration/sheet-library.ts';

/** A file of a record as a sheet names it. */
export interface SheetFile {
  name: string;
  caption?: string | undefined;
}

/** The multilingual fields, one column per language (title_vi, title_km...). */
export const LANGUAGE_FIELDS = ['title', 'description', 'subjects'] as const;

/** Languages first in an export's columns: the archive's own, then the others by tag. */
const FIRST_LANGUAGES = ['vi', 'km', 'zh', 'zh-Hans', 'zh-Hant', 'en'];

/**
 * The columns of an exported sheet, in SHEET_COLUMNS' order, with one column per
 * language found in the records for each multilingual field.
 * @example sheetColumns(['km', 'vi']) // ['file', 'identifier', 'kind', 'ethnic_groups', 'title_vi', 'title_km', 'description_vi', ...]
 */
export function sheetColumns(languages: readonly string[]): string[] {
  const ordered = [...new Set(languages)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return SHEET_COLUMNS.flatMap(({ name }) => (name.endsWith('_<lang>') ? ordered.map((lang) => `${name.slice(0, -'<lang>'.length)}${lang}`) : [name]));
}

const rank = (lang: string) => {
  const index = FIRST_LANGUAGES.indexOf(lang);
  return index < 0 ? FIRST_LANGUAGES.length : index;
};

const join = (values: readonly string[] | undefined, separator = '; ') => (values ?? []).join(separator);

/** A record's fields as the cells of its sheet rows (every row of a record repeats them, so sorting the sheet loses nothing). */
export function itemCells(item: ItemInput): SheetRow {
  const cells: SheetRow = {
    identifier: item.id,
    kind: item.kind,
    ethnic_groups: join(item.ethnicGroups),
    alt_names: join(
      (item.alternativeNames ?? []).map((name) => `${name.lang}:${name.value}`),
      ' | ',
    ),
    date: item.date ?? '',
    recurrence: join((item.recurrence ?? []).map(recurrenceText)),
    languages: join(item.languages),
    collection: join(item.collections),
    rights: item.rights ?? '',
    status: item.status,
    access: item.access.level,
    communities: join(item.access.communities),
    embargo_until: item.access.embargoUntil ?? '',
    creator: join((item.agents ?? []).filter((agent) => agent.role === 'creator').map((agent) => agent.name)),
    contributor: item.provenance?.contributor ?? '',
    source: item.source ?? '',
    ...placeCells(item),
    ...libraryCells(item),
  };
  for (const field of LANGUAGE_FIELDS) {
    const values = item[field] ?? [];
    for (const lang of new Set(values.map((v) => v.lang))) {
      const inLang = values.filter((v) => v.lang === lang).map((v) => v.value);
      // Several values in one language: subjects are a list; a second title or description cannot be one cell, the first is kept.
      cells[`${field}_${lang}`] = field === 'subjects' ? join(inLang) : inLang[0]!;
    }
  }
  return cells;
}

function placeCells(item: ItemInput): SheetRow {
  const place = item.places?.[0];
  if (!place) return { place: '', province: '', latitude: '', longitude: '' };
  return {
    place: place.name,
    province: place.province ?? '',
    latitude: place.geo ? String(place.geo.lat) : '',
    longitude: place.geo ? String(place.geo.lon) : '',
  };
}

function recurrenceText(date: RecurringDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.calendar}:${pad(date.month)}-${pad(date.day)}${date.phase ? `:${date.phase}` : ''}${date.durationDays ? `+${date.durationDays}` : ''}`;
}

/** The languages of a record's multilingual fields, for the export's columns. */
export const itemLanguages = (item: ItemInput): string[] => LANGUAGE_FIELDS.flatMap((field) => (item[field] ?? []).map((v: LocalizedText) => v.lang));

/**
 * The groups of columns that each describe one part of a record: a part changes when one
 * of its columns does, and only then is the record's value replaced by the sheet's. A
 * column the sheet does not have leaves its part as it is.
 */
type Family = 'kind' | 'ethnicGroups' | 'title' | 'description' | 'subjects' | 'alternativeNames' | 'place' | 'date' | 'recurrence' | 'languages' | 'collections' | 'rights' | 'status' | 'access' | 'creators' | 'contributor' | 'source' | 'library';

const FAMILY_OF_COLUMN: Record<string, Family> = {
  kind: 'kind',
  ethnic_groups: 'ethnicGroups',
  alt_names: 'alternativeNames',
  place: 'place',
  province: 'place',
  latitude: 'place',
  longitude: 'place',
  date: 'date',
  recurrence: 'recurrence',
  languages: 'languages',
  collection: 'collections',
  rights: 'rights',
  status: 'status',
  access: 'access',
  communities: 'access',
  embargo_until: 'access',
  creator: 'creators',
  contributor: 'contributor',
  source: 'source',
  ...Object.fromEntries(LIBRARY_COLUMNS.filter((column) => column !== 'author').map((column) => [column, 'library' as const])),
  author: 'creators',
};

/** The part a column describes, or undefined for file, identifier, caption and columns the sheet does not know. */
export function familyOf(column: string): Family | undefined {
  const lang = LANGUAGE_FIELDS.find((field) => column.startsWith(`${field}_`));
  return lang ?? FAMILY_OF_COLUMN[column];
}

/** What one part of a record is, as far as a sheet can say it. */
function partOf(fields: Record<string, unknown>, family: Family): unknown {
  if (family === 'place') return (fields.places as unknown[] | undefined)?.[0] ?? null;
  if (family === 'creators') return fields.agents ?? null;
  if (family === 'library') return fields.library ?? null;
  if (family === 'contributor') return (fields.provenance as { contributor?: string } | undefined)?.contributor ?? null;
  return fields[family] ?? null;
}

export interface SheetMerge {
  /** The record with the sheet's changed parts in place of its own. */
  item: Record<string, unknown>;
  /** The parts the sheet changes (empty: the row says what the record already says). */
  changed: Family[];
  /** Problems in the cells of the row's changed parts. */
  problems: string[];
}

/**
 * A row applied to a record: the record's own cells (itemCells) overlaid with the row's
 * cells for the columns the sheet has; each part whose value differs, as the sheet reads
 * it, from the record's own replaces it. A part the sheet cannot fully say (a second
 * place, a photographer, an alternative name's type) stays as it is while its columns
 * are unchanged, so an exported sheet imported again changes nothing.
 */
export function mergeRow(record: ItemInput, row: SheetRow, columns: readonly string[]): SheetMerge {
  const own = itemCells(record);
  const merged: SheetRow = { ...own };
  for (const column of columns) {
    // A record always has a state and an access level: an empty cell there keeps the record's, never "draft" or "public".
    if (familyOf(column) === undefined || ((column === 'status' || column === 'access') && !row[column])) continue;
    merged[column] = row[column] ?? '';
  }
  const before = rowFields(own).item;
  const after = rowFields(merged);
  const families = [...new Set(columns.map(familyOf).filter((family): family is Family => family !== undefined))];
  const changed = families.filter((family) => canonicalJson(partOf(before, family)) !== canonicalJson(partOf(after.item, family)));
  const item: Record<string, unknown> = { ...record };
  for (const family of changed) applyPart(item, after.item, family);
  return { item, changed, problems: changed.length > 0 ? after.problems : [] };
}

function applyPart(item: Record<string, unknown>, sheet: Record<string, unknown>, family: Family): void {
  const setOrDrop = (key: string, value: unknown) => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) Reflect.deleteProperty(item, key);
    else item[key] = value;
  };
  if (family === 'place') {
    // The sheet says the first place; the others stay.
    const rest = ((item.places as unknown[] | undefined) ?? []).slice(1);
    const first = (sheet.places as unknown[] | undefined)?.[0];
    setOrDrop('places', first === undefined ? rest : [first, ...rest]);
  } else if (family === 'creators') {
    // The sheet says the creators and authors; performers, photographers and the others stay.
    const others = ((item.agents as { role: string }[] | undefined) ?? []).filter((agent) => agent.role !== 'creator' && agent.role !== 'author');
    setOrDrop('agents', [...((sheet.agents as unknown[] | undefined) ?? []), ...others]);
  } else if (family === 'library') {
    setOrDrop('library', mergeLibrary(item.library as ItemInput['library'], sheet.library as ItemInput['library']));
  } else if (family === 'contributor') {
    const { contributor: _old, ...provenance } = (item.provenance as Record<string, unknown> | undefined) ?? {};
    const contributor = (sheet.provenance as { contributor?: string } | undefined)?.contributor;
    const next = contributor === undefined ? provenance : { ...provenance, contributor, ...(Object.keys(provenance).length === 0 ? { method: 'fieldwork' } : {}) };
    setOrDrop('provenance', Object.keys(next).length === 0 ? undefined : next);
  } else {
    setOrDrop(family, sheet[family]);
  }
}

/**
 * The sheet's library cells over a record's description: what the cells say replaces
 * its own; what they cannot say (contents, holdings, relations, other identifiers, a
 * heading's URI) stays.
 */
function mergeLibrary(own: ItemInput['library'], sheet: ItemInput['library']): ItemInput['library'] {
  const SAID = ['publisher', 'publicationPlace', 'edition', 'extent', 'identifiers', 'subjectHeadings', 'tableOfContents', 'legal'] as const;
  const kept: Record<string, unknown> = { ...own };
  for (const field of SAID) Reflect.deleteProperty(kept, field);
  const schemes = new Set(['isbn', 'issn', 'doi', 'call-number']);
  const otherIdentifiers = (own?.identifiers ?? []).filter((identifier) => !schemes.has(identifier.scheme));
  const identifiers = [...(sheet?.identifiers ?? []), ...otherIdentifiers];
  const headings = (sheet?.subjectHeadings ?? []).map((heading) => own?.subjectHeadings?.find((known) => known.label === heading.label) ?? heading);
  const legal = sheet?.legal ? { ...sheet.legal, ...(own?.legal?.relations ? { relations: own.legal.relations } : {}) } : undefined;
  const merged = {
    ...kept,
    ...(sheet?.publisher ? { publisher: sheet.publisher } : {}),
    ...(sheet?.publicationPlace ? { publicationPlace: sheet.publicationPlace } : {}),
    ...(sheet?.edition ? { edition: sheet.edition } : {}),
    ...(sheet?.extent ? { extent: sheet.extent } : {}),
    ...(identifiers.length > 0 ? { identifiers } : {}),
    ...(headings.length > 0 ? { subjectHeadings: headings } : {}),
    ...(sheet?.tableOfContents ? { tableOfContents: sheet.tableOfContents } : {}),
    ...(legal ? { legal } : {}),
  };
  return Object.keys(merged).length > 0 ? merged : undefined;
}
