import { MediaText, MediaTextParams, MediaTextQuery, type MediaTextPassage, type TextPassage } from '@disan/schemas';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { openReadableWords } from './resolve.ts';

/**
 * `GET /api/media/{mediaId}/text`: the words inside a medium (a document's pages, a
 * film's caption cues) for readers who cannot see the page picture or hear the film,
 * and for researchers who quote them. The same rule as the files: a medium the viewer
 * may not read answers 404, like one that does not exist.
 */
export const mediaTextRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/:mediaId/text',
    {
      config: { access: 'canReadMedia' },
      schema: {
        operationId: 'getMediaText',
        summary: 'The text found inside a medium (pages, caption cues), a window at a time',
        tags: ['media'],
        params: MediaTextParams,
        querystring: MediaTextQuery,
        response: { 200: MediaText, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { mediaId } = request.params;
      const { page, offset = 0, limit = 100 } = request.query;
      await openReadableWords(archive, request, reply, mediaId, { text: true, ...(page === undefined ? {} : { page }), offset, limit });
      const window = await archive.catalog.texts.readForMedia(mediaId, { ...(page === undefined ? {} : { page }), offset, limit });
      return { mediaId, total: window.total, offset, limit, passages: window.passages.map(located) };
    },
  );
  done();
};

function located({ mediaId: _media, itemId: _item, ...passage }: TextPassage): MediaTextPassage {
  return passage;
}
