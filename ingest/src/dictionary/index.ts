/**
 * The dictionary's script support: browse orders per script, romanisation keys and the
 * keys an entry is searched by. Pure functions, except loadHanRadicals (reads Unihan).
 */
export * from './script/index.ts';
// Finding words (issue 14): the archive's search narrowed to entries the viewer may read.
export { searchDictionary, type DictionarySearchDeps } from './search/search.ts';
export { toEntrySummary } from './search/entry-summary.ts';
export { canHear, firstRecording, toRecordingView } from './search/recording-view.ts';
