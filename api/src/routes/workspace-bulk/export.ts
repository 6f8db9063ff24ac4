import type { FastifyReply } from 'fastify';
import { ExportQuery } from '@disan/schemas';
import { exportCsv, exportXlsx, NotFoundError, SHEET_TYPES, type ExportSelection } from '@disan/ingest';
import { filtersOf } from '../../http/lists.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** Documents the answers in OpenAPI; the files themselves are sent as they are made. */
const FILE = (type: string, format?: string): Record<string, unknown> => ({
  description: 'The records in the columns of `disan ingest --sheet`, one row per file',
  content: { [type]: { schema: { type: 'string', ...(format ? { format } : {}) } } },
});

/** One collection's records, a search's, or every record's. */
function selectionOf(query: ExportQuery): { selection: ExportSelection; name: string } {
  if (query.collection !== undefined) return { selection: { collection: query.collection }, name: query.collection };
  const filters = filtersOf(query);
  if (query.q || Object.keys(filters).length > 0) {
    return { selection: { search: { q: query.q ?? '', filters, ...(query.sort ? { sort: query.sort } : {}) } }, name: 'search' };
  }
  return { selection: {}, name: 'records' };
}

/** A download named after what it holds and the day: only a-z, 0-9 and dashes reach the header (ids are such already). */
function attachment(reply: FastifyReply, name: string, extension: 'csv' | 'xlsx'): FastifyReply {
  const safe = name.replace(/[^a-z0-9-]/g, '-').slice(0, 80);
  const stamp = new Date().toISOString().slice(0, 10);
  return reply.header('content-disposition', `attachment; filename="disan-${safe}-${stamp}.${extension}"`).header('cache-control', 'private, no-store');
}

/**
 * `GET /workspace/export.csv` and `/workspace/export.xlsx`: records as a sheet that can
 * come back in through the import unchanged (staff, canExportRecords). Cells that a
 * spreadsheet would run as formulas are neutralised by the engine.
 */
export const exportRoutes: RoutePlugin = (app, { archive }, done) => {
  const checked = async (query: ExportQuery) => {
    const chosen = selectionOf(query);
    if (query.collection !== undefined && !(await archive.catalog.collections.get(query.collection))) throw new NotFoundError(`Collection ${query.collection} not found`);
    return chosen;
  };

  app.get(
    '/export.csv',
    {
      config: { access: 'canExportRecords' },
      schema: { operationId: 'exportRecordsCsv', summary: 'Records as a CSV sheet (a collection, a search, or all)', tags: ['workspace'], querystring: ExportQuery, response: { 200: FILE(SHEET_TYPES.csv), ...ERRORS } },
    },
    async (request, reply) => {
      const { selection, name } = await checked(request.query);
      attachment(reply, name, 'csv').type('text/csv; charset=utf-8');
      return reply.send(exportCsv(archive, request.viewer, selection));
    },
  );

  app.get(
    '/export.xlsx',
    {
      config: { access: 'canExportRecords' },
      // A zip already: compressing it again costs time for nothing.
      compress: false,
      schema: { operationId: 'exportRecordsXlsx', summary: 'Records as an Excel workbook (a collection, a search, or all)', tags: ['workspace'], querystring: ExportQuery, response: { 200: FILE(SHEET_TYPES.xlsx, 'binary'), ...ERRORS } },
    },
    async (request, reply) => {
      const { selection, name } = await checked(request.query);
      const workbook = await exportXlsx(archive, request.viewer, selection);
      attachment(reply, name, 'xlsx').type(SHEET_TYPES.xlsx);
      return reply.send(workbook);
    },
  );
  done();
};

