/** MARC 21: the crosswalk between items and MARC records, and reading and writing MARC files. */
export { toMarcRecord, type MarcContext } from './to-marc.ts';
export { fromMarc, MarcRecordError, type FromMarcOptions } from './from-marc.ts';
export { marcXmlRecord, marcXmlCollection, iso2709, writeMarcXmlRecord } from './serialize.ts';
export { readMarcFile, MarcFileError, type MarcFile, type MarcFileEntry } from './read.ts';
export { MARCXML_NAMESPACE, type MarcRecord, type MarcField, type MarcDataField, type MarcControlField, type MarcSubfield } from './record.ts';
export { importMarcFile, MARC_IMPORT_NOTE, type MarcImportDeps, type MarcImportOptions } from './import.ts';
