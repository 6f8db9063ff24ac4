import { IdParams, ItemPage, ItemsQuery, ItemView } from '@disan/schemas';
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
    { config: { publicCache: true, access: 'canReadRecord' }, schema: { operationId: 'getItem', summary: 'One item with its media, related items and collections', tags: ['items'], params: IdParams, response: { 200: ItemView, ...ERRORS } } },
    async (request) => {
      const view = await itemView(archive, request.viewer, request.params.id);
      await auditRead(archive, request, view, { action: 'record.read', target: view.id });
      return view;
    },
  );
  done();
};
