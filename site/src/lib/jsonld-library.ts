import type { ItemView, LegalRelationType, LegalStatus, LibraryDescription, LibraryKind } from '@disan/schemas';
import { isoDate } from './format.ts';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = Record<string, JsonValue>;

/** schema.org types of the library's kinds (issue 13). */
const LIBRARY_TYPE: Record<LibraryKind, string> = {
  book: 'Book',
  report: 'Report',
  thesis: 'Thesis',
  'legal-document': 'Legislation',
  periodical: 'Periodical',
  'periodical-issue': 'PublicationIssue',
};

/** @example libraryType('report') // 'Report' */
export function libraryType(kind: ItemView['kind']): string | null {
  return (LIBRARY_TYPE as Partial<Record<string, string>>)[kind] ?? null;
}

/**
 * schema.org's LegalForceStatus for a document's status: an amended document is still in
 * force in the parts not amended; one not yet in force, expired or replaced is not in force.
 */
const LEGAL_FORCE: Record<LegalStatus, string> = {
  'in-force': 'https://schema.org/InForce',
  amended: 'https://schema.org/PartiallyInForce',
  'not-yet-in-force': 'https://schema.org/NotInForce',
  expired: 'https://schema.org/NotInForce',
  replaced: 'https://schema.org/NotInForce',
};

/**
 * Relations as schema.org's ELI properties: amending and replacing are changes
 * (`legislationChanges` "encompasses amendment, replacement, repeal"); implementing or
 * guiding the application of another document is the informative `legislationApplies`.
 * No relation of ours is a consolidation, so `legislationConsolidates` is not used.
 */
const RELATION_PROPERTY: Record<LegalRelationType, 'legislationChanges' | 'legislationApplies'> = {
  amends: 'legislationChanges',
  replaces: 'legislationChanges',
  implements: 'legislationApplies',
  guides: 'legislationApplies',
};

/**
 * The number of pages an extent states: "215 tr. ; 24 cm", "48 p.", "xii, 300 pages", "120".
 * @example pagesOfExtent('215 tr. ; 24 cm') // 215
 * @example pagesOfExtent('1 CD-ROM') // null
 */
export function pagesOfExtent(extent: string | undefined): number | null {
  const text = extent?.trim() ?? '';
  const match = /^(\d+)$/u.exec(text) ?? /(\d+)\s*(?:p\b|pp\b|pages?\b|tr\b|trang\b|页|ទំព័រ)/iu.exec(text);
  const pages = match ? Number.parseInt(match[1]!, 10) : Number.NaN;
  return Number.isInteger(pages) && pages > 0 ? pages : null;
}

/** A report's number: its number in its series, else an identifier of scheme `other`. */
export function reportNumber(library: LibraryDescription | undefined): string | null {
  return library?.series?.number ?? library?.identifiers?.find((i) => i.scheme === 'other')?.value ?? null;
}

const organization = (name: string): JsonObject => ({ '@type': 'Organization', name });

function identifierOf(library: LibraryDescription | undefined, scheme: 'isbn' | 'issn'): string | undefined {
  return library?.identifiers?.find((i) => i.scheme === scheme)?.value;
}

function legislation(item: ItemView, recordUrl: (id: string) => string): JsonObject {
  const legal = item.library?.legal;
  if (!legal) return {};
  const doc: JsonObject = { legislationIdentifier: legal.documentNumber, legislationType: legal.documentType, legislationPassedBy: organization(legal.issuingBody) };
  if (legal.dateIssued) doc.legislationDate = legal.dateIssued;
  if (legal.legalStatus) doc.legislationLegalForce = LEGAL_FORCE[legal.legalStatus];
  for (const relation of legal.relations ?? []) {
    const other: JsonObject = { '@type': 'Legislation' };
    if (relation.documentNumber) other.legislationIdentifier = relation.documentNumber;
    if (relation.title) other.name = relation.title;
    if (relation.itemId) other.url = recordUrl(relation.itemId);
    const property = RELATION_PROPERTY[relation.type];
    const list = (doc[property] as JsonValue[] | undefined) ?? [];
    list.push(other);
    doc[property] = list;
  }
  return doc;
}

function periodicalIssue(item: ItemView, recordUrl: (id: string) => string): JsonObject {
  const issue = item.library?.issue;
  if (!issue) return {};
  const doc: JsonObject = {};
  if (issue.number) doc.issueNumber = issue.number;
  const periodical: JsonObject = { '@type': 'Periodical' };
  if (issue.periodicalTitle) periodical.name = issue.periodicalTitle;
  if (issue.periodicalId) periodical.url = recordUrl(issue.periodicalId);
  const issn = identifierOf(item.library, 'issn');
  if (issn) periodical.issn = issn;
  // schema.org nests an issue in its volume, and the volume in the periodical.
  doc.isPartOf = issue.volume ? { '@type': 'PublicationVolume', volumeNumber: issue.volume, isPartOf: periodical } : periodical;
  return doc;
}

type TypeProperties = (item: ItemView, recordUrl: (id: string) => string) => JsonObject;

/** Each library kind's own schema.org properties. */
const TYPE_PROPERTIES: Record<LibraryKind, TypeProperties> = {
  book: ({ library }) => {
    const doc: JsonObject = {};
    const isbn = identifierOf(library, 'isbn');
    if (isbn) doc.isbn = isbn;
    if (library?.edition) doc.bookEdition = library.edition;
    const pages = pagesOfExtent(library?.extent);
    if (pages) doc.numberOfPages = pages;
    return doc;
  },
  report: ({ library }): JsonObject => {
    const number = reportNumber(library);
    return number ? { reportNumber: number } : {};
  },
  thesis: ({ library }) => {
    const doc: JsonObject = {};
    if (library?.thesis?.degree) doc.inSupportOf = library.thesis.degree;
    if (library?.thesis?.institution) doc.sourceOrganization = organization(library.thesis.institution);
    return doc;
  },
  'legal-document': legislation,
  periodical: ({ library }): JsonObject => {
    const issn = identifierOf(library, 'issn');
    return issn ? { issn } : {};
  },
  'periodical-issue': periodicalIssue,
};

/**
 * What a library record adds to its JSON-LD record: `datePublished`, its publisher, and the
 * properties of its type (Book, Report, Legislation, Thesis, Periodical, PublicationIssue).
 * Other kinds get nothing.
 * @example libraryProperties(book, { recordUrl }).bookEdition // 'Tái bản lần 2'
 */
export function libraryProperties(item: ItemView, options: { recordUrl: (id: string) => string }): JsonObject {
  const typeProperties = (TYPE_PROPERTIES as Partial<Record<string, TypeProperties>>)[item.kind];
  if (!typeProperties) return {};
  const library = item.library;
  const doc: JsonObject = {};
  const published = library?.legal?.dateIssued ?? isoDate(item.date);
  if (published) doc.datePublished = published;
  if (library?.publisher) doc.publisher = organization(library.publisher);
  return { ...doc, ...typeProperties(item, options.recordUrl) };
}
