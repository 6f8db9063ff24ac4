import { backupRoutes } from './backup/index.ts';
import { browseRoutes } from './browse/index.ts';
import { collectionRoutes } from './collections/index.ts';
import type { RoutePlugin } from './context.ts';
import { healthRoutes } from './health/index.ts';
import { itemRoutes } from './items/index.ts';
import { jobRoutes } from './jobs/index.ts';
import { mediaRoutes } from './media/index.ts';
import { mediaTextRoutes } from './media/text.ts';
import { searchRoutes } from './search/index.ts';

/**
 * Every route under /api, with its prefix set here: items, collections, search, media
 * (files in media/index.ts, words in media/text.ts) and jobs sit under their folder's
 * name; browse (/places, /ethnic-groups) and health (/health, /ready) serve
 * top-level paths of their own.
 */
export const routes: RoutePlugin = (app, { archive, config }, done) => {
  const options = { archive, config };
  app.register(itemRoutes, { ...options, prefix: '/items' });
  app.register(collectionRoutes, { ...options, prefix: '/collections' });
  app.register(browseRoutes, options);
  app.register(searchRoutes, { ...options, prefix: '/search' });
  app.register(mediaRoutes, { ...options, prefix: '/media' });
  app.register(mediaTextRoutes, { ...options, prefix: '/media' });
  app.register(jobRoutes, { ...options, prefix: '/jobs' });
  app.register(backupRoutes, { ...options, prefix: '/backup' });
  app.register(healthRoutes, options);
  done();
};
