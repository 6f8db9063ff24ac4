import { browseRoutes } from './browse/index.ts';
import { collectionRoutes } from './collections/index.ts';
import type { RoutePlugin } from './context.ts';
import { healthRoutes } from './health/index.ts';
import { itemRoutes } from './items/index.ts';
import { jobRoutes } from './jobs/index.ts';
import { mediaRoutes } from './media/index.ts';
import { mediaTextRoutes } from './media/text.ts';
import { searchRoutes } from './search/index.ts';

/** Each folder is its URL prefix under /api. */
export const routes: RoutePlugin = (app, { archive, config }, done) => {
  const options = { archive, config };
  app.register(itemRoutes, { ...options, prefix: '/items' });
  app.register(collectionRoutes, { ...options, prefix: '/collections' });
  app.register(browseRoutes, options);
  app.register(searchRoutes, { ...options, prefix: '/search' });
  app.register(mediaRoutes, { ...options, prefix: '/media' });
  app.register(mediaTextRoutes, { ...options, prefix: '/media' });
  app.register(jobRoutes, { ...options, prefix: '/jobs' });
  app.register(healthRoutes, options);
  done();
};
