import type { Item, RecordFormat } from '@disan/schemas';
import { bibtex, cslJson, ris, toCsl } from './citations.ts';
import { iso2709, marcXmlCollection, toMarcRecord } from './marc/index.ts';
import { DC_NS, OAI_DC, writeDcElements, xmlDocument, type RecordContext } from './oai/index.ts';

/**
 * The forms a record, a collection or a search is downloaded in (issue 13): the reference
 * managers' (BibTeX, RIS, CSL-JSON) and the libraries' (Dublin Core XML, MARCXML, ISO 2709).
 * Every form is made by the one crosswalk of its family (toCsl, toDublinCore, toMarcRecord),
 * so a download never disagrees with OAI-PMH or SRU. The lists of forms are in @disan/schemas (RECORD_FORMATS, EXPORT_FORMATS).
 */


/** Each form's media type (text ones in UTF-8) and file extension. */
export const RECORD_FORMAT_FILES: Record<RecordFormat, { type: string; extension: string }> = {
  bibtex: { type: 'application/x-bibtex; charset=utf-8', extension: 'bib' },
  ris: { type: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' },
  'csl-json': { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json' },
  'dc-xml': { type: 'application/xml; charset=utf-8', extension: 'xml' },
  marcxml: { type: 'application/marcxml+xml; charset=utf-8', extension: 'marcxml.xml' },
  // ISO 2709 is bytes (its directory counts them); the records' text is UTF-8, leader/09 = a.
  marc: { type: 'application/marc', extension: 'mrc' },
};

/** The records in one form, with their context (the page address of each, the file types the viewer may fetch). */
export function writeRecords(format: RecordFormat, records: readonly { item: Item; context: RecordContext }[]): string | Buffer {
  switch (format) {
    case 'bibtex':
      return bibtex(records.map(({ item, context }) => toCsl(item, context)));
    case 'ris':
      return ris(records.map(({ item, context }) => toCsl(item, context)));
    case 'csl-json':
      return cslJson(records.map(({ item, context }) => toCsl(item, context)));
    case 'dc-xml':
      if (records.length !== 1) throw new Error(`Dublin Core XML holds one record; ${records.length} were given`);
      return dublinCoreXml(records[0]!.item, records[0]!.context);
    case 'marcxml':
      return marcXmlCollection(records.map(({ item, context }) => toMarcRecord(item, marcContext(context))));
    case 'marc':
      return iso2709(records.map(({ item, context }) => toMarcRecord(item, marcContext(context))));
  }
}

const marcContext = (context: RecordContext) => (context.recordUrl === undefined ? {} : { recordUrl: context.recordUrl });

/** One record as an `oai_dc:dc` document (the root oai_dc.xsd declares, OAI-PMH's own crosswalk), valid against that schema. */
export function dublinCoreXml(item: Item, context: RecordContext): string {
  const { doc, root } = xmlDocument(OAI_DC.namespace, 'oai_dc:dc', `${OAI_DC.namespace} ${OAI_DC.schema}`);
  root.att('xmlns:dc', DC_NS);
  writeDcElements(root, item, context);
  return doc.end({ prettyPrint: true });
}
