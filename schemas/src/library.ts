import { Type, type Static } from 'typebox';
import { Id, LanguageTag, Multilingual } from './common.ts';

/**
 * The e-library's bibliographic description (issue 13). A library record is an item
 * of one of LIBRARY_KINDS with a `library` block beside the heritage fields it shares
 * with every record (title in several languages and scripts, agents with their roles,
 * date of publication, subjects, languages, rights). The block holds what a librarian
 * catalogues and what Vietnamese users look policy documents up by; its codes, like
 * every code list, never change once published.
 */

/** Identifier schemes; `call-number` is the local shelf mark. */
export const IDENTIFIER_SCHEMES = ['isbn', 'issn', 'doi', 'handle', 'call-number', 'oclc', 'lccn', 'uri', 'other'] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

/**
 * Types of Vietnamese legal and policy documents (Law 80/2015/QH13 and the documents
 * provinces issue). `other` covers the rest; the label is in the dictionaries.
 */
export const LEGAL_DOCUMENT_TYPES = [
  'hien-phap',
  'luat',
  'nghi-quyet',
  'nghi-dinh',
  'quyet-dinh',
  'thong-tu',
  'chi-thi',
  'ke-hoach',
  'chuong-trinh',
  'de-an',
  'cong-van',
  'thong-bao',
  'huong-dan',
  'bao-cao',
  'other',
] as const;
export type LegalDocumentType = (typeof LEGAL_DOCUMENT_TYPES)[number];

/** Whether a legal document is in force (hiệu lực). */
export const LEGAL_STATUSES = ['not-yet-in-force', 'in-force', 'amended', 'expired', 'replaced'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/**
 * How one document stands to another. Only these forward relations are stored; the
 * inverse (amended by, replaced by, implemented by) is computed when a page shows it.
 */
export const LEGAL_RELATIONS = ['amends', 'replaces', 'implements', 'guides'] as const;
export type LegalRelationType = (typeof LEGAL_RELATIONS)[number];

export const LibraryIdentifier = Type.Object(
  {
    scheme: Type.Enum(IDENTIFIER_SCHEMES),
    value: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { additionalProperties: false },
);
export type LibraryIdentifier = Static<typeof LibraryIdentifier>;

/** A subject heading from a controlled vocabulary (LCSH, a national list, a local one). */
export const SubjectHeading = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 500 }),
    lang: Type.Optional(LanguageTag),
    /** The vocabulary's code, as MARC's $2 names it: lcsh, fast, local, … */
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z0-9.-]+$' })),
    uri: Type.Optional(Type.String({ format: 'uri', maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type SubjectHeading = Static<typeof SubjectHeading>;

export const TocEntry = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 1000 }),
    /** 1-based page in the attached document, so the reader can open it there. */
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
  },
  { additionalProperties: false },
);
export type TocEntry = Static<typeof TocEntry>;

/** Where a physical copy is kept, for hybrid libraries. */
export const Holding = Type.Object(
  {
    location: Type.String({ minLength: 1, maxLength: 300 }),
    callNumber: Type.Optional(Type.String({ maxLength: 100 })),
    copies: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type Holding = Static<typeof Holding>;

export const Series = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    number: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);

/** A relation to another document: a record of this archive, or one known only by its number. */
export const LegalRelation = Type.Object(
  {
    type: Type.Enum(LEGAL_RELATIONS),
    itemId: Type.Optional(Id),
    documentNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    title: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type LegalRelation = Static<typeof LegalRelation>;

/** Calendar date, YYYY-MM-DD. */
export const IsoDay = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Date, YYYY-MM-DD' });

/** What a policy or legal document is looked up by. */
export const LegalDocument = Type.Object(
  {
    /** Số hiệu, as written on the document: 45/2024/QĐ-UBND. */
    documentNumber: Type.String({ minLength: 1, maxLength: 100 }),
    documentType: Type.Enum(LEGAL_DOCUMENT_TYPES),
    issuingBody: Type.String({ minLength: 1, maxLength: 300 }),
    signer: Type.Optional(Type.String({ maxLength: 300 })),
    dateIssued: Type.Optional(IsoDay),
    dateInForce: Type.Optional(IsoDay),
    legalStatus: Type.Optional(Type.Enum(LEGAL_STATUSES)),
    relations: Type.Optional(Type.Array(LegalRelation, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type LegalDocument = Static<typeof LegalDocument>;

/** An issue of a periodical: the periodical's record in this archive, or its title. */
export const PeriodicalIssue = Type.Object(
  {
    periodicalId: Type.Optional(Id),
    periodicalTitle: Type.Optional(Type.String({ maxLength: 500 })),
    volume: Type.Optional(Type.String({ maxLength: 50 })),
    number: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);
export type PeriodicalIssue = Static<typeof PeriodicalIssue>;

export const Thesis = Type.Object(
  {
    degree: Type.Optional(Type.String({ maxLength: 200 })),
    institution: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

/** Where a harvested or imported record came from: OAI-PMH or a MARC file. */
export const LibrarySource = Type.Object(
  {
    protocol: Type.Enum(['oai-pmh', 'marc']),
    /** The OAI-PMH base URL, or the MARC file's name. */
    source: Type.String({ minLength: 1, maxLength: 1000 }),
    identifier: Type.String({ minLength: 1, maxLength: 1000 }),
    /** The record's datestamp at the source (OAI-PMH), as the source wrote it. */
    datestamp: Type.Optional(Type.String({ maxLength: 40 })),
    metadataPrefix: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type LibrarySource = Static<typeof LibrarySource>;

export const LibraryDescription = Type.Object(
  {
    subtitle: Type.Optional(Multilingual),
    publisher: Type.Optional(Type.String({ maxLength: 300 })),
    publicationPlace: Type.Optional(Type.String({ maxLength: 300 })),
    edition: Type.Optional(Type.String({ maxLength: 200 })),
    series: Type.Optional(Series),
    /** Physical or digital extent: "215 tr. ; 24 cm", "48 p.". */
    extent: Type.Optional(Type.String({ maxLength: 300 })),
    identifiers: Type.Optional(Type.Array(LibraryIdentifier, { maxItems: 50 })),
    subjectHeadings: Type.Optional(Type.Array(SubjectHeading, { maxItems: 100 })),
    tableOfContents: Type.Optional(Type.Array(TocEntry, { maxItems: 1000 })),
    notes: Type.Optional(Multilingual),
    holdings: Type.Optional(Type.Array(Holding, { maxItems: 100 })),
    legal: Type.Optional(LegalDocument),
    issue: Type.Optional(PeriodicalIssue),
    thesis: Type.Optional(Thesis),
    /** Set by the harvester and the MARC import, never by hand. */
    origin: Type.Optional(LibrarySource),
  },
  { additionalProperties: false },
);
export type LibraryDescription = Static<typeof LibraryDescription>;

/**
 * A relation as a record's page shows it, in both directions: `forward` is what this
 * document does to the other (it implements the plan), `inverse` what the other does to
 * this one (it is implemented by the plan). `itemId` and `title` are there only when the
 * viewer may read the other record: a hidden record is never named.
 */
export const LegalLink = Type.Object(
  {
    type: Type.Enum(LEGAL_RELATIONS),
    direction: Type.Enum(['forward', 'inverse']),
    itemId: Type.Optional(Id),
    documentNumber: Type.Optional(Type.String({ maxLength: 100 })),
    title: Type.Optional(Multilingual),
  },
  { additionalProperties: false },
);
export type LegalLink = Static<typeof LegalLink>;

/**
 * Why a library record was refused beyond its schema (ingest's libraryProblems and the
 * check that referenced records exist), stable so that a client can say it in its own
 * words beside the field: the API's error body lists them as `fields`.
 */
export const LIBRARY_PROBLEM_CODES = [
  'legal-missing',
  'identifier-shape',
  'identifier-checksum',
  'identifier-unassigned',
  'date-not-real',
  'in-force-before-issued',
  'relation-target-missing',
  'relation-self',
  'issue-self',
  'record-not-found',
] as const;
export type LibraryProblemCode = (typeof LIBRARY_PROBLEM_CODES)[number];
