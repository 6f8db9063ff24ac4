import type { Config } from '../config.ts';
import { EmbeddedSearchEngine } from './embedded/engine.ts';
import type { SearchEngine } from './engine.ts';
import { MeilisearchEngine } from './meilisearch/engine.ts';

/**
 * The search adapter for the configured driver. Meilisearch settings are applied on
 * first use, so creating the engine never touches the network.
 * @example createSearchEngine({ driver: 'embedded', file: ':memory:' }).name === 'embedded'
 */
export function createSearchEngine(config: Config['search']): SearchEngine {
  switch (config.driver) {
    case 'embedded':
      return new EmbeddedSearchEngine(config.file);
    case 'meilisearch':
      return new MeilisearchEngine(config);
  }
}
