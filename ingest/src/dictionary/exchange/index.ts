/**
 * The dictionary in and out (issue 14, Exchange): LIFT with its audio, CSV and XLSX,
 * imported through the workspace engine and exported by the viewer's read rights.
 */
export { collectEntries, type OutgoingEntry } from './export.ts';
export { dictionaryDownload, formatOfName, readDictionaryPath, readUploadedDictionary, type DictionaryDownload, type IncomingDictionary } from './files.ts';
export { DICTIONARY_IMPORT_NOTE, importDictionary, type AudioSource, type DictionaryImportOptions } from './import.ts';
