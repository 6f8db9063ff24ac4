import { CollectionList, CollectionQuery, CollectionView, IdParams } from '@disan/schemas';
import { canReadCollection } from '@disan/ingest/access';
import { NotFoundError } from '@disan/ingest';
import { collectionItemPage } from '../../services/collection-order.ts';
import { collectionCovers, collectionSummaries, toCollectionSummary } from '../../services/items.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

export const collectionRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '',
    { config: { publicCache: true, access: 'canReadCollection' }, schema: { operationId: 'listCollections', summary: 'Collections, with the number of items you may see in each', tags: ['collections'], response: { 200: CollectionList, ...ERRORS } } },
    async (request) => ({ collections: await collectionSummaries(archive, request.viewer, 'all') }),
  );

  app.get(
    '/:id',
    {
      config: { publicCache: true, access: 'canReadCollection' },
      schema: {
        operationId: 'getCollection',
        summary: 'One collection and a page of its items',
        tags: ['collections'],
        params: IdParams,
        querystring: CollectionQuery,
        response: { 200: CollectionView, ...ERRORS },
      },
    },
    async (request) => {
      const { id } = request.params;
      const collection = await archive.catalog.collections.get(id);
      if (!collection || !canReadCollection(request.viewer, collection)) throw new NotFoundError(`Collection ${id} not found`);
      const { page, pageSize, sort } = request.query;
      const [items, covers] = await Promise.all([collectionItemPage(archive, request.viewer, collection, { sort, page, pageSize }), collectionCovers(archive, request.viewer, [collection])]);
      return { collection: toCollectionSummary(collection, items.total, covers.get(collection.id) ?? null), items };
    },
  );
  done();
};
