import type { RoutePlugin } from '../context.ts';
import { browseRoutes } from './browse.ts';
import { entryRoutes } from './entries.ts';
import { dictionarySearchRoutes } from './search.ts';
import { wordListRoutes } from './word-lists.ts';

/**
 * The dictionary's public reads under /api/dictionary (issue 14): search, entries, browse
 * orders, word lists and the word of the day, one file each. A record's words
 * (/api/items/{id}/words, record-words.ts) and the workspace's link suggestions
 * (word-links.ts) are registered at their own prefixes.
 */
export const dictionaryRoutes: RoutePlugin = (app, { archive, config }, done) => {
  // Not the options themselves: they carry this plugin's prefix, which the children would add again.
  const options = { archive, config };
  app.register(dictionarySearchRoutes, options);
  app.register(entryRoutes, options);
  app.register(browseRoutes, options);
  app.register(wordListRoutes, options);
  done();
};
