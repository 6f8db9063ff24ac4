import { MarcRecord as NatlibfiRecord, type NatlibfiField } from '@natlibfi/marc-record';
import { ISO2709, MARCXML } from '@natlibfi/marc-record-serializers';
import { isDataField, type MarcField, type MarcRecord } from './record.ts';

/**
 * The one adapter for @natlibfi/marc-record and its serializers: ISO 2709 in both
 * directions, and MARCXML read (serialize.ts writes MARCXML as text). Records from
 * other libraries are read leniently (an empty subfield or a record without data
 * fields is still a record); what the crosswalk cannot use it ignores.
 */

const LENIENT = { fields: false, subfields: false, subfieldValues: false, controlFieldValues: false } as const;

function toNatlibfi(record: MarcRecord): NatlibfiRecord {
  return new NatlibfiRecord({ leader: record.leader, fields: record.fields.map((field) => ({ ...field })) }, LENIENT);
}

function fromNatlibfi(record: NatlibfiRecord): MarcRecord {
  return { leader: record.leader, fields: record.fields.map(plainField) };
}

function plainField(field: NatlibfiField): MarcField {
  if (field.subfields) {
    return {
      tag: field.tag,
      ind1: field.ind1 ?? ' ',
      ind2: field.ind2 ?? ' ',
      subfields: field.subfields.map((subfield) => ({ code: subfield.code, value: subfield.value ?? '' })),
    };
  }
  return { tag: field.tag, value: field.value ?? '' };
}

/** One record in ISO 2709, as UTF-8 bytes (the serializer counts lengths in UTF-8 bytes). */
export function iso2709Bytes(record: MarcRecord): Buffer {
  assertAsciiControlFields(record);
  return Buffer.from(ISO2709.to(toNatlibfi(record)), 'utf8');
}

/** One ISO 2709 record (without its 0x1D terminator) already decoded from UTF-8. */
export function parseIso2709(text: string): MarcRecord {
  return fromNatlibfi(ISO2709.from(text, LENIENT));
}

/** One `<record>` element (any prefix) as MARCXML text. */
export async function parseMarcXmlElement(xml: string): Promise<MarcRecord> {
  return fromNatlibfi(await MARCXML.from(xml, LENIENT));
}

// The serializer measures control fields in UTF-16 units, not bytes: a non-ASCII control
// field would get a wrong directory length, so it is refused rather than written broken.
function assertAsciiControlFields(record: MarcRecord): void {
  for (const field of record.fields) {
    if (!isDataField(field) && /[^\x20-\x7e]/.test(field.value)) {
      throw new Error(`MARC control field ${field.tag} holds non-ASCII characters, which ISO 2709 cannot carry here`);
    }
  }
}
