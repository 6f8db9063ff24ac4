import { defineMiddleware } from 'astro:middleware';
import { createApiClient } from './api/client.ts';
import { publicBase, siteConfig } from './config.ts';
import { compressResponse } from './server/compress.ts';
import { forwardedFor } from './server/forwarded.ts';

/**
 * The composition root of the pages: an API client per request (a few closures),
 * carrying the visitor's address, handed to the page through `locals`.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const config = siteConfig();
  let address: string | undefined;
  try {
    address = context.clientAddress;
  } catch {
    address = undefined; // prerendering has no visitor
  }
  context.locals.api = createApiClient({
    baseUrl: config.apiUrl,
    timeoutMs: config.apiTimeoutMs,
    forwardedFor: forwardedFor(context.request.headers.get('x-forwarded-for') ?? undefined, address),
  });
  // From configuration only: a Host header must never reach canonical or JSON-LD links.
  context.locals.publicBase = publicBase(config);
  const response = await next();
  return compressResponse(context.request, response);
});
