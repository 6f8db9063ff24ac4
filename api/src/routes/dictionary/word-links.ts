import { IdParams, LinkSuggestions } from '@disan/schemas';
import { NotFoundError, NotPermittedError } from '@disan/ingest';
import { suggestWordLinks } from '@disan/ingest/dictionary';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** `GET /api/workspace/records/{id}/word-links`: links between entries and records, suggested from their text (staff who may edit the record). */
export const wordLinkRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/:id/word-links',
    {
      config: { access: 'canUseWorkspace' },
      schema: {
        operationId: 'suggestWordLinks',
        summary: 'Suggested links: the records that write an entry, or the entries a record writes',
        description:
          "For an entry (kind `word`): the records whose title, description, other names or words inside their files hold its headword or a romanisation. For any other record: the entries whose headword or romanisation its text holds. Found by search, confirmed word for word with the shared analyzer; only what you may read. For staff who may edit the record (403 otherwise).",
        tags: ['workspace', 'dictionary'],
        params: IdParams,
        response: { 200: LinkSuggestions, ...ERRORS },
      },
    },
    async (request) => {
      const head = await archive.workspace.get(request.viewer, request.params.id);
      if (!head) throw new NotFoundError(`Record ${request.params.id} not found`);
      if (!head.permissions.edit) throw new NotPermittedError(`You may not edit record ${request.params.id}, so no links are suggested for it`);
      return { suggestions: await suggestWordLinks(archive, request.viewer, head.item) };
    },
  );
  done();
};
