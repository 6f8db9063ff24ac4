import { fromMarc, MarcRecordError } from '../marc/from-marc.ts';
import type { MarcField, MarcRecord } from '../marc/record.ts';
import type { HarvestedFields } from './from-oai-dc.ts';
import { asArray, attribute, type XmlNode, type XmlValue } from './oai-xml.ts';
import { HarvestRefusedError } from './records.ts';

/**
 * A MARCXML record (marc21, the `record` child of `<metadata>`) as a library record,
 * through the MARC import's crosswalk (`fromMarc`), so a record harvested and a record
 * imported from a file read the same. Leader and control fields keep their spaces:
 * MARC reads them by position.
 */
export function fromMarcXml(node: XmlNode, source: string): HarvestedFields {
  const record = toMarcRecord(node);
  try {
    const { id: _id, status: _status, access: _access, library, ...fields } = fromMarc(record, { source });
    // The harvester writes the OAI-PMH origin itself.
    const { origin: _origin, ...description } = library ?? {};
    return { ...fields, library: description };
  } catch (error) {
    if (error instanceof MarcRecordError) throw new HarvestRefusedError(`MARC: ${error.message}`, { cause: error });
    throw error;
  }
}

export function toMarcRecord(node: XmlNode): MarcRecord {
  const fields: MarcField[] = [
    ...asArray(node.controlfield).map((field) => ({ tag: attribute(field, 'tag') ?? '', value: rawText(field) })),
    ...asArray(node.datafield).map((field) => ({
      tag: attribute(field, 'tag') ?? '',
      ind1: attribute(field, 'ind1') ?? ' ',
      ind2: attribute(field, 'ind2') ?? ' ',
      subfields: asArray(typeof field === 'object' && !Array.isArray(field) ? field.subfield : undefined).map((subfield) => ({ code: attribute(subfield, 'code') ?? '', value: rawText(subfield).trim() })),
    })),
  ];
  const leader = rawText(asArray(node.leader)[0]);
  if (leader.length !== 24) throw new HarvestRefusedError(`MARC: the leader has ${leader.length} characters, not 24`);
  return { leader, fields };
}

function rawText(value: XmlValue | undefined): string {
  if (typeof value === 'string') return value;
  if (value === undefined || Array.isArray(value)) return '';
  const text = value['#text'];
  return typeof text === 'string' ? text : '';
}
