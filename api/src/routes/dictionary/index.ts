import type { RoutePlugin } from '../context.ts';
import { dictionarySearchRoutes } from './search.ts';

/** The dictionary's routes (issue 14), one file each, all under /dictionary: add a line per file. */
const DICTIONARY_ROUTES: readonly RoutePlugin[] = [dictionarySearchRoutes];

export const dictionaryRoutes: RoutePlugin = (app, { archive, config }, done) => {
  // Not the options as received: their prefix is this folder's, applied once already.
  for (const routes of DICTIONARY_ROUTES) app.register(routes, { archive, config });
  done();
};
