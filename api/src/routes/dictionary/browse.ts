import { DictionaryBrowsePage, DictionaryBrowseQuery } from '@disan/schemas';
import { browseDictionary } from '@disan/ingest/dictionary';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** `GET /api/dictionary/browse`: entries in a script's own order, a page at a time. */
export const browseRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/browse',
    {
      config: { publicCache: true, access: 'readFilter' },
      schema: {
        operationId: 'browseDictionary',
        summary: "Browse the dictionary in a script's order (Khmer, pinyin, radical, Cham, Vietnamese glosses)",
        description: 'Sections are the letters (or radicals) to jump to, with the number of entries you may read in each; `from` starts at a section, `after` continues from the previous page (`next`, opaque).',
        tags: ['dictionary'],
        querystring: DictionaryBrowseQuery,
        response: { 200: DictionaryBrowsePage, ...ERRORS },
      },
    },
    async (request) => browseDictionary(archive, request.viewer, request.query),
  );
  done();
};
