/**
 * A MARC 21 record as plain data: the leader and the fields in order. The crosswalks
 * build and read this shape; natlibfi.ts turns it into @natlibfi/marc-record's class
 * for serializing, so no other file depends on that library.
 */

export interface MarcSubfield {
  code: string;
  value: string;
}

/** 001–009: one value, no indicators. */
export interface MarcControlField {
  tag: string;
  value: string;
}

export interface MarcDataField {
  tag: string;
  ind1: string;
  ind2: string;
  subfields: MarcSubfield[];
}

export type MarcField = MarcControlField | MarcDataField;

export interface MarcRecord {
  leader: string;
  fields: MarcField[];
}

export const MARCXML_NAMESPACE = 'http://www.loc.gov/MARC21/slim';

export function isDataField(field: MarcField): field is MarcDataField {
  return 'subfields' in field;
}

export function isControlField(field: MarcField): field is MarcControlField {
  return !('subfields' in field);
}

/** The data fields with one of the tags, in record order. */
export function dataFields(record: MarcRecord, ...tags: string[]): MarcDataField[] {
  return record.fields.filter((field): field is MarcDataField => isDataField(field) && tags.includes(field.tag));
}

export function controlField(record: MarcRecord, tag: string): string | undefined {
  const field = record.fields.find((candidate) => isControlField(candidate) && candidate.tag === tag);
  return field && isControlField(field) ? field.value : undefined;
}

/** Values of the subfields with these codes, in field order. */
export function subfieldValues(field: MarcDataField, ...codes: string[]): string[] {
  return field.subfields.filter((subfield) => codes.includes(subfield.code)).map((subfield) => subfield.value);
}

export function firstSubfield(field: MarcDataField, code: string): string | undefined {
  return field.subfields.find((subfield) => subfield.code === code)?.value;
}
