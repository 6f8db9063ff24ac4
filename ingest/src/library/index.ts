/**
 * The e-library (issue 13): crosswalks between the catalog's records and the library
 * world's formats (Dublin Core, MARC 21, citations) and the exchange protocols built
 * on them. The API and the command line import this file, never the ones beside it.
 */
export { DC_ELEMENTS, toDublinCore, type DcElement, type DcValue, type DublinCoreContext } from './dublin-core.ts';
export * from './marc/index.ts';
export {
  createHarvestRepository,
  createOaiProvider,
  datestamp,
  DC_NS,
  MARC21,
  marcXml,
  OAI_DC,
  parseOaiDate,
  textElement,
  TOKEN_LIFETIME_MS,
  writeDcElements,
  XML_NS,
  xmlDocument,
  xmlText,
  XSI_NS,
  type HarvestQuery,
  type HarvestRepository,
  type HarvestRow,
  type MetadataFormat,
  type OaiProvider,
  type OaiProviderDeps,
  type OaiRequest,
  type RecordContext,
  type XMLBuilder,
} from './oai/index.ts';

// The OAI-PMH harvester (branch harvest): client, crosswalks, runs, sources and their schedule.
export * from './harvest/index.ts';
export { identifierIssue, identifierProblem, type IdentifierIssue } from './identifiers.ts';
export { isRealDay, libraryProblems, libraryReferences, type LibraryProblem } from './validate.ts';
export { identifierKey, queryIdentifierKeys } from '../analyzer/index.ts';
export { bibtex, CITATION_STYLE_LABELS, cslJson, cslLocale, formattedReference, formattedReferences, parseCitations, ris, toCsl, type CitationContext, type CslItem, type CslName, type FormattedReference } from './citations.ts';
export { createReferenceFormatter, type ReferenceFormatter } from './references.ts';
export { dublinCoreXml, RECORD_FORMAT_FILES, writeRecords } from './record-formats.ts';
// SRU (branch sru): explain and searchRetrieve with CQL over the public's search.
export * from './sru/index.ts';
