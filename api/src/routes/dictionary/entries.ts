import { EntryView, IdParams } from '@disan/schemas';
import { entryView } from '../../services/dictionary/entries.ts';
import { auditRead } from '../../services/read-audit.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** `GET /api/dictionary/entries/{id}`: an entry's page (recordings, heritage records, related entries, word lists). */
export const entryRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/entries/:id',
    {
      config: { publicCache: true, access: 'canReadRecord' },
      schema: {
        operationId: 'getDictionaryEntry',
        summary: 'One dictionary entry with the recordings, records, related entries and word lists you may see',
        description: 'An entry is an item of kind `word`. A draft, restricted or missing entry answers 404 alike; each recording shows only when its record and its own access rule let you hear it.',
        tags: ['dictionary'],
        params: IdParams,
        response: { 200: EntryView, ...ERRORS },
      },
    },
    async (request) => {
      const view = await entryView(archive, request.viewer, request.params.id);
      await auditRead(archive, request, view, { action: 'record.read', target: view.id });
      return view;
    },
  );
  done();
};
