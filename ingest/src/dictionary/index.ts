/**
 * The dictionary's script support: browse orders per script, romanisation keys and the
 * keys an entry is searched by. Pure functions, except loadHanRadicals (reads Unihan).
 * Then its exchange (issue 14): LIFT and sheets read and written (pure), and their import
 * into and export from the catalog (exchange/, which takes the archive).
 */
export * from './script/index.ts';
// Finding words (issue 14): the archive's search narrowed to entries the viewer may read.
export { searchDictionary, type DictionarySearchDeps } from './search/search.ts';
export { canHear, firstRecording } from './search/recording-view.ts';
export { readLift } from './lift/read.ts';
export { writeLift, LIFT_VERSION } from './lift/write.ts';
export { formRole } from './lift/writing-systems.ts';
export { guidOf, idFromLift, type ExchangeEntry, type ExchangeRecording, type ReadEntry } from './exchange/entry.ts';
export { entriesCsv, entriesXlsx, readEntrySheet } from './sheet/files.ts';
export type { SheetEntry } from './sheet/rows.ts';
export * from './exchange/index.ts';
export { mayHear, recordingsFor, toEntrySummary, toRecordingView } from './summary.ts';
export { entrySummaries, isEntry, readableEntries, type DictionaryDeps } from './entries.ts';
export { browseDictionary, decodeCursor, encodeCursor, ensureBrowseOrder } from './browse.ts';
export { browseRows, latinSection, ORDER_COMPARE } from './browse-orders.ts';
export { findIn, suggestWordLinks, type LinkSubject } from './link-suggestions.ts';
