import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, RawServerBase, RouteGenericInterface } from 'fastify';
import httpProxy from '@fastify/http-proxy';
import { forwardedFor } from './forwarded.ts';

/**
 * The visitor's request headers as the API gets them: all of them (Range, If-None-Match,
 * Cookie, Authorization...) plus the X-Forwarded-* trio, so the API sees the visitor.
 * The proxy library has already set Host to the API's and dropped hop-by-hop headers.
 * @example forwardHeaders({ range: 'bytes=0-9' }, '10.0.0.1', 'example.org')['x-forwarded-for'] // '10.0.0.1'
 */
export function forwardHeaders(headers: IncomingHttpHeaders, remoteAddress: string | undefined, visitorHost: string | undefined, scheme: 'http' | 'https' = 'http'): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { ...headers };
  const chain = forwardedFor(typeof headers['x-forwarded-for'] === 'string' ? headers['x-forwarded-for'] : undefined, remoteAddress);
  if (chain) out['x-forwarded-for'] = chain;
  if (visitorHost) out['x-forwarded-host'] = visitorHost;
  out['x-forwarded-proto'] = scheme;
  return out;
}

/** The API's error shape (ErrorBody in @disan/schemas) for an API that does not answer. */
export function unavailableBody(requestId: string): { error: { status: 502; code: 'unavailable'; message: string; requestId: string } } {
  return { error: { status: 502, code: 'unavailable', message: 'The archive API is not answering. Please try again later.', requestId } };
}

/** The proxy library's reply, on whichever raw server. */
type ProxyReply = FastifyReply<RouteGenericInterface, RawServerBase>;

function answerUnavailable(reply: ProxyReply, error: unknown): void {
  const request = reply.request;
  request.log.warn({ err: error }, 'site: the API did not answer a proxied request');
  if (reply.sent || reply.raw.headersSent) {
    reply.raw.destroy();
    return;
  }
  const requestId = typeof request.headers['x-request-id'] === 'string' ? request.headers['x-request-id'] : randomUUID();
  void reply.code(502).header('x-request-id', requestId).header('cache-control', 'no-store').send(unavailableBody(requestId));
}

/**
 * `/api/*` goes to the API as is (and `/oai`, `/sru` to its `/api/oai`, `/api/sru`), streamed both ways by @fastify/http-proxy (status,
 * headers and body: media bytes, 206 ranges, 304s, Set-Cookie), so the visitor's browser
 * sees one origin. `idleTimeoutMs` bounds silence on the socket, not a download's length.
 */
export async function registerApiProxy(app: FastifyInstance, options: ProxyOptions): Promise<void> {
  await proxyPath(app, options, '/api', '/api');
  // The door other libraries know by its own path: the OAI-PMH base URL is the site's /oai.
  // X-Forwarded-Prefix tells the API, so its answers name it.
  await proxyPath(app, options, '/oai', '/api/oai');
  // And the SRU door library catalogues search (explain's serverInfo names it).
  await proxyPath(app, options, '/sru', '/api/sru');
}

interface ProxyOptions {
  apiUrl: string;
  headersTimeoutMs: number;
  idleTimeoutMs: number;
  scheme?: 'http' | 'https';
}

async function proxyPath(app: FastifyInstance, options: ProxyOptions, prefix: string, rewritePrefix: string): Promise<void> {
  const forwardedPrefix = prefix === rewritePrefix ? undefined : prefix;
  await app.register(httpProxy, {
    upstream: options.apiUrl,
    prefix,
    rewritePrefix,
    // No URL cache: the proxy keeps no state per address.
    disableCache: true,
    undici: { headersTimeout: options.headersTimeoutMs, bodyTimeout: options.idleTimeoutMs },
    replyOptions: {
      rewriteRequestHeaders: (request, headers) => {
        const forwarded = forwardHeaders(headers, request.socket.remoteAddress, request.headers.host, options.scheme);
        if (forwardedPrefix !== undefined) forwarded['x-forwarded-prefix'] = forwardedPrefix;
        return forwarded;
      },
      onError: (reply, { error }) => { answerUnavailable(reply, error); },
    },
  });
}
