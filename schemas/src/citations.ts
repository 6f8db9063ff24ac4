import { Type, type Static } from 'typebox';
import { InterfaceLanguage } from './accounts.ts';
import { SearchParams } from './api.ts';

/**
 * Citations and exports (issue 13): the formats a record, a collection or a search is
 * downloaded in, and the formatted references of a record in the reference styles offered.
 */

/** The reference styles: APA, Chicago (author-date), Vancouver and Harvard, through CSL. */
export const CITATION_STYLES = ['apa', 'chicago', 'vancouver', 'harvard1'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** One record's download forms: reference managers' (BibTeX, RIS, CSL-JSON) and libraries' (Dublin Core XML, MARCXML, ISO 2709 MARC). */
export const RECORD_FORMATS = ['bibtex', 'ris', 'csl-json', 'dc-xml', 'marcxml', 'marc'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** The forms that hold many records in one file (a search's hits, a collection's records). */
export const EXPORT_FORMATS = ['ris', 'bibtex', 'csl-json', 'marcxml', 'marc'] as const satisfies readonly RecordFormat[];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /api/items/:id/cite?format=` */
export const CiteQuery = Type.Object({ format: Type.Enum(RECORD_FORMATS, { description: 'The download form' }) }, { additionalProperties: false });
export type CiteQuery = Static<typeof CiteQuery>;

/** `GET /api/items/:id/citations?lang=` */
export const CitationsQuery = Type.Object(
  { lang: Type.Optional({ ...InterfaceLanguage, description: "The reader's language: the CSL locale of the references' terms (en by default)" }) },
  { additionalProperties: false },
);
export type CitationsQuery = Static<typeof CitationsQuery>;

export const FormattedCitation = Type.Object(
  {
    style: Type.Enum(CITATION_STYLES),
    /** The style's display name, e.g. "APA 7", "Chicago (author-date)". */
    label: Type.String(),
    /** The reference as plain text. */
    text: Type.String(),
    /** The reference as citeproc's HTML (a `csl-bib-body` div; the values are escaped by it). */
    html: Type.String(),
  },
  { additionalProperties: false },
);
export type FormattedCitation = Static<typeof FormattedCitation>;

export const CitationList = Type.Object({ styles: Type.Array(FormattedCitation) }, { additionalProperties: false });
export type CitationList = Static<typeof CitationList>;

const exportFormat = Type.Enum(EXPORT_FORMATS, { description: 'The download form' });

/** `GET /api/search/export`: the search's own parameters (paging and facets are ignored: the export starts at the first hit) and the form. */
export const SearchExportParams = Type.Object({ ...SearchParams.properties, format: exportFormat }, { additionalProperties: false });
export type SearchExportParams = Static<typeof SearchExportParams>;

/** `GET /api/collections/:id/export?format=` */
export const ExportFormatQuery = Type.Object({ format: exportFormat }, { additionalProperties: false });
export type ExportFormatQuery = Static<typeof ExportFormatQuery>;
