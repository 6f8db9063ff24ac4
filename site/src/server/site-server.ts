import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { SECURITY_HEADERS } from './headers.ts';
import { registerApiProxy } from './proxy.ts';
import { schemeOf } from './forwarded.ts';
import { publicBase, type SiteConfig } from '../config.ts';

/** The built pages: `handler` of dist/server/entry.mjs (@astrojs/node in middleware mode). */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The idle limit on proxied media streams: generous, since a paused video keeps its socket. */
const PROXY_IDLE_MS = 120_000;
/** Hashed build files never change under their name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const HOURLY = 'public, max-age=3600';

/**
 * The site's HTTP server, Fastify with well-kept plugins and no state of its own per
 * address: `/api/*` is proxied to the API (@fastify/http-proxy), the built client files
 * are served from disk (@fastify/static) and compressed (@fastify/compress), and every
 * other address is rendered by Astro, which compresses its pages as they stream
 * (src/middleware.ts). Every answer carries the security headers.
 */
export async function buildSiteServer(options: { config: SiteConfig; pages: NodeHandler; clientDir: string }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, requestIdHeader: 'x-request-id', genReqId: () => randomUUID() });

  // Set on the raw response so they also go out with answers Astro writes itself.
  app.addHook('onRequest', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.raw.setHeader(name, value);
  });

  await app.register(async (api) => {
    await registerApiProxy(api, {
      apiUrl: options.config.apiUrl,
      headersTimeoutMs: Math.max(PROXY_IDLE_MS, options.config.apiTimeoutMs),
      idleTimeoutMs: Math.max(PROXY_IDLE_MS, options.config.apiTimeoutMs),
      scheme: schemeOf(publicBase(options.config)),
    });
  });

  await app.register(async (files) => {
    await files.register(fastifyCompress, { global: true, threshold: 512 });
    await files.register(fastifyStatic, {
      root: options.clientDir,
      // One route per built file, listed at start: every other address goes to Astro.
      wildcard: false,
      index: false,
      list: false,
      redirect: false,
      cacheControl: false,
      setHeaders: (reply, path) => {
        void reply.header('cache-control', path.includes('/_astro/') ? IMMUTABLE : HOURLY);
      },
    });
  });

  // Astro reads the body of a page request itself (forms), so Fastify leaves it unread.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => { done(null); });

  app.setNotFoundHandler(async (request, reply) => {
    // A missing build file is a plain 404: there is no page to render for it.
    if (request.url.startsWith('/_astro/')) return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('Not found');
    reply.hijack();
    await options.pages(request.raw, reply.raw);
  });

  app.setErrorHandler(async (error, request, reply) => {
    console.error('site: request failed', request.method, request.url, error);
    if (reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    return reply.code(500).type('text/plain; charset=utf-8').send('Internal error');
  });
  return app;
}
