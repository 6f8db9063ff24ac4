/** Search: one engine interface (embedded by default, Meilisearch in production) and the service every door uses. */
export { createSearchEngine } from './create.ts';
export { EmbeddedSearchEngine, type EmbeddedOptions } from './embedded/engine.ts';
export type { EngineResult, SearchEngine, SearchScope } from './engine.ts';
export { MeilisearchEngine } from './meilisearch/engine.ts';
export { searchArchive, type SearchServiceDeps } from './service.ts';
export { coverOf } from '../indexing/search-document.ts';
