import { IdParams, RecordWords } from '@disan/schemas';
import { recordWords } from '../../services/dictionary/entries.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** `GET /api/items/{id}/words`: the dictionary entries that name a record, for its page. */
export const recordWordRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/:id/words',
    {
      config: { publicCache: true, access: 'canReadRecord' },
      schema: {
        operationId: 'getItemWords',
        summary: "The dictionary entries that name this record, with their first recording",
        description: 'Entries whose `entry.records` names the record, those you may read; 404 when you may not read the record itself.',
        tags: ['dictionary'],
        params: IdParams,
        response: { 200: RecordWords, ...ERRORS },
      },
    },
    async (request) => recordWords(archive, request.viewer, request.params.id),
  );
  done();
};
