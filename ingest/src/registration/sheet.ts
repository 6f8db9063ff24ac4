import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { Value } from 'typebox/value';
import { CALENDARS, ItemInput, type MediaAccess, type RecordingInfo, type RecurringDate, type SheetRow } from '@disan/schemas';
import { ValidationError } from '../errors.ts';
import { libraryProblems } from '../library/validate.ts';
import { authorsOf, libraryColumnOf, libraryOf } from './sheet-library.ts';
import { slugify } from './slug.ts';

/** One file named by the sheet, and the item it belongs to. */
export interface SheetEntry {
  line: number;
  file: string;
  itemId: string;
  caption?: string;
  /** From a JSON Lines import: the recording's speaker and consent, and the medium's own access rule. */
  recording?: RecordingInfo;
  access?: MediaAccess;
}

export interface ParsedSheet {
  items: Map<string, ItemInput>;
  entries: SheetEntry[];
  /** Rows refused, with the line number a person finds in their spreadsheet program. */
  rejected: { line: number; file?: string; reason: string }[];
}

/**
 * Reads the archivists' metadata sheet (CSV, UTF-8). A broken row is reported
 * with its line and reason; every other row goes through. Item fields come from
 * the first row of each identifier; later rows of the same identifier add files.
 */
export async function readSheet(path: string): Promise<ParsedSheet> {
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError(`${path} is not UTF-8 text: save it as "CSV UTF-8" and run again`);
  }
  return parseSheet(text);
}

export function parseSheet(text: string): ParsedSheet {
  const result: ParsedSheet = { items: new Map(), entries: [], rejected: [] };
  const records = parse<{ record: SheetRow; info: { lines: number } }>(text, {
    columns: (header: string[]) => header.map(sheetColumnName),
    bom: true,
    skip_empty_lines: true,
    trim: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      result.rejected.push({ line: Number(error?.lines ?? 0), reason: `the row cannot be read as CSV: ${error?.message ?? 'unknown error'}` });
      return undefined;
    },
  });

  for (const { record, info } of records) {
    const line = info.lines;
    const file = record.file ?? '';
    if (!file) {
      result.rejected.push({ line, reason: 'the "file" column is empty' });
      continue;
    }
    const itemId = record.identifier ? record.identifier : slugify(file.replace(/\.[^./]+$/, ''));
    const known = result.items.get(itemId);
    if (!known) {
      const built = rowToItem({ ...record, identifier: itemId });
      if ('problems' in built) {
        result.rejected.push({ line, file, reason: built.problems.join('; ') });
        continue;
      }
      result.items.set(itemId, built.item);
    }
    result.entries.push({ line, file, itemId, ...(record.caption ? { caption: record.caption } : {}) });
  }
  return result;
}

/**
 * A header cell as the parser keys it: trimmed, lower case, with a script subtag put back
 * in its BCP 47 case (title_zh-hant -> title_zh-Hant).
 * @example sheetColumnName(' Title_ZH-HANT ') // 'title_zh-Hant'
 */
export function sheetColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/-([a-z]{4})$/, (m) => m.slice(0, 2).toUpperCase() + m.slice(2));
}

const list = (cell: string | undefined, separator = ';') =>
  (cell ?? '')
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

function languageColumns(row: SheetRow, field: string) {
  return Object.entries(row)
    .filter(([column, value]) => column.startsWith(`${field}_`) && value !== '')
    .map(([column, value]) => ({ lang: column.slice(field.length + 1), value }));
}

/** Turns one row into an ItemInput, or the list of everything wrong with it. */
export function rowToItem(row: SheetRow): { item: ItemInput } | { problems: string[] } {
  const { item, problems } = rowFields(row);
  for (const error of Value.Errors(ItemInput, item)) {
    problems.push(`${columnOf(error.instancePath)}: ${error.message}`);
  }
  // What a librarian expects beyond the schema (check digits, a legal document's fields), by column.
  if (problems.length === 0) for (const problem of libraryProblems(item as ItemInput)) problems.push(`${columnOf(problem.path)}: ${problem.message}`);
  return problems.length > 0 ? { problems: dedupe(problems) } : { item: item as ItemInput };
}

/**
 * The item fields a row describes, not yet validated, and what is wrong in its cells'
 * syntax (an alt name without a language, half a coordinate): the workspace compares
 * these field by field with a record's.
 */
export function rowFields(row: SheetRow): { item: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  const item: Record<string, unknown> = {
    id: row.identifier,
    kind: row.kind ?? '',
    ethnicGroups: list(row.ethnic_groups).map((code) => code.toLowerCase()),
    title: languageColumns(row, 'title'),
    status: row.status || 'draft',
    access: accessOf(row),
  };
  const description = languageColumns(row, 'description');
  if (description.length > 0) item.description = description;
  const subjects = languageColumns(row, 'subjects').flatMap(({ lang, value }) => list(value).map((v) => ({ lang, value: v })));
  if (subjects.length > 0) item.subjects = subjects;
  const alternativeNames = list(row.alt_names, '|').map((pair) => {
    const colon = pair.indexOf(':');
    if (colon < 1) problems.push(`alt_names: "${pair}" must be lang:value`);
    return { lang: pair.slice(0, colon).trim(), value: pair.slice(colon + 1).trim(), type: pair.slice(0, colon).includes('-Latn') ? 'romanisation' : 'native' };
  });
  if (alternativeNames.length > 0) item.alternativeNames = alternativeNames;
  const place = placeOf(row, problems);
  if (place) item.places = [place];
  if (row.date) item.date = row.date;
  const recurrence = list(row.recurrence).map((text) => recurrenceOf(text, problems));
  if (recurrence.length > 0) item.recurrence = recurrence;
  if (row.languages) item.languages = list(row.languages);
  if (row.collection) item.collections = list(row.collection);
  if (row.rights) item.rights = row.rights;
  if (row.source) item.source = row.source;
  const agents = [...list(row.creator).map((name) => ({ name, role: 'creator' })), ...authorsOf(row)];
  if (agents.length > 0) item.agents = agents;
  const library = libraryOf(row);
  if (library) item.library = library;
  if (row.contributor) item.provenance = { contributor: row.contributor, method: 'fieldwork' };
  if (languageColumns(row, 'title').length === 0) problems.push('no title: fill at least one title_<lang> column (title_vi, title_km...)');
  return { item, problems };
}

function accessOf(row: SheetRow) {
  const access: Record<string, unknown> = { level: row.access || 'public' };
  if (row.communities) access.communities = list(row.communities);
  if (row.embargo_until) access.embargoUntil = row.embargo_until;
  return access;
}

function placeOf(row: SheetRow, problems: string[]) {
  const hasLat = Boolean(row.latitude);
  const hasLon = Boolean(row.longitude);
  if (!row.place && !hasLat && !hasLon && !row.province) return undefined;
  const place: Record<string, unknown> = { name: row.place || row.province || 'unnamed' };
  if (row.province) place.province = row.province;
  if (hasLat !== hasLon) problems.push('latitude and longitude: give both or neither');
  if (hasLat && hasLon) {
    const lat = Number(row.latitude);
    const lon = Number(row.longitude);
    if (!Number.isFinite(lat) || Math.abs(lat) > 90) problems.push(`latitude: "${row.latitude}" is not a number from -90 to 90`);
    else if (!Number.isFinite(lon) || Math.abs(lon) > 180) problems.push(`longitude: "${row.longitude}" is not a number from -180 to 180`);
    else place.geo = { lat, lon };
  }
  return place;
}

const RECURRENCE = /^([a-z-]+):(\d{1,2})-(\d{1,2})(?::(waxing|waning))?(?:\+(\d{1,2}))?$/;

function recurrenceOf(text: string, problems: string[]): RecurringDate {
  const match = RECURRENCE.exec(text);
  const calendar = match?.[1] ?? '';
  if (!match || !(CALENDARS as readonly string[]).includes(calendar)) {
    problems.push(`recurrence: "${text}" must be calendar:MM-DD[:waxing|waning][+days] with calendar one of ${CALENDARS.join(', ')}`);
    return { calendar: 'gregorian', month: 1, day: 1 };
  }
  const date: RecurringDate = { calendar: calendar as RecurringDate['calendar'], month: Number(match[2]), day: Number(match[3]) };
  if (match[4]) date.phase = match[4] as 'waxing' | 'waning';
  if (match[5]) date.durationDays = Number(match[5]);
  return date;
}

/** Maps a schema path back to the sheet column an archivist edits. */
export function columnOf(path: string): string {
  const [, field = '', index = ''] = path.split('/');
  const columns: Record<string, string> = {
    id: 'identifier',
    ethnicGroups: 'ethnic_groups',
    alternativeNames: 'alt_names',
    places: 'place/latitude/longitude',
    recurrence: 'recurrence',
    collections: 'collection',
    access: 'access/communities/embargo_until',
    agents: 'creator/author',
    provenance: 'contributor',
  };
  if (field === 'library') return libraryColumnOf(path);
  return columns[field] ?? (field ? `${field}${index ? ` #${Number(index) + 1}` : ''}` : 'row');
}

const dedupe = (values: string[]) => [...new Set(values)];
