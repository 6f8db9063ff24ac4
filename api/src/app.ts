import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Archive } from '@disan/ingest';
import { sessionSecret } from '@disan/ingest/accounts';
import type { Config } from '@disan/ingest/config';
import { RateLimitedError } from './errors.ts';
import { listParamsOf, splitLists } from './http/lists.ts';
import { registerAccess } from './plugins/access.ts';
import { frameworkError, registerErrorHandling } from './plugins/errors.ts';
import { registerPrivateAnswers } from './plugins/private-answers.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { createPublicCache } from './plugins/public-cache.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { requestIdOf } from './plugins/request-id.ts';
import { registerCsrf } from './plugins/csrf.ts';
import { registerSessions, sessionCookie } from './plugins/session.ts';
import { registerViewer } from './plugins/viewer.ts';
import { requestLogOf } from './plugins/request-log.ts';
import { routes } from './routes/index.ts';

export interface AppOptions {
  archive: Archive;
  config: Config;
  /** Pino options or an instance; default: JSON logs at config.logLevel. */
  logger?: FastifyServerOptions['logger'];
}

/**
 * The API: the public cache, security headers (helmet's, computed once), external plugins (CORS, rate limit,
 * compression, OpenAPI), then the app's own (errors, sessions, viewer, CSRF), then the routes under /api.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp({ archive, config, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
      serializers: { req: requestLogOf },
    },
    bodyLimit: config.http.bodyLimit,
    genReqId: requestIdOf,
    requestIdHeader: false,
    // The site and reverse proxies forward the visitor's address; only theirs is believed.
    trustProxy: config.http.trustProxy,
    // Path parameters are checked by each route's schema, which names the bad one (ids
    // allow 128 characters); the router's own limit only stops absurd ones, answered 414
    // in our error shape by frameworkError like a path that is not valid UTF-8.
    // `/api/items/` answers like `/api/items`; the document names only the latter.
    routerOptions: { maxParamLength: 1000, ignoreTrailingSlash: true },
    frameworkErrors: frameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  const cache = createPublicCache({ seconds: config.http.cacheSeconds });
  // Before compression: the cache keeps JSON, and every answer is still compressed.
  app.addHook('onSend', cache.store);
  // A change made in the workspace (a publication, a withdrawal) is seen by the public at
  // once, not after the cache's few seconds: every successful change empties the cache.
  app.addHook('onResponse', (request, reply, done) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400 && request.url.startsWith('/api/workspace/')) cache.clear();
    done();
  });
  registerPrivateAnswers(app);
  // Before any route. Plugins add routes of their own (the documentation; with CORS origins,
  // the `OPTIONS *` preflight, which answers headers only), so their rules are given here.
  registerAccess(app, { '/api/docs': 'anyone', '*': 'anyone' });
  await registerExternalPlugins(app, config);
  registerErrorHandling(app);
  // First of the app's onRequest hooks (only the request id's runs before it): a wrong
  // token (refused by the viewer) and a replay from the public cache are counted like any
  // other request. As a route hook, the plugin's default, it ran after both.
  app.addHook('onRequest', app.rateLimit());
  // The session is loaded (one catalog read) before the viewer is decided from it.
  const cookie = sessionCookie(config.http.publicUrl);
  await registerSessions(app, { accounts: archive.accounts, secret: await sessionSecret(archive.db, config.accounts.sessionSecret), cookie });
  registerViewer(app, { operatorToken: config.http.operatorToken, accounts: archive.accounts });
  await registerCsrf(app, { publicUrl: config.http.publicUrl, corsOrigins: config.http.corsOrigins, cookieName: cookie.name });
  // After the rate limit and the viewer: a replay is counted, and only the public's.
  app.addHook('onRequest', cache.replay);
  app.addHook('preValidation', (request, _reply, done) => {
    const names = listParamsOf(request.routeOptions.schema?.querystring);
    if (names.length > 0 && request.query && typeof request.query === 'object') splitLists(request.query as Record<string, unknown>, names);
    done();
  });
  await app.register(routes, { prefix: '/api', archive, config });
  return app;
}

async function registerExternalPlugins(app: FastifyInstance, config: Config): Promise<void> {
  // The API serves JSON and media, never pages: nothing may run or be framed.
  registerSecurityHeaders(app, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  // No origins configured: no CORS headers at all, so browsers on other origins are refused.
  if (config.http.corsOrigins.length > 0) {
    await app.register(cors, { origin: config.http.corsOrigins, exposedHeaders: ['x-request-id', 'content-range', 'etag'] });
  }
  await app.register(rateLimit, {
    // Not per route: buildApp adds the limiter as an app-wide hook ahead of authentication.
    global: false,
    max: config.http.rateLimit,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => new RateLimitedError(`Too many requests: at most ${context.max} per minute; try again in ${Math.ceil(context.ttl / 1000)} s`),
  });
  await app.register(compress, { global: true, threshold: 1024 });
  await registerOpenApi(app, config);
}
