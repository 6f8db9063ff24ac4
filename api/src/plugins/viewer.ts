import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PUBLIC, SYSTEM, type Viewer } from '@disan/ingest/access';
import type { Account, Accounts } from '@disan/ingest/accounts';
import { UnauthorizedError } from '../errors.ts';
import { createAccountCache, type AccountCache } from './account-cache.ts';

/** How the viewer was recognised: CSRF checks apply to `session` only, never to a bearer token. */
export type Credential = 'none' | 'operator' | 'token' | 'session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, decided once per request by `viewerOf`. */
    viewer: Viewer;
    credential: Credential;
  }
  interface FastifyInstance {
    /** Accounts as the viewer sees them, for a few seconds; a route that changes one forgets it here. */
    accountCache: AccountCache;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export interface ViewerDeps {
  /** The emergency credential: the system itself, whatever the accounts. */
  operatorToken: string | undefined;
  accounts: Pick<Accounts, 'tokens' | 'viewerOf'>;
  /** The account behind a session: cached, so that checking a session costs the store's one read. */
  accountOf(userId: string): Promise<Account | null>;
}

/**
 * The one place that decides who a request comes from. A bearer token is the operator's
 * (SYSTEM) or a personal token (its owner, limited to the token's scope); anything else
 * in Authorization answers 401, since a script with a wrong token must learn it rather
 * than silently see the public's answers. Without Authorization, the session cookie
 * (already loaded by @fastify/session) names the account; an unknown, expired or ended
 * session is simply the public.
 */
export function createViewerOf(deps: ViewerDeps): (request: FastifyRequest) => Promise<{ viewer: Viewer; credential: Credential }> {
  const expected = deps.operatorToken === undefined ? undefined : digest(deps.operatorToken);
  return async (request) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const token = /^Bearer +(\S+)$/i.exec(header)?.[1];
      if (token === undefined) throw new UnauthorizedError('The Authorization header must be `Bearer <token>`; send none to browse as the public');
      // Comparing digests keeps the comparison constant-time whatever the length sent.
      if (expected !== undefined && timingSafeEqual(digest(token), expected)) return { viewer: SYSTEM, credential: 'operator' };
      const resolved = await deps.accounts.tokens.resolve(token);
      if (!resolved) throw new UnauthorizedError('The bearer token is not valid: unknown, expired or revoked, or its account is disabled. Create a new one on your account page, or send no Authorization header to browse as the public');
      return { viewer: deps.accounts.viewerOf(resolved.account, resolved.scope), credential: 'token' };
    }
    const userId = (request.session as FastifyRequest['session'] | null)?.userId;
    if (userId === undefined) return { viewer: PUBLIC, credential: 'none' };
    const account = await deps.accountOf(userId);
    if (account?.status !== 'active') return { viewer: PUBLIC, credential: 'none' };
    return { viewer: deps.accounts.viewerOf(account), credential: 'session' };
  };
}

const SCHEMES = new Set(['basic', 'bearer', 'digest', 'negotiate', 'token']);
/** What kind of credential was refused; only a known scheme name, since a token pasted alone could look like one. */
const schemeOf = (header: string | undefined) => {
  const scheme = /^(\S+) /.exec(header ?? '')?.[1]?.toLowerCase();
  return scheme !== undefined && SCHEMES.has(scheme) ? scheme : 'other';
};

/** Who asked, for the logs: an account id, never a name, an email or a credential. */
export function viewerLabel(viewer: FastifyRequest['viewer']): string {
  if (viewer.kind === 'user') return `user:${viewer.id ?? 'unknown'}`;
  return viewer.kind;
}

/** After the session plugin (which loads the session) and before the routes and the public cache. */
export function registerViewer(app: FastifyInstance, options: { operatorToken: string | undefined; accounts: Accounts }): void {
  const cache = createAccountCache((id) => options.accounts.users.get(id));
  app.decorate('accountCache', cache);
  const viewerOf = createViewerOf({ operatorToken: options.operatorToken, accounts: options.accounts, accountOf: (id) => cache.get(id) });
  // Fastify wants a non-reference initial value; every request gets its own in onRequest.
  app.decorateRequest('viewer', null as never);
  app.decorateRequest('credential', 'none');
  app.addHook('onRequest', async (request, reply) => {
    try {
      ({ viewer: request.viewer, credential: request.credential } = await viewerOf(request));
      // Every later line of this request (a refusal, the 404 of a hidden record, the
      // completion with its status) names who asked: access decisions can be traced to a person.
      if (request.viewer.kind !== 'public') {
        request.log = request.log.child({ viewer: viewerLabel(request.viewer), credential: request.credential });
        reply.log = request.log;
      }
    } catch (error) {
      // Every refused credential, at warn, so token guessing shows in the logs and can be
      // alerted on. The header itself is never logged: a near-miss token is still a secret.
      if (error instanceof UnauthorizedError) request.log.warn({ requestId: request.id, client: request.ip, scheme: schemeOf(request.headers.authorization) }, 'refused credential');
      throw error;
    }
  });
}
