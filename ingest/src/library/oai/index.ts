/** OAI-PMH 2.0: the provider, its catalog reads, tokens and metadata formats. */
export { createOaiProvider, type OaiProvider, type OaiProviderDeps, type OaiRequest } from './provider.ts';
export { createHarvestRepository, type HarvestQuery, type HarvestRepository, type HarvestRow } from './repository.ts';
export { MARC21, marcXml, OAI_DC, DC_NS, formatText, importFormat, writeDcElements, type MetadataFormat, type RecordContext } from './formats.ts';
export { TOKEN_LIFETIME_MS } from './token.ts';
export { datestamp, parseOaiDate } from './dates.ts';
export { escapeXml, xmlDocument, xmlText, textElement, XmlWriter, XSI_NS, XML_NS, type XMLBuilder } from './xml.ts';
