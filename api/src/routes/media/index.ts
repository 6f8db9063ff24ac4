import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { MediaParams } from '@disan/schemas';
import { RangeNotSatisfiableError } from '@disan/ingest';
import { isNotModified, rangeStillValid } from '../../http/conditional.ts';
import { parseRange } from '../../http/range.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { cacheControl, contentDisposition } from './headers.ts';
import { resolveFile } from './resolve.ts';

/** Streams are sent as they are; the schema only documents the answer in OpenAPI. */
const Bytes = Type.Unsafe<Readable | undefined>({ type: 'string', format: 'binary', description: 'The file, or the requested byte range' });

/** `GET|HEAD /api/media/{mediaId}/{rendition|original}`: the bytes, streamed from storage, with HTTP caching and ranges. */
export const mediaRoutes: RoutePlugin = (app, { archive }, done) => {
  app.route({
    method: ['GET', 'HEAD'],
    url: '/:mediaId/:rendition',
    exposeHeadRoute: false,
    // Media is already compressed, and a compressed range would not be the bytes asked for.
    compress: false,
    config: { access: 'canReadMedia' },
    schema: {
      summary: 'A rendition (webp-480, thumb...) or `original` of a medium',
      tags: ['media'],
      params: MediaParams,
      response: { 200: Bytes, 206: Bytes, 304: Bytes, ...ERRORS },
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
      const { body } = await archive.storage.get(file.key, range.kind === 'range' ? { start: range.start, end: range.end } : undefined);
      return reply.send(body);
    },
  });
  done();
};
