import { defineMiddleware } from 'astro:middleware';
import { createApiClient, type ApiClient } from './api/client.ts';
import { siteConfig } from './config.ts';
import { compressResponse } from './server/compress.ts';

let client: ApiClient | undefined;

/** The composition root of the pages: one API client per process, handed to every page through `locals`. */
export const onRequest = defineMiddleware(async (context, next) => {
  const config = siteConfig();
  client ??= createApiClient({ baseUrl: config.apiUrl, timeoutMs: config.apiTimeoutMs });
  context.locals.api = client;
  context.locals.publicBase = config.publicUrl ?? context.url.origin;
  const response = await next();
  return compressResponse(context.request, response);
});
