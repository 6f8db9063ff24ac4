import { DocumentedBy, IdParams, LinkSuggestions } from '@disan/schemas';
import { documentedBy, elementLinkSuggestions } from '../../services/elements.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

/**
 * The inventory's links (issue 15): `/items/{id}/documented-by`, the records documenting an
 * element that the viewer may read, and `/workspace/records/{id}/element-links`, the
 * workspace's link suggestions by names found in texts (staff).
 */
export const inventoryRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/items/:id/documented-by',
    {
      config: { publicCache: true, access: 'canReadRecord' },
      schema: {
        operationId: 'elementDocumentedBy',
        summary: 'The records that document an inventory element, those the viewer may read',
        description: 'An element the viewer cannot read answers 404, as GET /items/{id}; any other item answers an empty list.',
        tags: ['items'],
        params: IdParams,
        response: { 200: DocumentedBy, ...ERRORS },
      },
    },
    async (request) => documentedBy(archive, request.viewer, request.params.id),
  );

  app.get(
    '/workspace/records/:id/element-links',
    {
      config: { access: 'canUseWorkspace' },
      schema: {
        operationId: 'suggestElementLinks',
        summary: 'Element links to suggest for a record: the elements its text names, or for an element the records whose text names it',
        description: 'Names in any script are matched word for word after the search analyzer’s folding (tones, case, traditional Han); `alreadyLinked` marks links the head already has.',
        tags: ['workspace'],
        params: IdParams,
        response: { 200: LinkSuggestions, ...ERRORS },
      },
    },
    async (request) => elementLinkSuggestions(archive, request.viewer, request.params.id),
  );
  done();
};
