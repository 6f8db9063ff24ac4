/**
 * The e-library (issue 13): crosswalks between the catalog's records and the library
 * world's formats (Dublin Core, MARC 21, citations) and the exchange protocols built
 * on them. The API and the command line import this file, never the ones beside it.
 */
export { DC_ELEMENTS, toDublinCore, type DcElement, type DcValue, type DublinCoreContext } from './dublin-core.ts';
export * from './marc/index.ts';
export { bibtex, CITATION_STYLES, cslJson, formattedReference, parseCitations, ris, toCsl, type CitationContext, type CitationStyle, type CslItem, type CslName } from './citations.ts';
