import type { FastifyInstance, FastifyRequest } from 'fastify';
import csrfProtection from '@fastify/csrf-protection';
import { ForbiddenError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `origin`: the route takes changes from the site without a CSRF token, only the
     * origin check (sign-in, which has no session to take a token from yet).
     */
    csrf?: 'origin';
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  /** DISAN_PUBLIC_URL: the site's own origin. */
  publicUrl: string | undefined;
  /** DISAN_CORS_ORIGINS: sites allowed to call the API from a browser. */
  corsOrigins: readonly string[];
  cookieName: string;
}

/**
 * Why a browser request must not change anything, or undefined when it may. A browser
 * tells where a request comes from: `Sec-Fetch-Site` (never `cross-site` for the site's
 * own pages, and a cross-site request could not carry a SameSite=Lax cookie with a POST
 * anyway) and `Origin`, which must be the site's (DISAN_PUBLIC_URL, or the host the
 * request was sent to, as the site's proxy forwards it) or a CORS origin. With neither
 * header the caller is no browser (or a very old one): the CSRF token still guards.
 * @example originRefusal({ origin: 'https://evil.example' }, 'heritage.example.org', new Set()) // 'This change …'
 */
export function originRefusal(headers: FastifyRequest['headers'], host: string, allowed: ReadonlySet<string>): string | undefined {
  const refusal = (from: string) =>
    `This change was refused: it was sent ${from}, not from this archive's site. Open the archive's own page and try again there.`;
  if (headers['sec-fetch-site'] === 'cross-site') return refusal('from another site');
  const origin = headers.origin;
  if (origin === undefined || allowed.has(origin)) return undefined;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return refusal(`from an unknown origin (${origin.slice(0, 100)})`);
  }
  return originHost === host ? undefined : refusal(`from ${origin.slice(0, 100)}`);
}

/**
 * Every change made with the session cookie proves it comes from the site: the origin
 * check above, then the CSRF token of @fastify/csrf-protection (its secret lives in the
 * session) in `x-csrf-token`. Bearer requests need neither: a browser never adds an
 * Authorization header by itself. Sign-in (config `csrf: 'origin'`) takes the origin
 * check alone, with or without a cookie, so no other site can sign a visitor in to an
 * account of its choosing. A cookie that names no live session gets the origin check
 * only: there is no session for a token to protect.
 */
export async function registerCsrf(app: FastifyInstance, options: CsrfOptions): Promise<void> {
  await app.register(csrfProtection, {
    sessionPlugin: '@fastify/session',
    getToken: (request) => {
      const token = request.headers['x-csrf-token'];
      return typeof token === 'string' ? token : undefined;
    },
  });
  const allowed = new Set([...(options.publicUrl === undefined ? [] : [new URL(options.publicUrl).origin]), ...options.corsOrigins]);
  app.addHook('onRequest', (request, reply, done) => {
    if (SAFE.has(request.method) || request.credential === 'operator' || request.credential === 'token') {
      done();
      return;
    }
    const originOnly = request.routeOptions.config.csrf === 'origin';
    if (!originOnly && request.cookies[options.cookieName] === undefined) {
      done();
      return;
    }
    const refusal = originRefusal(request.headers, request.host, allowed);
    if (refusal !== undefined) {
      request.log.warn({ requestId: request.id, client: request.ip, origin: request.headers.origin, fetchSite: request.headers['sec-fetch-site'] }, 'refused a cross-site change');
      done(new ForbiddenError(refusal));
      return;
    }
    if (originOnly || request.credential !== 'session') done();
    else app.csrfProtection(request, reply, done);
  });
}
