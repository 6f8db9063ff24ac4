import type { FastifyReply, onRequestAsyncHookHandler } from 'fastify';
import { EXPORT_FORMATS, ExportFormatQuery, IdParams, SearchExportParams, type ExportFormat, type Item } from '@disan/schemas';
import { writeRecords } from '@disan/ingest/library';
import { collectionExport, EXPORT_CAP, searchExport, type ExportBatch } from '../../services/citations.ts';
import { downloadAnswer, sendDownload } from '../citations/download.ts';
import { publicBase } from '../oai/public-base.ts';
import { toSearchQuery } from '../search/query.ts';
import { RateLimitedError } from '../../errors.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

const CAPPED = `At most ${EXPORT_CAP} records (the first hits); the headers \`x-export-count\` (records in the file), \`x-export-total\` (hits found) and \`x-export-limit\` (${EXPORT_CAP}) say whether the file holds them all.`;

/**
 * Many records as one download (issue 13): a search's hits (`/search/export`, the search's
 * own parameters) or a collection's records (`/collections/:id/export`), in a reference
 * manager's or a library's form. Only what the viewer may read: the search runs in their
 * scope (readFilter), as GET /search does. A heavier door than a page of hits, so it has
 * its own, tighter rate limit (a twentieth of DISAN_RATE_LIMIT per client and minute).
 */
export const exportRoutes: RoutePlugin = (app, { archive, config }, done) => {
  // Its own counter, on top of the app-wide one (the plugin's per-route option is skipped once that one ran).
  const max = Math.max(1, Math.floor(config.http.rateLimit / 20));
  const limiter = app.createRateLimit({ max, timeWindow: 60_000 });
  const limited: onRequestAsyncHookHandler = async (request) => {
    const answer = await limiter(request);
    if (!answer.isAllowed && answer.isExceeded) throw new RateLimitedError(`Too many exports: at most ${max} per minute; try again in ${answer.ttlInSeconds} s`);
  };

  const send = (reply: FastifyReply, siteUrl: string, format: ExportFormat, name: string, batch: ExportBatch): FastifyReply => {
    const records = batch.items.map((item: Item) => ({ item, context: { recordUrl: `${siteUrl}/item/${item.id}` } }));
    reply.header('x-export-count', String(records.length)).header('x-export-total', String(batch.total)).header('x-export-limit', String(EXPORT_CAP));
    return sendDownload(reply, format, name, writeRecords(format, records));
  };

  app.get(
    '/search/export',
    {
      config: { access: 'readFilter' },
      onRequest: limited,
      schema: {
        operationId: 'exportSearch',
        summary: "A search's hits as one download: RIS, BibTeX, CSL-JSON, MARCXML or ISO 2709 MARC",
        description: `The parameters of GET /search (paging and facets are ignored) and \`format\`. ${CAPPED} Saved as \`disan-search-<date>.<ext>\`.`,
        tags: ['citations'],
        querystring: SearchExportParams,
        response: { 200: downloadAnswer(EXPORT_FORMATS, 'The hits the viewer may read, in the search order'), ...ERRORS },
      },
    },
    async (request, reply) => {
      const { format, ...params } = request.query;
      const { q, filters, sort, lang, geo } = toSearchQuery(params);
      const batch = await searchExport(archive, request.viewer, { q, filters, ...(sort ? { sort } : {}), ...(lang ? { lang } : {}), ...(geo ? { geo } : {}) });
      return send(reply, publicBase(request, config, 'oai').siteUrl, format, `disan-search-${new Date().toISOString().slice(0, 10)}`, batch);
    },
  );

  app.get(
    '/collections/:id/export',
    {
      config: { access: 'canReadCollection' },
      onRequest: limited,
      schema: {
        operationId: 'exportCollection',
        summary: "A collection's records as one download: RIS, BibTeX, CSL-JSON, MARCXML or ISO 2709 MARC",
        description: `The records of the collection the viewer may read, in its order. ${CAPPED} Saved as \`<collection id>.<ext>\`. A collection the viewer cannot see answers 404, as GET /collections/{id}.`,
        tags: ['citations'],
        params: IdParams,
        querystring: ExportFormatQuery,
        response: { 200: downloadAnswer(EXPORT_FORMATS, "The collection's records the viewer may read"), ...ERRORS },
      },
    },
    async (request, reply) => {
      const { collection, ...batch } = await collectionExport(archive, request.viewer, request.params.id);
      return send(reply, publicBase(request, config, 'oai').siteUrl, request.query.format, collection.id, batch);
    },
  );
  done();
};
