import { IdParams, ItemPage, ItemsQuery, ItemView, TombstoneBody } from '@disan/schemas';
import { NotFoundError, type Archive } from '@disan/ingest';
import type { Viewer } from '@disan/ingest/access';
import { filtersOf } from '../../http/lists.ts';
import { itemPage } from '../../services/browse.ts';
import { itemView } from '../../services/items.ts';
import { auditRead } from '../../services/read-audit.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

export const itemRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '',
    { config: { publicCache: true, access: 'readFilter' }, schema: { operationId: 'listItems', summary: 'Browse items, filtered by facets', tags: ['items'], querystring: ItemsQuery, response: { 200: ItemPage, ...ERRORS } } },
    async (request) => {
      const { page, pageSize, sort } = request.query;
      return itemPage(archive, request.viewer, { filters: filtersOf(request.query), sort, page, pageSize });
    },
  );

  app.get(
    '/:id',
    {
      config: { publicCache: true, access: 'canReadRecord' },
      schema: {
        operationId: 'getItem',
        summary: 'One item with its media, related items and collections',
        description: 'A withdrawn record answers 410 `withdrawn` with a tombstone (title, date, reason) to whoever could read it while published (canSeeTombstone), 404 to anyone else; staff, who read withdrawn records, get the record.',
        tags: ['items'],
        params: IdParams,
        response: { 200: ItemView, 410: TombstoneBody, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      let view: ItemView;
      try {
        view = await itemView(archive, request.viewer, id);
      } catch (error) {
        const tombstone = error instanceof NotFoundError ? await tombstoneOf(archive, request.viewer, id, request.id) : null;
        if (tombstone) return reply.code(410).send(tombstone);
        throw error;
      }
      await auditRead(archive, request, view, { action: 'record.read', target: view.id });
      return view;
    },
  );
  done();
};

/** The answer for a withdrawn record the viewer could read while it was published (canSeeTombstone), else null: a 404 stands. */
async function tombstoneOf(archive: Archive, viewer: Viewer, id: string, requestId: string): Promise<TombstoneBody | null> {
  const tombstone = await archive.workspace.tombstone(viewer, id);
  if (!tombstone) return null;
  return { error: { status: 410, code: 'withdrawn', message: `Record ${id} was withdrawn on ${tombstone.withdrawnAt.slice(0, 10)}`, requestId }, tombstone };
}
