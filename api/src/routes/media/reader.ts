import { MediaFind, MediaFindQuery, MediaTextParams, MediaWords, MediaWordsQuery } from '@disan/schemas';
import { findInDocument, readDocumentWords } from '@disan/ingest/reader';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { openReadableWords } from './resolve.ts';

/**
 * What the document reader asks beside the PDF itself: the OCR words of scanned pages
 * with their boxes (`/words`), and the pages holding some words (`/find`), matched as
 * the archive search matches them. The same rule as the files and the text: a medium
 * the viewer may not read answers 404, like one that does not exist, and reading it is
 * audited like reading its text.
 */
export const mediaReaderRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/:mediaId/words',
    {
      config: { access: 'canReadMedia' },
      schema: {
        operationId: 'getMediaWords',
        summary: "The words OCR read on a document's scanned pages, each with its box on the page (fractions of the page)",
        tags: ['media'],
        params: MediaTextParams,
        querystring: MediaWordsQuery,
        response: { 200: MediaWords, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { mediaId } = request.params;
      const { page } = request.query;
      const { media } = await openReadableWords(archive, request, reply, mediaId, { words: true, ...(page === undefined ? {} : { page }) });
      const { pages } = await readDocumentWords(archive.storage, media);
      return { mediaId, pages: page === undefined ? pages : pages.filter((p) => p.page === page) };
    },
  );

  app.get(
    '/:mediaId/find',
    {
      config: { access: 'canReadMedia' },
      schema: {
        operationId: 'findInMedia',
        summary: 'The pages of a document holding some words (with or without Vietnamese tones), the words as each page spells them, and their boxes on scanned pages',
        tags: ['media'],
        params: MediaTextParams,
        querystring: MediaFindQuery,
        response: { 200: MediaFind, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { mediaId } = request.params;
      const { q } = request.query;
      const { media } = await openReadableWords(archive, request, reply, mediaId, { find: true });
      const [passages, words] = await Promise.all([archive.catalog.texts.listForMedia(mediaId), readDocumentWords(archive.storage, media)]);
      const pages = findInDocument(passages, words, q);
      return { mediaId, q, hits: pages.reduce((sum, page) => sum + page.hits, 0), pages };
    },
  );
  done();
};
