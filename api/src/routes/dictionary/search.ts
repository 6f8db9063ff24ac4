import { DictionarySearchQuery, DictionarySearchResult } from '@disan/schemas';
import { searchDictionary } from '@disan/ingest/dictionary';
import { ERRORS, type RoutePlugin } from '../context.ts';

/**
 * `GET /dictionary/search`: entries by headword in any script, romanisation without tones,
 * pinyin, or gloss, the word named exactly first. The viewer's read scope applies as in the
 * archive's search; public answers are shared by the cache like the search's.
 */
export const dictionarySearchRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/search',
    {
      config: { publicCache: true, access: 'readFilter' },
      schema: {
        operationId: 'searchDictionary',
        summary: 'Find dictionary entries by headword, romanisation or gloss (exact headwords first)',
        tags: ['dictionary'],
        querystring: DictionarySearchQuery,
        response: { 200: DictionarySearchResult, ...ERRORS },
      },
    },
    async (request) => searchDictionary(archive, request.viewer, request.query),
  );
  done();
};
