import { Collection, CollectionBody, CollectionOrderBody, IdParams, Place, StaffCollectionList } from '@disan/schemas';
import { createCollectionEditor, createPlace } from '@disan/ingest';
import { ERRORS, type RoutePlugin } from '../context.ts';

/**
 * `/workspace/collections`: every collection for staff, created, described (titles and
 * descriptions in any language, state, access, cover) and its records ordered; and
 * `/workspace/places`: a new place with its coordinates, for records to name.
 */
export const collectionEditRoutes: RoutePlugin = (app, { archive }, done) => {
  const editor = createCollectionEditor(archive.db);

  app.get(
    '/collections',
    {
      config: { access: 'canEditCollections' },
      schema: { operationId: 'listStaffCollections', summary: 'Every collection, drafts and restricted ones included, with the number of its records', tags: ['workspace'], response: { 200: StaffCollectionList, ...ERRORS } },
    },
    async () => ({ collections: await editor.list() }),
  );

  app.post(
    '/collections',
    {
      config: { access: 'canEditCollections' },
      schema: { operationId: 'createCollection', summary: 'A new collection (409 when the id is taken)', tags: ['workspace'], body: CollectionBody, response: { 201: Collection, ...ERRORS } },
    },
    async (request, reply) => {
      const collection = await editor.create(request.viewer, request.body);
      return reply.code(201).header('location', `/api/collections/${collection.id}`).send(collection);
    },
  );

  app.put(
    '/collections/:id',
    {
      config: { access: 'canEditCollections' },
      schema: { operationId: 'updateCollection', summary: 'A collection described anew: titles, description, state, access, cover and order', tags: ['workspace'], params: IdParams, body: CollectionBody, response: { 200: Collection, ...ERRORS } },
    },
    async (request) => editor.update(request.viewer, request.params.id, request.body),
  );

  app.put(
    '/collections/:id/items',
    {
      config: { access: 'canEditCollections' },
      schema: { operationId: 'orderCollection', summary: "The collection's records in the order readers see them (records not listed follow, by title)", tags: ['workspace'], params: IdParams, body: CollectionOrderBody, response: { 200: Collection, ...ERRORS } },
    },
    async (request) => editor.order(request.viewer, request.params.id, request.body.itemIds),
  );

  app.post(
    '/places',
    {
      config: { access: 'canCreateRecord' },
      schema: { operationId: 'createPlace', summary: 'A new place of the catalog, with its coordinates (409 when the id is taken)', tags: ['workspace'], body: Place, response: { 201: Place, ...ERRORS } },
    },
    async (request, reply) => reply.code(201).send(await createPlace(archive.db, request.viewer, request.body)),
  );
  done();
};
