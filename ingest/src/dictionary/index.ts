/**
 * The dictionary's script support: browse orders per script, romanisation keys and the
 * keys an entry is searched by. Pure functions, except loadHanRadicals (reads Unihan).
 */
export * from './script/index.ts';
export { mayHear, recordingsFor, toEntrySummary, toRecordingView } from './summary.ts';
export { entrySummaries, isEntry, readableEntries, type DictionaryDeps } from './entries.ts';
export { browseDictionary, decodeCursor, encodeCursor, ensureBrowseOrder } from './browse.ts';
export { browseRows, latinSection, ORDER_COMPARE } from './browse-orders.ts';
export { findIn, suggestWordLinks, type LinkSubject } from './link-suggestions.ts';
