import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PUBLIC, SYSTEM, type Viewer } from '@disan/ingest/access';
import { UnauthorizedError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, decided once per request by `viewerOf`. */
    viewer: Viewer;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The one place that decides who a request comes from. Today: anonymous is the
 * public, the operator token is the system; accounts and roles extend this function
 * and nothing else, since every route asks the access rules with `request.viewer`.
 */
export function createViewerOf(operatorToken: string | undefined): (request: FastifyRequest) => Viewer {
  const expected = operatorToken === undefined ? undefined : digest(operatorToken);
  return (request) => {
    const header = request.headers.authorization;
    if (header === undefined) return PUBLIC;
    const match = /^Bearer +(\S+)$/i.exec(header);
    // Comparing digests keeps the comparison constant-time whatever the length sent.
    if (match?.[1] !== undefined && expected !== undefined && timingSafeEqual(digest(match[1]), expected)) return SYSTEM;
    throw new UnauthorizedError('The Authorization header is not a valid operator token; send no Authorization header to browse as the public');
  };
}

const SCHEMES = new Set(['basic', 'bearer', 'digest', 'negotiate', 'token']);
/** What kind of credential was refused; only a known scheme name, since a token pasted alone could look like one. */
const schemeOf = (header: string | undefined) => {
  const scheme = /^(\S+) /.exec(header ?? '')?.[1]?.toLowerCase();
  return scheme !== undefined && SCHEMES.has(scheme) ? scheme : 'other';
};

export function registerViewer(app: FastifyInstance, operatorToken: string | undefined): void {
  const viewerOf = createViewerOf(operatorToken);
  // Fastify wants a non-reference initial value; every request gets its own in onRequest.
  app.decorateRequest('viewer', null as never);
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      request.viewer = viewerOf(request);
      done();
    } catch (error) {
      // Every refused credential, at warn, so token guessing shows in the logs and can be
      // alerted on. The header itself is never logged: a near-miss token is still a secret.
      request.log.warn({ requestId: request.id, client: request.ip, scheme: schemeOf(request.headers.authorization) }, 'refused credential');
      done(error as Error);
    }
  });
}
