import type { Item } from '@disan/schemas';
import { create } from 'xmlbuilder2';
import { importFormat, MARC21, writeDcElements, type RecordContext } from '../oai/formats.ts';
import { DC_NS } from '../oai/formats.ts';
import { XSI_NS, type XMLBuilder } from '../oai/xml.ts';

/** A record schema SRU answers in: its short name, its URI, the names clients also use, and its writer. */
export interface RecordSchema {
  name: string;
  uri: string;
  title: string;
  /** Other values of recordSchema that mean it (case-insensitive). */
  aliases: readonly string[];
  write(parent: XMLBuilder, item: Item, context: RecordContext): void;
}

export const SRW_DC_NS = 'info:srw/schema/1/dc-schema';

/** info:srw/schema/1/dc-v1.1: the Dublin Core crosswalk (toDublinCore) in SRU's srw_dc container. */
const DUBLIN_CORE: RecordSchema = {
  name: 'dc',
  uri: 'info:srw/schema/1/dc-v1.1',
  title: 'Dublin Core',
  aliases: ['dc', 'info:srw/schema/1/dc-v1.1', 'info:srw/schema/1/dc-schema', 'http://purl.org/dc/elements/1.1/'],
  write(parent, item, context) {
    const dc = parent
      .ele(SRW_DC_NS, 'srw_dc:dc')
      .att('xmlns:dc', DC_NS)
      .att(XSI_NS, 'xsi:schemaLocation', `${SRW_DC_NS} http://www.loc.gov/standards/sru/recordSchemas/dc-schema.xsd`);
    writeDcElements(dc, item, context);
  },
};

/** info:srw/schema/1/marcxml-v1.1: MARCXML from the MARC crosswalk, as OAI-PMH's marc21. */
const MARCXML: RecordSchema = {
  name: 'marcxml',
  uri: 'info:srw/schema/1/marcxml-v1.1',
  title: 'MARCXML',
  aliases: ['marcxml', 'marc21', 'marc', 'info:srw/schema/1/marcxml-v1.1', 'http://www.loc.gov/marc21/slim'],
  write: (parent, item, context) => { importFormat(parent, MARC21, item, context); },
};

/** The schemas, the default (dc) first. */
export const RECORD_SCHEMAS: readonly RecordSchema[] = [DUBLIN_CORE, MARCXML];

export const recordSchemaNamed = (value: string): RecordSchema | undefined => RECORD_SCHEMAS.find((schema) => schema.aliases.includes(value.toLowerCase()));

/** The record as text, for recordPacking=string: the XML a client unpacks itself. */
export function recordAsString(schema: RecordSchema, item: Item, context: RecordContext): string {
  const doc = create();
  schema.write(doc, item, context);
  return doc.end({ headless: true, prettyPrint: false });
}
