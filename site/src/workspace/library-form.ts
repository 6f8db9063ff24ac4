import type { LibraryDescription, LibrarySource } from '@disan/schemas';
import type { FormFields, TextRow } from './record-form.ts';

/**
 * The library section of the record editor (issue 13): a library description's single
 * fields as posted (`library[publisher]`, `library[documentNumber]`...), each as typed.
 * Its repeatable parts (subtitle, identifiers, subject headings, table of contents,
 * notes, holdings, a legal document's relations) are row groups of the form like the
 * title's (see LIBRARY_ROW_GROUPS in record-form.ts). `origin` is written by the harvester
 * and the MARC import: shown read-only and posted back unchanged.
 */
export interface LibraryFields {
  publisher: string;
  publicationPlace: string;
  edition: string;
  seriesTitle: string;
  seriesNumber: string;
  extent: string;
  documentNumber: string;
  documentType: string;
  issuingBody: string;
  signer: string;
  dateIssued: string;
  dateInForce: string;
  legalStatus: string;
  periodicalId: string;
  periodicalTitle: string;
  volume: string;
  number: string;
  degree: string;
  institution: string;
  origin: Record<keyof LibrarySource, string>;
}

export interface IdentifierRow {
  scheme: string;
  value: string;
}
export interface HeadingRow {
  label: string;
  lang: string;
  source: string;
  uri: string;
}
export interface TocRow {
  title: string;
  page: string;
  level: string;
}
export interface HoldingRow {
  location: string;
  callNumber: string;
  copies: string;
  note: string;
}
export interface RelationRow {
  type: string;
  itemId: string;
  documentNumber: string;
  title: string;
}

/** The library description's rows, as the form holds them. */
export interface LibraryRows {
  subtitle: TextRow[];
  identifiers: IdentifierRow[];
  subjectHeadings: HeadingRow[];
  toc: TocRow[];
  libraryNotes: TextRow[];
  holdings: HoldingRow[];
  relations: RelationRow[];
}

/** Single fields by the part of the description they belong to (an empty part is left out of the draft). */
const SIMPLE = ['publisher', 'publicationPlace', 'edition', 'extent'] as const;
export const LEGAL_FIELDS = ['documentNumber', 'documentType', 'issuingBody', 'signer', 'dateIssued', 'dateInForce', 'legalStatus'] as const;
export const ISSUE_FIELDS = ['periodicalId', 'periodicalTitle', 'volume', 'number'] as const;
export const THESIS_FIELDS = ['degree', 'institution'] as const;
const ORIGIN_FIELDS = ['protocol', 'source', 'identifier', 'datestamp', 'metadataPrefix'] as const satisfies readonly (keyof LibrarySource)[];

/**
 * The posted name of a single library field.
 * @example libraryName('documentNumber') // 'library[documentNumber]'
 * @example libraryName('origin', 'source') // 'library[origin][source]'
 */
export const libraryName = (field: keyof LibraryFields, inner?: string): string => (inner === undefined ? `library[${field}]` : `library[${field}][${inner}]`);

const blankOrigin = (): LibraryFields['origin'] => ({ protocol: '', source: '', identifier: '', datestamp: '', metadataPrefix: '' });

export function blankLibrary(): LibraryFields {
  const text = Object.fromEntries([...SIMPLE, 'seriesTitle', 'seriesNumber', ...LEGAL_FIELDS, ...ISSUE_FIELDS, ...THESIS_FIELDS].map((f) => [f, '']));
  return { ...(text as Omit<LibraryFields, 'origin'>), origin: blankOrigin() };
}

export const blankLibraryRows = (): LibraryRows => ({ subtitle: [], identifiers: [], subjectHeadings: [], toc: [], libraryNotes: [], holdings: [], relations: [] });

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

/** The single fields of a description as the form shows them. */
export function libraryFieldsOf(library: LibraryDescription | undefined): LibraryFields {
  const fields = blankLibrary();
  if (!library) return fields;
  for (const f of SIMPLE) fields[f] = text(library[f]);
  fields.seriesTitle = text(library.series?.title);
  fields.seriesNumber = text(library.series?.number);
  for (const f of LEGAL_FIELDS) fields[f] = text(library.legal?.[f]);
  for (const f of ISSUE_FIELDS) fields[f] = text(library.issue?.[f]);
  for (const f of THESIS_FIELDS) fields[f] = text(library.thesis?.[f]);
  for (const f of ORIGIN_FIELDS) fields.origin[f] = text(library.origin?.[f]);
  return fields;
}

/** The rows of a description as the form shows them. */
export function libraryRowsOf(library: LibraryDescription | undefined): LibraryRows {
  if (!library) return blankLibraryRows();
  return {
    subtitle: (library.subtitle ?? []).map((t) => ({ lang: t.lang, value: t.value })),
    identifiers: (library.identifiers ?? []).map((i) => ({ scheme: i.scheme, value: i.value })),
    subjectHeadings: (library.subjectHeadings ?? []).map((h) => ({ label: h.label, lang: text(h.lang), source: text(h.source), uri: text(h.uri) })),
    toc: (library.tableOfContents ?? []).map((e) => ({ title: e.title, page: text(e.page), level: text(e.level) })),
    libraryNotes: (library.notes ?? []).map((t) => ({ lang: t.lang, value: t.value })),
    holdings: (library.holdings ?? []).map((h) => ({ location: h.location, callNumber: text(h.callNumber), copies: text(h.copies), note: text(h.note) })),
    relations: (library.legal?.relations ?? []).map((r) => ({ type: r.type, itemId: text(r.itemId), documentNumber: text(r.documentNumber), title: text(r.title) })),
  };
}

/** The single fields as posted; the origin raw, since it goes back exactly as it came. */
export function readLibraryFields(form: FormFields): LibraryFields {
  const fields = blankLibrary();
  for (const f of [...SIMPLE, 'seriesTitle', 'seriesNumber', ...LEGAL_FIELDS, ...ISSUE_FIELDS, ...THESIS_FIELDS] as const) fields[f] = form.text(libraryName(f));
  for (const f of ORIGIN_FIELDS) fields.origin[f] = form.raw(libraryName('origin', f));
  return fields;
}

/** The rows of a group that are not blank, each with the index of its form row. */
export type KeptRows = <G extends keyof LibraryRows>(group: G) => { row: LibraryRows[G][number]; index: number }[];

/** A number as typed, or the text itself so that the schema says "enter a number". */
export function numberOf(value: string): number | string {
  if (value === '') return value;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : value;
}

/** The entries of an object whose value is not the empty text. */
const filled = (entries: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== ''));
const nonEmpty = (part: Record<string, unknown>): Record<string, unknown> | undefined => (Object.keys(part).length > 0 ? part : undefined);

/**
 * The candidate library description, or undefined when nothing of it was typed. A legal
 * part always carries its three required fields, typed or not, so that the schema names
 * the one missing beside its input.
 */
export function libraryDraft(fields: LibraryFields, kept: KeptRows): Record<string, unknown> | undefined {
  const library: Record<string, unknown> = {};
  const subtitle = kept('subtitle').map(({ row }) => ({ lang: row.lang, value: row.value }));
  if (subtitle.length > 0) library.subtitle = subtitle;
  Object.assign(library, filled({ publisher: fields.publisher, publicationPlace: fields.publicationPlace, edition: fields.edition }));
  if (fields.seriesTitle !== '' || fields.seriesNumber !== '') library.series = { title: fields.seriesTitle, ...filled({ number: fields.seriesNumber }) };
  if (fields.extent !== '') library.extent = fields.extent;
  const identifiers = kept('identifiers').map(({ row }) => ({ scheme: row.scheme, value: row.value }));
  if (identifiers.length > 0) library.identifiers = identifiers;
  const headings = kept('subjectHeadings').map(({ row }) => ({ label: row.label, ...filled({ lang: row.lang, source: row.source, uri: row.uri }) }));
  if (headings.length > 0) library.subjectHeadings = headings;
  const toc = kept('toc').map(({ row }) => ({ title: row.title, ...filled({ page: numberOf(row.page), level: numberOf(row.level) }) }));
  if (toc.length > 0) library.tableOfContents = toc;
  const notes = kept('libraryNotes').map(({ row }) => ({ lang: row.lang, value: row.value }));
  if (notes.length > 0) library.notes = notes;
  const holdings = kept('holdings').map(({ row }) => ({ location: row.location, ...filled({ callNumber: row.callNumber, copies: numberOf(row.copies), note: row.note }) }));
  if (holdings.length > 0) library.holdings = holdings;
  const legal = legalDraft(fields, kept);
  if (legal) library.legal = legal;
  const issue = nonEmpty(filled(Object.fromEntries(ISSUE_FIELDS.map((f) => [f, fields[f]]))));
  if (issue) library.issue = issue;
  const thesis = nonEmpty(filled(Object.fromEntries(THESIS_FIELDS.map((f) => [f, fields[f]]))));
  if (thesis) library.thesis = thesis;
  const origin = nonEmpty(filled(fields.origin));
  if (origin) library.origin = { protocol: fields.origin.protocol, source: fields.origin.source, identifier: fields.origin.identifier, ...origin };
  return nonEmpty(library);
}

function legalDraft(fields: LibraryFields, kept: KeptRows): Record<string, unknown> | undefined {
  const relations = kept('relations').map(({ row }) => ({ type: row.type, ...filled({ itemId: row.itemId, documentNumber: row.documentNumber, title: row.title }) }));
  const typed = filled(Object.fromEntries(LEGAL_FIELDS.map((f) => [f, fields[f]])));
  if (Object.keys(typed).length === 0 && relations.length === 0) return undefined;
  return {
    documentNumber: fields.documentNumber,
    documentType: fields.documentType,
    issuingBody: fields.issuingBody,
    ...typed,
    ...(relations.length > 0 ? { relations } : {}),
  };
}
