import { XMLParser } from 'fast-xml-parser';

/**
 * Reading OAI-PMH 2.0 responses with fast-xml-parser. Namespace prefixes are dropped
 * (`oai_dc:dc`, `dc:title`, `marc:record` and the default namespace all read the same),
 * and the elements that may repeat are always arrays, so one record or one title reads
 * like many. Only what a harvester acts on is kept: headers, metadata trees, the
 * resumption token, Identify's granularity and the protocol's errors.
 */

/** One parsed XML element: attributes under `@_name`, text under `#text`, children by name. */
export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export interface OaiHeader {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  setSpecs: string[];
}

export interface OaiRecord {
  header: OaiHeader;
  /** The metadata element's single child (oai_dc's `dc`, MARCXML's `record`); absent for a deleted record. */
  metadata?: { name: string; node: XmlNode };
}

export interface ResumptionToken {
  /** Empty on the last page of a list. */
  value: string;
  completeListSize?: number;
  cursor?: number;
  expirationDate?: string;
}

export interface OaiProtocolError {
  code: string;
  message: string;
}

export interface OaiResponse {
  responseDate: string;
  verb: string | undefined;
  errors: OaiProtocolError[];
  records: OaiRecord[];
  headers: OaiHeader[];
  resumptionToken: ResumptionToken | undefined;
  identify: { repositoryName: string; granularity: string; earliestDatestamp: string; deletedRecord: string } | undefined;
}

/** Elements that repeat in OAI-PMH and in the payloads we read (DC elements, MARC fields). */
const REPEATED = new Set(['record', 'header', 'setSpec', 'error', 'controlfield', 'datafield', 'subfield', 'title', 'creator', 'subject', 'description', 'publisher', 'contributor', 'date', 'type', 'format', 'identifier', 'source', 'language', 'relation', 'coverage', 'rights', 'description']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Kept as sent: MARC's leader and control fields are read by position, spaces included. textOf trims the rest.
  trimValues: false,
  // A `record` inside ListRecords and MARCXML's `record` both repeat; a DC `identifier` in metadata and the header's are read apart by path.
  isArray: (name, jpath) => REPEATED.has(name) && !String(jpath).endsWith('header.identifier') && !String(jpath).endsWith('header.datestamp'),
  processEntities: true,
  htmlEntities: false,
});

export class OaiXmlError extends Error {}

const ROOT_CLOSED = /<\/(?:[\w.-]+:)?OAI-PMH>\s*(?:<!--[\s\S]*?-->\s*)*$/;

/** Parses one response; OaiXmlError when it is not an OAI-PMH document at all. */
export function parseOaiResponse(xml: string): OaiResponse {
  let tree: XmlNode;
  try {
    tree = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new OaiXmlError(`the answer is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const root = asNode(tree['OAI-PMH']);
  if (!root) throw new OaiXmlError('the answer is XML but not an OAI-PMH response (no OAI-PMH root element)');
  // The parser reads an answer cut off mid-way without complaint (its validator is deprecated):
  // a page that does not end its root element must not pass for a short page.
  if (!ROOT_CLOSED.test(xml)) throw new OaiXmlError('the answer is not well-formed XML: it ends before </OAI-PMH> (cut off?)');
  const request = asNode(root.request);
  const verbNode = firstNode(root, ['Identify', 'ListRecords', 'ListIdentifiers', 'GetRecord', 'ListSets', 'ListMetadataFormats']);
  const errors = asArray(root.error).map((error) => ({ code: attribute(error, 'code') ?? 'unknown', message: textOf(error) }));
  const body = verbNode?.node;
  const recordNodes = body ? asArray(body.record) : [];
  return {
    responseDate: textOf(root.responseDate),
    verb: request ? attribute(request, 'verb') : verbNode?.name,
    errors,
    records: recordNodes.map(toRecord).filter((record): record is OaiRecord => record !== undefined),
    headers: verbNode?.name === 'ListIdentifiers' && body ? asArray(body.header).map(toHeader).filter((header): header is OaiHeader => header !== undefined) : [],
    resumptionToken: body ? toToken(body.resumptionToken) : undefined,
    identify: verbNode?.name === 'Identify' && body ? {
      repositoryName: textOf(body.repositoryName),
      granularity: textOf(body.granularity),
      earliestDatestamp: textOf(body.earliestDatestamp),
      deletedRecord: textOf(body.deletedRecord),
    } : undefined,
  };
}

function toRecord(value: XmlValue): OaiRecord | undefined {
  const node = asNode(value);
  const header = node ? toHeader(asArray(node.header)[0]) : undefined;
  if (!node || !header) return undefined;
  const metadata = asNode(node.metadata);
  const payloadName = metadata ? Object.keys(metadata).find((key) => !key.startsWith('@_') && key !== '#text') : undefined;
  const payload = payloadName && metadata ? asNode(asArray(metadata[payloadName])[0]) : undefined;
  return { header, ...(payloadName && payload ? { metadata: { name: payloadName, node: payload } } : {}) };
}

function toHeader(value: XmlValue | undefined): OaiHeader | undefined {
  const node = asNode(value);
  if (!node) return undefined;
  const identifier = textOf(node.identifier);
  if (identifier === '') return undefined;
  return {
    identifier,
    datestamp: textOf(node.datestamp),
    deleted: attribute(node, 'status') === 'deleted',
    setSpecs: asArray(node.setSpec).map(textOf).filter((spec) => spec !== ''),
  };
}

function toToken(value: XmlValue | undefined): ResumptionToken | undefined {
  if (value === undefined) return undefined;
  const node = asNode(value);
  const size = node ? Number(attribute(node, 'completeListSize')) : Number.NaN;
  const cursor = node ? Number(attribute(node, 'cursor')) : Number.NaN;
  const expirationDate = node ? attribute(node, 'expirationDate') : undefined;
  return {
    value: textOf(value),
    ...(Number.isFinite(size) ? { completeListSize: size } : {}),
    ...(Number.isFinite(cursor) ? { cursor } : {}),
    ...(expirationDate ? { expirationDate } : {}),
  };
}

function firstNode(root: XmlNode, names: readonly string[]): { name: string; node: XmlNode } | undefined {
  for (const name of names) {
    if (name in root) return { name, node: asNode(asArray(root[name])[0]) ?? {} };
  }
  return undefined;
}

export function asArray(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function asNode(value: XmlValue | undefined): XmlNode | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  return Array.isArray(value) ? asNode(value[0]) : value;
}

/** The text of an element, whether the parser gave a string (no attributes) or a node with `#text`. */
export function textOf(value: XmlValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return textOf(value[0]);
  const text = value['#text'];
  return typeof text === 'string' ? text.trim() : '';
}

export function attribute(value: XmlValue | undefined, name: string): string | undefined {
  const node = asNode(value);
  const attr = node?.[`@_${name}`];
  return typeof attr === 'string' ? attr : undefined;
}
