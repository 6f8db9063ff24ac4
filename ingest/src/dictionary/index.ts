/**
 * The dictionary's script support: browse orders per script, romanisation keys and the
 * keys an entry is searched by. Pure functions, except loadHanRadicals (reads Unihan).
 */
export * from './script/index.ts';
