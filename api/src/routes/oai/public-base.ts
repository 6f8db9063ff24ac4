import type { FastifyRequest } from 'fastify';
import type { Config } from '@disan/ingest/config';

/** The paths the site forwards (X-Forwarded-Prefix, set by site/src/server/proxy.ts) to this API's `/api/<door>`. */
const SITE_PATHS = new Set(['/oai', '/sru']);

/**
 * Where harvesters reach a door (`oai`, `sru`), as the answers must name it: the site's
 * `/oai` under DISAN_PUBLIC_URL when set; else the address the request came to, through the
 * site (its `/oai`) or straight to the API (`/api/oai`). And the site's origin, for record pages.
 * @example publicBase(request, config, 'oai') // { baseUrl: 'https://heritage.example.org/oai', siteUrl: 'https://heritage.example.org' }
 */
export function publicBase(request: FastifyRequest, config: Config, door: 'oai' | 'sru'): { baseUrl: string; siteUrl: string } {
  if (config.http.publicUrl !== undefined) return { baseUrl: `${config.http.publicUrl}/${door}`, siteUrl: config.http.publicUrl };
  const origin = `${request.protocol}://${request.host}`;
  const prefix = request.headers['x-forwarded-prefix'];
  const viaSite = typeof prefix === 'string' && SITE_PATHS.has(prefix);
  return { baseUrl: viaSite ? `${origin}/${door}` : `${origin}/api/${door}`, siteUrl: origin };
}
