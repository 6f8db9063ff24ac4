import type { FastifyRequest } from 'fastify';
import { MarcImportQuery, MarcImportReport } from '@disan/schemas';
import { ValidationError } from '@disan/ingest';
import { importMarcFile } from '@disan/ingest/library';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** A library's export of tens of thousands of records runs to tens of megabytes; larger files go through `disan import-marc`. */
export const MARC_BODY_LIMIT = 50 * 1024 * 1024;

/** What library systems and browsers call a MARC file: ISO 2709 (`application/marc`) or MARCXML. */
const MARC_CONTENT_TYPES = ['application/marc', 'application/marcxml+xml', 'application/xml', 'text/xml', 'application/octet-stream'];

function marcFileOf(request: FastifyRequest): Buffer {
  const { body } = request;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new ValidationError('Send the MARC file itself as the body: ISO 2709 (Content-Type application/marc) or MARCXML (application/marcxml+xml)');
  }
  return body;
}

/**
 * `POST /workspace/library/marc`: MARC records from another library system imported
 * through the workspace engine, as `disan import-marc` does, with the file as the body
 * (never JSON or multipart: the site's form sends the chosen file's bytes on).
 */
export const libraryImportRoutes: RoutePlugin = (app, { archive }, done) => {
  // Scoped to this plugin: no other route takes MARC bodies.
  app.addContentTypeParser(MARC_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: MARC_BODY_LIMIT }, (_request, body, parsed) => {
    parsed(null, body);
  });

  app.post(
    '/marc',
    {
      bodyLimit: MARC_BODY_LIMIT,
      config: { access: 'canImportLibraryRecords' },
      schema: {
        operationId: 'importMarc',
        summary: 'Imports a MARC file (ISO 2709 or MARCXML, UTF-8) as library records: new ones created, known ones (same file name and 001) given a new version, each refused record with its reason',
        tags: ['workspace'],
        querystring: MarcImportQuery,
        response: { 200: MarcImportReport, ...ERRORS },
      },
    },
    async (request) => {
      const { status, collection, name } = request.query;
      return importMarcFile(archive, request.viewer, marcFileOf(request), name ?? 'upload.mrc', { ...(status ? { status } : {}), ...(collection ? { collection } : {}) });
    },
  );
  done();
};
