import { defineMiddleware } from 'astro:middleware';
import { accountClient } from './api/account-client.ts';
import { mediaClient } from './api/media-client.ts';
import { recordsClient } from './api/client.ts';
import { createTransport, type Visitor } from './api/transport.ts';
import { schemeOf } from './server/forwarded.ts';
import { publicBase, siteConfig } from './config.ts';
import { hasSessionCookie, learnSession, pageCaching } from './people/session.ts';
import { isOwnForm } from './forms/origin.ts';
import { compressResponse } from './server/compress.ts';
import { forwardedFor } from './server/forwarded.ts';

/** Answers a page may carry Set-Cookie on: a redirect made by Astro may have immutable headers. */
function withHeaders(response: Response, change: (headers: Headers) => void): Response {
  try {
    change(response.headers);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    change(headers);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/**
 * The composition root of the pages: an API client per request (a few closures) that
 * speaks for the visitor (address, session cookie, and for forms the Origin and CSRF
 * token), the signed-in account learnt once, and the API's Set-Cookie passed back.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const config = siteConfig();
  let address: string | undefined;
  try {
    address = context.clientAddress;
  } catch {
    address = undefined; // prerendering has no visitor
  }
  const headers = context.request.headers;
  const base = publicBase(config);
  if (!isOwnForm(context.request.method, headers, context.url.origin, base)) {
    return new Response('Forms are accepted from this site only.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const cookie = headers.get('cookie');
  const visitor: Visitor = {
    forwardedFor: forwardedFor(headers.get('x-forwarded-for') ?? undefined, address),
    forwardedHost: headers.get('host') ?? undefined,
    forwardedProto: schemeOf(base),
    cookie: cookie ?? undefined,
    userAgent: headers.get('user-agent') ?? undefined,
    origin: headers.get('origin') ?? undefined,
    secFetchSite: headers.get('sec-fetch-site') ?? undefined,
  };
  const setCookies: string[] = [];
  const transport = createTransport({ baseUrl: config.apiUrl, timeoutMs: config.apiTimeoutMs, visitor, onSetCookie: (c) => setCookies.push(c) });
  context.locals.visitor = visitor;
  context.locals.transport = transport;
  context.locals.api = recordsClient(transport);
  context.locals.accounts = accountClient(transport);
  context.locals.media = mediaClient(transport);
  const { account, csrfToken } = await learnSession(context.locals.accounts, cookie);
  context.locals.account = account;
  context.locals.csrfToken = csrfToken;
  // From configuration only: a Host header must never reach canonical or JSON-LD links.
  context.locals.publicBase = base;

  const response = await next();
  const caching = pageCaching({ signedIn: context.locals.account !== null, sentSession: hasSessionCookie(cookie), cacheControl: response.headers.get('cache-control') });
  const answered = withHeaders(response, (out) => {
    out.append('vary', 'Cookie');
    if (caching !== null) out.set('cache-control', caching);
    for (const c of setCookies) out.append('set-cookie', c);
  });
  return compressResponse(context.request, answered);
});
