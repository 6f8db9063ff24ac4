import type { Item } from '@disan/schemas';
import { create } from 'xmlbuilder2';
import { toDublinCore } from '../dublin-core.ts';
import { marcXmlRecord, MARCXML_NAMESPACE, toMarcRecord } from '../marc/index.ts';
import { element, startTag, XML_NS, XSI_NS, xmlText, type XMLBuilder } from './xml.ts';

/** What a metadata format needs beyond the record: its page's address and the media types the public may fetch. */
export interface RecordContext {
  recordUrl?: string;
  formats?: readonly string[];
}

/** A metadata format OAI-PMH and SRU can disseminate: its prefix, schema, namespace and writer. */
export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
  /**
   * The record's metadata element as XML text, escaped, declaring every namespace it
   * uses (so it stands alone in an OAI-PMH `<metadata>` or an SRU `<recordData>`).
   */
  text(item: Item, context: RecordContext): string;
}

export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
const OAI_DC_START = startTag('oai_dc:dc', { 'xmlns:oai_dc': OAI_DC_NS, 'xmlns:dc': DC_NS, 'xmlns:xsi': XSI_NS, 'xsi:schemaLocation': `${OAI_DC_NS} ${OAI_DC_SCHEMA}` });

/** oai_dc: the Dublin Core crosswalk (toDublinCore) in OAI-PMH's container. */
export const OAI_DC: MetadataFormat = {
  prefix: 'oai_dc',
  schema: OAI_DC_SCHEMA,
  namespace: OAI_DC_NS,
  text: (item, context) => `${OAI_DC_START}${dcElementsText(item, context)}</oai_dc:dc>`,
};

/** The fifteen elements as dc:* elements (text), in the parent's dc namespace. */
export function dcElementsText(item: Item, context: RecordContext): string {
  let out = '';
  for (const value of toDublinCore(item, context)) out += element(`dc:${value.element}`, value.value, { 'xml:lang': value.lang });
  return out;
}

/** The fifteen elements as dc:* children of `parent` (SRU's srw_dc in sru/, the DC XML export). */
export function writeDcElements(parent: XMLBuilder, item: Item, context: RecordContext): void {
  for (const value of toDublinCore(item, context)) {
    const dc = parent.ele(DC_NS, `dc:${value.element}`);
    if (value.lang) dc.att(XML_NS, 'xml:lang', value.lang);
    dc.txt(xmlText(value.value));
  }
}

/** marc21: MARCXML (MARC21slim), from the MARC crosswalk (toMarcRecord, 856 $u the record's page, never its files). */
export const MARC21: MetadataFormat = {
  prefix: 'marc21',
  schema: 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd',
  namespace: MARCXML_NAMESPACE,
  text: (item, context) => marcXml(item, context),
};

/** The record as a MARCXML `<record>` element (text), for OAI-PMH and SRU alike. */
export function marcXml(item: Item, context: RecordContext): string {
  return marcXmlRecord(toMarcRecord(item, context.recordUrl === undefined ? {} : { recordUrl: context.recordUrl }));
}

/** A format's text as a node of an xmlbuilder2 tree (SRU builds its answers as trees). */
export function importFormat(parent: XMLBuilder, format: MetadataFormat, item: Item, context: RecordContext): void {
  parent.import(create(format.text(item, context)).root());
}
