import type { FastifyRequest } from 'fastify';

/**
 * One-time links carry their secret in the path (`/api/links/<token>`): whoever reads
 * the logs could set the password of the account. The path is logged without it.
 * @example maskSecrets('/api/links/abc123?x=1') // '/api/links/…?x=1'
 */
export function maskSecrets(url: string): string {
  return url.replace(/^(\/api\/links\/)[^/?#]+/, '$1…');
}

/** Fastify's own request fields for the log, with the URL masked. */
export function requestLogOf(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: maskSecrets(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket.remotePort,
  };
}
