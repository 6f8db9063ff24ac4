import { SearchParams, SearchQuery, SearchResult } from '@disan/schemas';
import { searchArchive } from '@disan/ingest/search';
import { forViewer } from '../../services/browse.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { toSearchQuery } from './query.ts';

/** Full-text and faceted search, through the one search service with the viewer's scope. */
export const searchRoutes: RoutePlugin = (app, { archive }, done) => {
  const answer = async (query: SearchQuery, viewer: Parameters<typeof searchArchive>[2]): Promise<SearchResult> => {
    const result = await searchArchive(archive, query, viewer);
    return { ...result, hits: await forViewer(archive, viewer, result.hits) };
  };

  app.get(
    '',
    { config: { publicCache: true, access: 'readFilter' }, schema: { operationId: 'searchItems', summary: 'Search (GET, query parameters)', tags: ['search'], querystring: SearchParams, response: { 200: SearchResult, ...ERRORS } } },
    async (request) => answer(toSearchQuery(request.query), request.viewer),
  );

  // A POST that only reads: a page signed in may search without the CSRF token.
  app.post(
    '',
    { config: { access: 'readFilter', csrf: 'none' }, schema: { operationId: 'searchItemsByBody', summary: 'Search (POST, a SearchQuery as JSON)', tags: ['search'], body: SearchQuery, response: { 200: SearchResult, ...ERRORS } } },
    async (request) => answer(request.body, request.viewer),
  );
  done();
};
