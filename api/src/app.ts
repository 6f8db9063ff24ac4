import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Archive } from '@disan/ingest/archive.ts';
import type { Config } from '@disan/ingest/config.ts';
import { RateLimitedError } from './errors.ts';
import { splitLists } from './http/lists.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerPublicCache } from './plugins/public-cache.ts';
import { requestIdOf } from './plugins/request-id.ts';
import { registerViewer } from './plugins/viewer.ts';
import { routes } from './routes/index.ts';

export interface AppOptions {
  archive: Archive;
  config: Config;
  /** Pino options or an instance; default: JSON logs at config.logLevel. */
  logger?: FastifyServerOptions['logger'];
}

/**
 * The API: the public cache, external plugins (security headers, CORS, rate limit,
 * compression, OpenAPI), then the app's own (errors, viewer), then the routes under /api.
 */
export async function buildApp({ archive, config, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel, redact: ['req.headers.authorization'] },
    bodyLimit: config.http.bodyLimit,
    genReqId: requestIdOf,
    requestIdHeader: false,
    // The site and reverse proxies forward the visitor's address; only theirs is believed.
    trustProxy: config.http.trustProxy,
    // Search URLs can be long (many filters); Node's header limit still bounds them.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // Before compression: the cache keeps JSON, and every answer is still compressed.
  registerPublicCache(app, { seconds: config.http.cacheSeconds });
  await registerExternalPlugins(app, config);
  registerErrorHandling(app);
  registerViewer(app, config.http.operatorToken);
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.query && typeof request.query === 'object') splitLists(request.query as Record<string, unknown>);
    done();
  });
  await app.register(routes, { prefix: '/api', archive, config });
  return app;
}

async function registerExternalPlugins(app: FastifyInstance, config: Config): Promise<void> {
  // The API serves JSON and media, never pages: nothing may run or be framed.
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(cors, { origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false, exposedHeaders: ['x-request-id', 'content-range', 'etag'] });
  await app.register(rateLimit, {
    max: config.http.rateLimit,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => new RateLimitedError(`Too many requests: at most ${context.max} per minute; try again in ${Math.ceil(context.ttl / 1000)} s`),
  });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Disan API', version: '0.1.0', description: 'Digital heritage archive: items, media, collections, search.' },
      ...(config.http.publicUrl ? { servers: [{ url: config.http.publicUrl }] } : {}),
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
