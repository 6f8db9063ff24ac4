import { MyWork } from '@disan/schemas';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { mediaRetryRoutes, recordMediaRoutes } from './media.ts';
import { recordRoutes } from './records.ts';

/**
 * `/api/workspace`: the archivists' workspace (issue 12), staff only. Records (records.ts),
 * their files (media.ts) and "my work". Answers are never cached (private, no-store), and
 * a change empties the public cache (app.ts) so that a publication shows at once.
 */
export const workspaceRoutes: RoutePlugin = (app, options, done) => {
  app.register(recordRoutes, { ...options, prefix: '/records' });
  app.register(recordMediaRoutes, { ...options, prefix: '/records' });
  app.register(mediaRetryRoutes, { ...options, prefix: '/media' });
  app.get(
    '/my-work',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'getMyWork', summary: 'My drafts, records sent back to me, records to review, recent changes by others, failed files', tags: ['workspace'], response: { 200: MyWork, ...ERRORS } } },
    async (request) => options.archive.workspace.myWork(request.viewer),
  );
  done();
};
