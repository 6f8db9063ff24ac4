import { ErrorBody, MediaParams } from '@disan/schemas';
import { RangeNotSatisfiableError } from '@disan/ingest';
import { isNotModified, rangeStillValid } from '../../http/conditional.ts';
import { parseRange } from '../../http/range.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { cacheControl, contentDisposition } from './headers.ts';
import { auditRead } from '../../services/read-audit.ts';
import { resolveFile } from './resolve.ts';

/**
 * The answers below only document the route in OpenAPI: streams are sent as they are.
 * What a medium can be, as a client must read it (a generated client that expects JSON
 * throws on a picture). `Content-Type` says which one a file is.
 */
const MEDIA_TYPES = ['image/jpeg', 'image/webp', 'image/avif', 'image/png', 'image/*', 'video/mp4', 'video/*', 'audio/*', 'application/pdf', 'text/vtt', 'application/octet-stream'];
const bytesAs = (description: string) => ({
  description,
  content: Object.fromEntries(MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary', contentMediaType: type } }])),
});
const header = (description: string) => ({ type: 'string', description });
const FILE_HEADERS = {
  etag: header('Strong validator: send it back as If-None-Match'),
  'last-modified': header('Send it back as If-Modified-Since'),
  'cache-control': header('`public, max-age=300, must-revalidate` for media the public may read, else `private, no-store`'),
  'accept-ranges': header('`bytes`: one range per request'),
};
const withHeaders = <T extends object>(response: T, headers: Record<string, unknown>) => ({ ...response, headers: { ...FILE_HEADERS, ...headers } });
const NOT_MODIFIED = { type: 'null', description: 'Not modified: the cached copy (If-None-Match, If-Modified-Since) is current', headers: FILE_HEADERS };
const UNSATISFIABLE = {
  ...ErrorBody,
  description: 'The range starts past the end of the file',
  headers: { 'content-range': header('`bytes */{size}`') },
};

const GET_RESPONSES = {
  200: withHeaders(bytesAs('The whole file'), {}),
  206: withHeaders(bytesAs('The requested byte range'), { 'content-range': header('`bytes {start}-{end}/{size}`') }),
  304: NOT_MODIFIED,
  416: UNSATISFIABLE,
  ...ERRORS,
};
/** HEAD answers what GET would, without a body. */
const HEAD_RESPONSES = {
  200: { type: 'null', description: 'The file exists: its headers, no body', headers: { ...FILE_HEADERS, 'content-length': header('Bytes of the file') } },
  206: { type: 'null', description: 'The requested byte range exists: its headers, no body', headers: { ...FILE_HEADERS, 'content-range': header('`bytes {start}-{end}/{size}`') } },
  304: NOT_MODIFIED,
  416: UNSATISFIABLE,
  ...ERRORS,
};

/** `GET|HEAD /api/media/{mediaId}/{rendition|original}`: the bytes, streamed from storage, with HTTP caching and ranges. */
export const mediaRoutes: RoutePlugin = (app, { archive }, done) => {
  for (const method of ['GET', 'HEAD'] as const) {
    app.route({
      method,
      url: '/:mediaId/:rendition',
      exposeHeadRoute: false,
      // Media is already compressed, and a compressed range would not be the bytes asked for.
      compress: false,
      // A HEAD route is left out of the document unless it asks to be in it.
      config: { access: 'canReadMedia', swagger: { exposeHeadRoute: true } },
      schema: {
        operationId: method === 'GET' ? 'getMediaFile' : 'headMediaFile',
        summary: method === 'GET' ? 'A rendition (webp-480, thumb...) or `original` of a medium' : 'The headers of a rendition or `original` (size, validators), without the bytes',
        tags: ['media'],
        params: MediaParams,
        response: method === 'GET' ? GET_RESPONSES : HEAD_RESPONSES,
      },
      handler: async (request, reply) => {
        const file = await resolveFile(archive, request.viewer, request.params.mediaId, request.params.rendition);
        const { info } = file;
        const headers = request.headers;
        const etag = `"${info.etag}"`;
        reply.headers({
          etag,
          'last-modified': info.lastModified.toUTCString(),
          'cache-control': cacheControl(file),
          'accept-ranges': 'bytes',
          'x-content-type-options': 'nosniff',
        });
        if (isNotModified(headers, etag, info.lastModified)) return reply.code(304).send(undefined);
        const range = rangeStillValid(headers, etag, info.lastModified) ? parseRange(headers.range, info.size) : { kind: 'none' as const };
        if (range.kind === 'unsatisfiable') {
          reply.header('content-range', `bytes */${info.size}`);
          throw new RangeNotSatisfiableError(`The range ${headers.range ?? ''} starts past the end of the file (${info.size} bytes)`);
        }
        reply.type(file.mimeType).header('content-disposition', contentDisposition(file));
        if (range.kind === 'range') reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
        const length = range.kind === 'range' ? range.end - range.start + 1 : info.size;
        reply.header('content-length', length);
        if (request.method === 'HEAD' || length === 0) return reply.send(undefined);
        // Every GET that sends bytes of restricted material is audited, each range too: a
        // file read a piece at a time is still read.
        const bytes = range.kind === 'range' ? `${range.start}-${range.end}` : 'all';
        await auditRead(archive, request, file.record, { action: 'media.read', target: request.params.mediaId, details: { rendition: request.params.rendition, bytes } }, file.medium);
        const { body } = await archive.storage.get(file.key, range.kind === 'range' ? { start: range.start, end: range.end } : undefined);
        return reply.send(body);
      },
    });
  }
  done();
};
