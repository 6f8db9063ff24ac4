import { XmlWriter } from '../oai/xml.ts';
import { iso2709Bytes } from './natlibfi.ts';
import { isDataField, MARCXML_NAMESPACE, type MarcRecord } from './record.ts';

/**
 * A `<record xmlns="http://www.loc.gov/MARC21/slim">` element, without XML declaration,
 * ready to sit inside an OAI-PMH `<metadata>` or an SRU `<recordData>`. Written here
 * rather than by @natlibfi/marc-record-serializers (which reads MARCXML in natlibfi.ts):
 * its writer throws on a character XML 1.0 forbids, so one record with a U+0001 in its
 * title failed a whole ListRecords page, and it builds an object tree per record.
 * Values are escaped and such characters dropped, as oai_dc does (escapeXml).
 */
export function writeMarcXmlRecord(out: XmlWriter, record: MarcRecord): void {
  out.start('record', { xmlns: MARCXML_NAMESPACE }).element('leader', record.leader);
  for (const field of record.fields) {
    if (!isDataField(field)) {
      out.element('controlfield', field.value, { tag: field.tag });
      continue;
    }
    out.start('datafield', { tag: field.tag, ind1: field.ind1, ind2: field.ind2 });
    for (const subfield of field.subfields) out.element('subfield', subfield.value, { code: subfield.code });
    out.end();
  }
  out.end();
}

/** writeMarcXmlRecord's element as text. */
export function marcXmlRecord(record: MarcRecord): string {
  const out = new XmlWriter({ declaration: false, capacity: 4096 });
  writeMarcXmlRecord(out, record);
  return out.toString();
}

/** A whole MARCXML document: declaration and `<collection>` around the records. */
export function marcXmlCollection(records: Iterable<MarcRecord>): string {
  const parts = [`<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="${MARCXML_NAMESPACE}">`];
  for (const record of records) parts.push(marcXmlRecord(record));
  parts.push('</collection>\n');
  return parts.join('\n');
}

/** ISO 2709 exchange records, UTF-8, one after another (each ends with its 0x1D terminator). */
export function iso2709(records: Iterable<MarcRecord>): Buffer {
  const parts: Buffer[] = [];
  for (const record of records) parts.push(iso2709Bytes(record));
  return Buffer.concat(parts);
}
