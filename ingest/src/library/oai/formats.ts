import type { Item } from '@disan/schemas';
import { create } from 'xmlbuilder2';
import { toDublinCore } from '../dublin-core.ts';
import { MARCXML_NAMESPACE, toMarcRecord, writeMarcXmlRecord } from '../marc/index.ts';
import { XML_NS, XmlWriter, XSI_NS, xmlText, type XMLBuilder } from './xml.ts';

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
   * Writes the record's metadata element, declaring every namespace it uses (so it
   * stands alone in an OAI-PMH `<metadata>` or an SRU `<recordData>`); formatText gives it as text.
   */
  write(out: XmlWriter, item: Item, context: RecordContext): void;
}

export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
const OAI_DC_ATTRIBUTES = { 'xmlns:oai_dc': OAI_DC_NS, 'xmlns:dc': DC_NS, 'xmlns:xsi': XSI_NS, 'xsi:schemaLocation': `${OAI_DC_NS} ${OAI_DC_SCHEMA}` };

/** oai_dc: the Dublin Core crosswalk (toDublinCore) in OAI-PMH's container. */
export const OAI_DC: MetadataFormat = {
  prefix: 'oai_dc',
  schema: OAI_DC_SCHEMA,
  namespace: OAI_DC_NS,
  write(out, item, context) {
    out.start('oai_dc:dc', OAI_DC_ATTRIBUTES);
    for (const value of toDublinCore(item, context)) out.element(`dc:${value.element}`, value.value, { 'xml:lang': value.lang });
    out.end();
  },
};

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
  write(out, item, context) {
    writeMarcXmlRecord(out, toMarcRecord(item, context.recordUrl === undefined ? {} : { recordUrl: context.recordUrl }));
  },
};

/** The record's metadata element in a format, as text (no XML declaration). */
export function formatText(format: MetadataFormat, item: Item, context: RecordContext): string {
  const out = new XmlWriter({ declaration: false, capacity: 4096 });
  format.write(out, item, context);
  return out.toString();
}

/** The record as a MARCXML `<record>` element (text), for OAI-PMH and SRU alike. */
export const marcXml = (item: Item, context: RecordContext): string => formatText(MARC21, item, context);

/** A format's element as a node of an xmlbuilder2 tree (SRU builds its answers as trees). */
export function importFormat(parent: XMLBuilder, format: MetadataFormat, item: Item, context: RecordContext): void {
  parent.import(create(formatText(format, item, context)).root());
}
