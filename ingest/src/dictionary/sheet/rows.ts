import { Value } from 'typebox/value';
import { Access, ENTRY_RELATIONS, HEADWORD_SCRIPTS, ITEM_STATUSES, RecordingInfo, ROMANISATION_SYSTEMS, type DictionaryEntry, type EntryExample, type EntryRelation, type EntrySense, type ItemStatus, type LocalizedText, type SheetRow } from '@disan/schemas';
import { sheetColumnName } from '../../registration/sheet.ts';
import { entryProblems, type ExchangeEntry, type ExchangeRecording } from '../exchange/entry.ts';
import { headwordColumn, LIST_SEPARATOR, RECORDING_FIELDS, relationColumn, romanisationColumn, type RecordingField } from './columns.ts';

/** An entry as a sheet carries it, with the status its item has (export) or is to have (import). */
export interface SheetEntry extends ExchangeEntry {
  status?: ItemStatus;
}

const join = (values: readonly string[]) => values.join(LIST_SEPARATOR);
const split = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** Texts per language into cells `<prefix>_<lang>`; two texts in one language share the cell, one per line. */
function putTexts(row: SheetRow, prefix: string, texts: readonly LocalizedText[] | undefined, joiner = '\n'): void {
  for (const text of texts ?? []) {
    const column = `${prefix}_${text.lang}`;
    row[column] = row[column] ? `${row[column]}${joiner}${text.value}` : text.value;
  }
}

/**
 * One entry as one row.
 * @example entryRow(entry)['headword_khmr'] // 'ទូកង'
 */
export function entryRow(sheetEntry: SheetEntry): SheetRow {
  const { entry } = sheetEntry;
  const row: SheetRow = { id: sheetEntry.id, language: entry.language };
  if (sheetEntry.status) row.status = sheetEntry.status;
  if (entry.dialect) row.dialect = entry.dialect;
  for (const headword of entry.headwords) row[headwordColumn(headword.script)] = headword.value;
  for (const romanisation of entry.romanisations ?? []) {
    const column = romanisationColumn(romanisation.system);
    row[column] = row[column] ? `${row[column]}${LIST_SEPARATOR}${romanisation.value}` : romanisation.value;
  }
  if (entry.ipa?.length) row.ipa = join(entry.ipa);
  if (entry.partOfSpeech) row.part_of_speech = entry.partOfSpeech;
  entry.senses.forEach((sense, index) => {
    const prefix = `sense${index + 1}`;
    putTexts(row, `${prefix}_gloss`, sense.glosses, LIST_SEPARATOR);
    putTexts(row, `${prefix}_definition`, sense.definition);
    if (sense.domains?.length) row[`${prefix}_domains`] = join(sense.domains);
    (sense.examples ?? []).forEach((example, at) => {
      const base = `${prefix}_example${at + 1}`;
      row[`${base}_text`] = example.text;
      if (example.romanisation) row[`${base}_romanisation`] = example.romanisation;
      putTexts(row, `${base}_translation`, example.translations);
      if (example.source) row[`${base}_source`] = example.source;
    });
  });
  for (const type of ENTRY_RELATIONS) {
    const relations = (entry.relations ?? []).filter((relation) => relation.type === type);
    if (relations.length) row[relationColumn(type)] = join(relations.map(relationCell));
  }
  putTexts(row, 'etymology', entry.etymology);
  putTexts(row, 'usage', entry.usageNotes);
  if (entry.sources?.length) row.sources = join(entry.sources);
  if (entry.records?.length) row.records = join(entry.records);
  if (sheetEntry.access) putAccess(row, 'access', sheetEntry.access);
  sheetEntry.recordings.forEach((recording, index) => {
    putRecording(row, `recording${index + 1}`, recording);
  });
  return row;
}

/** `id`, `id (headword)` or `(headword)`: readable, and read back the same. */
const relationCell = (relation: EntryRelation) => [relation.entryId, relation.headword === undefined ? undefined : `(${relation.headword})`].filter((part) => part !== undefined).join(' ');

function putAccess(row: SheetRow, prefix: string, access: Access): void {
  row[`${prefix}_level`] = access.level;
  if (access.communities?.length) row[`${prefix}_communities`] = join(access.communities);
  if (access.embargoUntil) row[`${prefix}_embargo_until`] = access.embargoUntil;
}

function putRecording(row: SheetRow, prefix: string, recording: ExchangeRecording): void {
  const cells: Partial<Record<RecordingField, string>> = { file: recording.file };
  if (recording.caption) cells.caption = recording.caption;
  const info = recording.recording;
  if (info) {
    cells.speaker = info.speaker;
    cells.consent = info.consent.given ? 'given' : 'not-given';
    if (info.consent.date) cells.consent_date = info.consent.date;
    if (info.consent.method) cells.consent_method = info.consent.method;
    if (info.consent.note) cells.consent_note = info.consent.note;
    if (info.locality) cells.locality = info.locality;
    if (info.dialect) cells.dialect = info.dialect;
    if (info.recordedOn) cells.recorded_on = info.recordedOn;
    if (info.generated !== undefined) cells.generated = String(info.generated);
  }
  for (const [field, value] of Object.entries(cells)) row[`${prefix}_${field}`] = value;
  if (recording.access) putAccess(row, `${prefix}_access`, recording.access);
}

/** Texts of the columns `<prefix>_<lang>`, in the row's column order. */
function texts(row: SheetRow, prefix: string, splitList = false): LocalizedText[] {
  return Object.entries(row)
    .filter(([column, value]) => column.startsWith(`${prefix}_`) && value.trim() !== '' && !column.slice(prefix.length + 1).includes('_'))
    .flatMap(([column, value]) => (splitList ? split(value) : [value]).map((text) => ({ lang: column.slice(prefix.length + 1), value: text })));
}

/** The numbers of the senses, examples or recordings a row fills (a sheet has the columns of its fullest row). */
function numbers(row: SheetRow, pattern: RegExp): number[] {
  const found = new Set<number>();
  for (const [column, value] of Object.entries(row)) {
    const number = pattern.exec(column)?.[1];
    if (number !== undefined && value.trim() !== '') found.add(Number(number));
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * A row read back into an entry, or the reasons it cannot be: each problem names its column.
 */
export function rowEntry(row: SheetRow): { entry?: SheetEntry; errors: string[] } {
  const errors: string[] = [];
  const id = row.id?.trim() ?? '';
  if (!id) errors.push('id: every entry needs an id (lower-case letters, digits and dashes)');
  const status = row.status?.trim() || undefined;
  if (status !== undefined && !(ITEM_STATUSES as readonly string[]).includes(status)) errors.push(`status: "${status}" must be one of ${ITEM_STATUSES.join(', ')}`);
  const headwords = HEADWORD_SCRIPTS.flatMap((script) => (row[headwordColumn(script)]?.trim() ? [{ value: row[headwordColumn(script)]!.trim(), script }] : []));
  const romanisations = ROMANISATION_SYSTEMS.flatMap((system) => split(row[romanisationColumn(system)]).map((value) => ({ value, system })));
  const senses: EntrySense[] = numbers(row, /^sense(\d+)_/).map((n) => readSense(row, `sense${n}`));
  const relations: EntryRelation[] = [];
  for (const type of ENTRY_RELATIONS) {
    // The sheet reader writes a final four-letter subtag as a script (`see-Also`): both spellings read.
    for (const cell of split(row[relationColumn(type)] ?? row[sheetColumnName(relationColumn(type))])) {
      const match = /^([^\s(]+)?\s*(?:\((.+)\))?$/.exec(cell);
      if (!match || (match[1] === undefined && match[2] === undefined)) errors.push(`${relationColumn(type)}: "${cell}" must be an id, "id (headword)" or "(headword)"`);
      else relations.push({ type, ...(match[1] ? { entryId: match[1] } : {}), ...(match[2] ? { headword: match[2] } : {}) });
    }
  }
  const entry: Record<string, unknown> = {
    language: row.language?.trim() ?? '',
    ...(row.dialect?.trim() ? { dialect: row.dialect.trim() } : {}),
    headwords,
    ...(romanisations.length ? { romanisations } : {}),
    ...(split(row.ipa).length ? { ipa: split(row.ipa) } : {}),
    ...(row.part_of_speech?.trim() ? { partOfSpeech: row.part_of_speech.trim() } : {}),
    senses,
    ...(relations.length ? { relations } : {}),
    ...(texts(row, 'etymology').length ? { etymology: texts(row, 'etymology') } : {}),
    ...(texts(row, 'usage').length ? { usageNotes: texts(row, 'usage') } : {}),
    ...(split(row.sources).length ? { sources: split(row.sources) } : {}),
    ...(split(row.records).length ? { records: split(row.records) } : {}),
  };
  if (headwords.length === 0) errors.push(`headword: fill at least one of ${HEADWORD_SCRIPTS.map(headwordColumn).join(', ')}`);
  if (senses.length === 0) errors.push('sense1_gloss_vi: every entry needs a sense with a gloss (sense1_gloss_<language>)');
  if (errors.length === 0) errors.push(...entryProblems(entry).map(columnOfProblem));
  const access = readAccess(row, 'access', errors);
  const recordings = numbers(row, /^recording(\d+)_/).map((n) => readRecording(row, `recording${n}`, errors));
  if (errors.length > 0) return { errors };
  return {
    entry: { id, entry: entry as DictionaryEntry, recordings, ...(access ? { access } : {}), ...(status ? { status: status as ItemStatus } : {}) },
    errors,
  };
}

function readSense(row: SheetRow, prefix: string): EntrySense {
  const examples: EntryExample[] = numbers(row, new RegExp(`^${prefix}_example(\\d+)_`)).flatMap((n) => {
    const base = `${prefix}_example${n}`;
    const text = row[`${base}_text`]?.trim();
    if (!text) return [];
    const translations = texts(row, `${base}_translation`);
    return [{ text, ...(row[`${base}_romanisation`]?.trim() ? { romanisation: row[`${base}_romanisation`]!.trim() } : {}), ...(translations.length ? { translations } : {}), ...(row[`${base}_source`]?.trim() ? { source: row[`${base}_source`]!.trim() } : {}) }];
  });
  const definition = texts(row, `${prefix}_definition`);
  const domains = split(row[`${prefix}_domains`]);
  return { glosses: texts(row, `${prefix}_gloss`, true), ...(definition.length ? { definition } : {}), ...(examples.length ? { examples } : {}), ...(domains.length ? { domains: domains as EntrySense['domains'] } : {}) };
}

function readAccess(row: SheetRow, prefix: string, errors: string[]): Access | undefined {
  const level = row[`${prefix}_level`]?.trim();
  if (!level) return undefined;
  const communities = split(row[`${prefix}_communities`]);
  const embargo = row[`${prefix}_embargo_until`]?.trim();
  const access = { level, ...(communities.length ? { communities } : {}), ...(embargo ? { embargoUntil: embargo } : {}) };
  const problems = [...Value.Errors(Access, access)].map((error) => `${prefix}_${error.instancePath.slice(1) || 'level'}: ${error.message}`);
  errors.push(...problems);
  return problems.length ? undefined : (access as Access);
}

function readRecording(row: SheetRow, prefix: string, errors: string[]): ExchangeRecording {
  const cell = (field: RecordingField) => row[`${prefix}_${field}`]?.trim() ?? '';
  const file = cell('file');
  if (!file) errors.push(`${prefix}_file: a recording needs its audio file's name`);
  const recording: ExchangeRecording = { file, ...(cell('caption') ? { caption: cell('caption') } : {}) };
  if (cell('speaker')) {
    const consent = cell('consent');
    if (consent !== 'given' && consent !== 'not-given') errors.push(`${prefix}_consent: "${consent}" must be given or not-given`);
    const info = {
      speaker: cell('speaker'),
      consent: { given: consent === 'given', ...(cell('consent_date') ? { date: cell('consent_date') } : {}), ...(cell('consent_method') ? { method: cell('consent_method') } : {}), ...(cell('consent_note') ? { note: cell('consent_note') } : {}) },
      ...(cell('locality') ? { locality: cell('locality') } : {}),
      ...(cell('dialect') ? { dialect: cell('dialect') } : {}),
      ...(cell('recorded_on') ? { recordedOn: cell('recorded_on') } : {}),
      ...(cell('generated') ? { generated: cell('generated') === 'true' } : {}),
    };
    const problems = [...Value.Errors(RecordingInfo, info)].map((error) => `${prefix}_${error.instancePath.slice(1).replaceAll('/', '_') || 'speaker'}: ${error.message}`);
    errors.push(...problems);
    if (problems.length === 0) recording.recording = info as RecordingInfo;
  } else if (RECORDING_FIELDS.some((field) => field !== 'file' && field !== 'caption' && !field.startsWith('access') && cell(field))) {
    errors.push(`${prefix}_speaker: a recording's details need its speaker`);
  }
  const access = readAccess(row, `${prefix}_access`, errors);
  if (access) recording.access = access;
  return recording;
}

/** A schema problem's path (`/senses/0/glosses/0/lang`) said as the sheet's column where it can be. */
function columnOfProblem(problem: string): string {
  return problem
    .replace(/^\/senses\/(\d+)/, (_m, n: string) => `sense${Number(n) + 1}`)
    .replace(/^\/partOfSpeech/, 'part_of_speech')
    .replace(/^\/language/, 'language');
}
