import { negotiate } from '@fastify/accept-negotiator';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { Readable } from 'node:stream';

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|ld\+json|manifest\+json)|image\/svg\+xml)/;

/** Brotli at a middle quality: pages are compressed as they stream, so speed matters as much as size. */
export const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

/**
 * The encoding to answer with, from the request's Accept-Encoding (negotiated by
 * @fastify/accept-negotiator, as @fastify/compress does): Brotli, else gzip, else none.
 * @example chooseEncoding('gzip, deflate, br') // 'br'
 * @example chooseEncoding('br;q=0, gzip') // 'gzip'
 */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  return negotiate<Encoding>(acceptEncoding, ['br', 'gzip']);
}

/** @example isCompressible('text/html; charset=utf-8') // true */
export function isCompressible(contentType: string | null | undefined): boolean {
  return contentType !== null && contentType !== undefined && COMPRESSIBLE.test(contentType);
}

/**
 * A page compressed for the request when both sides allow it: text-like, not already
 * encoded, not a partial answer. The body streams through the encoder. Pages are
 * compressed here, where Astro renders them, because the adapter writes them to the
 * socket itself: @fastify/compress (which compresses the built files) never sees them.
 */
export function compressResponse(request: Request, response: Response): Response {
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  const headers = response.headers;
  if (
    encoding === null ||
    response.body === null ||
    request.method === 'HEAD' ||
    response.status === 206 ||
    headers.has('content-encoding') ||
    !isCompressible(headers.get('content-type'))
  ) {
    return response;
  }
  const encoder = encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip();
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(encoder);
  const out = new Headers(headers);
  out.set('content-encoding', encoding);
  out.delete('content-length');
  out.append('vary', 'Accept-Encoding');
  return new Response(Readable.toWeb(body) as ReadableStream, { status: response.status, statusText: response.statusText, headers: out });
}
