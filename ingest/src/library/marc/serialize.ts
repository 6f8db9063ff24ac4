import { iso2709Bytes, marcXmlElement } from './natlibfi.ts';
import { MARCXML_NAMESPACE, type MarcRecord } from './record.ts';

/**
 * A `<record xmlns="http://www.loc.gov/MARC21/slim">` element, without XML declaration,
 * ready to sit inside an OAI-PMH `<metadata>` or an SRU `<recordData>`.
 */
export function marcXmlRecord(record: MarcRecord): string {
  return marcXmlElement(record);
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
