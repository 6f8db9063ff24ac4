import type { FastifyRequest } from 'fastify';
import { SheetImportQuery, SheetPreview } from '@disan/schemas';
import { importSheet, previewSheet, SHEET_TYPES, ValidationError, type SheetFormat } from '@disan/ingest';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** A sheet of a few thousand rows is well under a megabyte; ten leave room for long descriptions. */
export const SHEET_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * What browsers and spreadsheet programs call the two files: a .csv is `text/csv`, but
 * Windows gives `application/vnd.ms-excel`, and some forms `application/octet-stream`.
 */
const SHEET_CONTENT_TYPES = [SHEET_TYPES.csv, SHEET_TYPES.xlsx, 'application/vnd.ms-excel', 'application/octet-stream'];

/** An XLSX file is a zip: it begins with the zip's local header. Anything else is read as CSV text. */
const formatOf = (bytes: Uint8Array): SheetFormat => (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv');

function sheetOf(request: FastifyRequest): { bytes: Buffer; format: SheetFormat } {
  const { body } = request;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new ValidationError('Send the sheet itself as the body: a CSV file (Content-Type text/csv) or an Excel workbook (.xlsx)');
  }
  return { bytes: body, format: formatOf(body) };
}

/**
 * `POST /workspace/sheets/preview` and `/import`: the sheet itself as the body (never
 * JSON), up to SHEET_BODY_LIMIT. The preview writes nothing; the import writes the valid
 * records through the workspace engine and lists the files the browser is to upload.
 */
export const sheetRoutes: RoutePlugin = (app, { archive }, done) => {
  // Scoped to this plugin: no other route takes CSV or XLSX bodies.
  app.addContentTypeParser(SHEET_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: SHEET_BODY_LIMIT }, (_request, body, parsed) => {
    parsed(null, body);
  });

  app.post(
    '/preview',
    {
      bodyLimit: SHEET_BODY_LIMIT,
      config: { access: 'canImportSheet' },
      schema: {
        operationId: 'previewSheet',
        summary: 'Every row of a metadata sheet with its errors, and whether each record is new, changed or unchanged; writes nothing',
        tags: ['workspace'],
        response: { 200: SheetPreview, ...ERRORS },
      },
    },
    async (request) => {
      const { bytes, format } = sheetOf(request);
      return previewSheet(archive.db, request.viewer, bytes, format);
    },
  );

  app.post(
    '/import',
    {
      bodyLimit: SHEET_BODY_LIMIT,
      config: { access: 'canImportSheet' },
      schema: {
        operationId: 'importSheet',
        summary: 'Writes the valid records of a sheet (new ones as drafts; unchanged ones get no version) and lists the files to upload',
        tags: ['workspace'],
        querystring: SheetImportQuery,
        response: { 200: SheetPreview, ...ERRORS },
      },
    },
    async (request) => {
      const { bytes, format } = sheetOf(request);
      return importSheet(archive, request.viewer, bytes, format, { note: request.query.note });
    },
  );
  done();
};
