import type { Item } from '@disan/schemas';
import { create } from 'xmlbuilder2';
import { toDublinCore } from '../dublin-core.ts';
import { marcXmlRecord, MARCXML_NAMESPACE, toMarcRecord } from '../marc/index.ts';
import { XML_NS, XSI_NS, xmlText, type XMLBuilder } from './xml.ts';

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
  /** Writes the record's metadata element under `parent`. */
  write(parent: XMLBuilder, item: Item, context: RecordContext): void;
}

export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';

/** oai_dc: the Dublin Core crosswalk (toDublinCore) in OAI-PMH's container. */
export const OAI_DC: MetadataFormat = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: OAI_DC_NS,
  write(parent, item, context) {
    const dc = parent
      .ele(OAI_DC_NS, 'oai_dc:dc')
      .att('xmlns:dc', DC_NS)
      .att(XSI_NS, 'xsi:schemaLocation', `${OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`);
    writeDcElements(dc, item, context);
  },
};

/** The fifteen elements as dc:* children of `parent` (oai_dc here, SRU's srw_dc in sru/). */
export function writeDcElements(parent: XMLBuilder, item: Item, context: RecordContext): void {
  for (const value of toDublinCore(item, context)) {
    const element = parent.ele(DC_NS, `dc:${value.element}`);
    if (value.lang) element.att(XML_NS, 'xml:lang', value.lang);
    element.txt(xmlText(value.value));
  }
}

/**
 * marc21: MARCXML (MARC21slim), from the MARC crosswalk (toMarcRecord, 856 $u the record's
 * page, never its files). The writer gives the element as text; it is parsed once more to sit in the tree.
 */
export const MARC21: MetadataFormat = {
  prefix: 'marc21',
  schema: 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd',
  namespace: MARCXML_NAMESPACE,
  write(parent, item, context) {
    parent.import(create(marcXml(item, context)).root());
  },
};

/** The record as a MARCXML `<record>` element (text), for OAI-PMH and SRU alike. */
export function marcXml(item: Item, context: RecordContext): string {
  return marcXmlRecord(toMarcRecord(item, context.recordUrl === undefined ? {} : { recordUrl: context.recordUrl }));
}
