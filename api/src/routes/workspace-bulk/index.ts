import type { RoutePlugin } from '../context.ts';
import { collectionEditRoutes } from './collections.ts';
import { exportRoutes } from './export.ts';
import { sheetRoutes } from './sheets.ts';

/**
 * The workspace's bulk work and collections, under /workspace beside the records' routes:
 * sheets (preview, import), exports (CSV, XLSX), collections and places.
 */
export const workspaceBulkRoutes: RoutePlugin = (app, { archive, config }, done) => {
  // Only these: the options this plugin got also hold its own prefix, which must not be added twice.
  const options = { archive, config };
  app.register(sheetRoutes, { ...options, prefix: '/sheets' });
  app.register(exportRoutes, options);
  app.register(collectionEditRoutes, options);
  done();
};
