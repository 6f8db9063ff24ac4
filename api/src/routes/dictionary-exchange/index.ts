import type { FastifyRequest } from 'fastify';
import { DictionaryExportQuery, DictionaryImportQuery, DictionaryImportReport } from '@disan/schemas';
import { ValidationError } from '@disan/ingest';
import { collectEntries, dictionaryDownload, importDictionary, readUploadedDictionary } from '@disan/ingest/dictionary';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** A dictionary of thousands of entries with a few seconds of audio each; larger ones go through `disan dictionary import`. */
export const DICTIONARY_BODY_LIMIT = 200 * 1024 * 1024;

/** What browsers call the files: LIFT is XML, a zip a zip, sheets as the sheet import takes them. */
const DICTIONARY_CONTENT_TYPES = ['application/xml', 'text/xml', 'application/zip', 'application/x-zip-compressed', 'text/csv', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

/** Documents the answer in OpenAPI; the file itself is sent as it is made. */
const DOWNLOAD: Record<string, unknown> = {
  description: 'The dictionary: LIFT as a zip with its audio/ folder, or a CSV or XLSX sheet',
  content: { 'application/zip': { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string' } }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
};

function fileOf(request: FastifyRequest): Buffer {
  const { body } = request;
  if (!Buffer.isBuffer(body) || body.length === 0) throw new ValidationError('Send the dictionary file itself as the body: a .lift file, a .zip of it with its audio/ folder, a .csv or an .xlsx, its name in ?name=');
  return body;
}

/**
 * `POST /workspace/dictionary/import` (the file as the body; `dryRun=true` previews entry
 * by entry and writes nothing) and `GET /workspace/dictionary/export?format=lift|csv|xlsx`
 * (LIFT as a zip with its audio/ folder), both for staff. The export holds only what the
 * viewer may read: entries by the catalog's read filter, recordings by their own access too.
 */
export const dictionaryExchangeRoutes: RoutePlugin = (app, { archive }, done) => {
  // Scoped to this plugin: no other route takes these bodies here.
  app.addContentTypeParser(DICTIONARY_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: DICTIONARY_BODY_LIMIT }, (_request, body, parsed) => {
    parsed(null, body);
  });

  app.post(
    '/import',
    {
      bodyLimit: DICTIONARY_BODY_LIMIT,
      config: { access: 'canImportSheet' },
      schema: {
        operationId: 'importDictionary',
        summary: 'Imports dictionary entries from LIFT (alone or zipped with its audio), CSV or XLSX as word items; with dryRun, only the preview',
        tags: ['workspace'],
        querystring: DictionaryImportQuery,
        response: { 200: DictionaryImportReport, ...ERRORS },
      },
    },
    async (request) => {
      const { name, status, dryRun } = request.query;
      const incoming = await readUploadedDictionary(name, fileOf(request));
      return importDictionary(archive, request.viewer, incoming.format, incoming.entries, incoming.audio, { dryRun: dryRun ?? false, ...(status ? { status } : {}) });
    },
  );

  app.get(
    '/export',
    {
      config: { access: 'canExportRecords' },
      // A zip or a workbook already: compressing it again costs time for nothing.
      compress: false,
      schema: {
        operationId: 'exportDictionary',
        summary: 'The dictionary entries the viewer may read, as LIFT (a zip with its audio/ folder), CSV or XLSX',
        tags: ['workspace'],
        querystring: DictionaryExportQuery,
        response: { 200: DOWNLOAD, ...ERRORS },
      },
    },
    async (request, reply) => {
      const download = await dictionaryDownload(archive, await collectEntries(archive, request.viewer), request.query.format ?? 'lift');
      const stamp = new Date().toISOString().slice(0, 10);
      const filename = download.filename.replace('dictionary', `disan-dictionary-${stamp}`);
      return reply.header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'private, no-store').type(download.contentType).send(Buffer.from(download.bytes));
    },
  );
  done();
};
