import type { FastifyReply, FastifyRequest } from 'fastify';
import { PasswordConfirmation, SessionState, SignedIn, SignInBody } from '@disan/schemas';
import type { SignInResult } from '@disan/ingest/accounts';
import { SignInError } from '../../errors.ts';
import { clearSessionCookie, sessionCookie } from '../../plugins/session.ts';
import { accountIdOf, actorOf, ERRORS, NO_CONTENT, type RoutePlugin } from '../context.ts';
import { waitText } from './wait.ts';

/**
 * `/api/auth`: who the session cookie signs in, sign-in and sign-out. Sign-in takes a new
 * session id (so a cookie planted before sign-in is worthless after it) and answers the
 * CSRF token the site sends back with every change.
 */
export const authRoutes: RoutePlugin = (app, { archive, config }, done) => {
  const { accounts } = archive;
  const cookie = sessionCookie(config.http.publicUrl);

  app.get(
    '/session',
    { config: { access: 'anyone' }, schema: { operationId: 'getSession', summary: 'The account the session cookie (or token) signs in, and the CSRF token of the session', tags: ['accounts'], response: { 200: SessionState, ...ERRORS } } },
    async (request, reply) => {
      if (request.credential !== 'session' && request.credential !== 'token') return { account: null, csrfToken: null };
      const account = await accounts.users.get(accountIdOf(request));
      return { account, csrfToken: request.credential === 'session' ? reply.generateCsrf() : null };
    },
  );

  app.post(
    '/sign-in',
    {
      config: { access: 'anyone', csrf: 'origin' },
      schema: {
        operationId: 'signIn',
        summary: 'Sign in with email and password (and a TOTP or recovery code when the second factor is on); sets the session cookie',
        description:
          'Refused with 401 `invalid_credentials`, 401 `second_factor_required` (send `code`), 403 `second_factor_setup_required` (an admin without a second factor where it is required), or 429 `rate_limited` with Retry-After after repeated failures.',
        tags: ['accounts'],
        body: SignInBody,
        response: { 200: SignedIn, ...ERRORS },
      },
    },
    async (request, reply) => {
      const result = await accounts.signIn(request.body, actorOf(request));
      if (!result.ok) throw refusal(request, reply, result, request.body.email);
      // A new id, whatever cookie came in: the old session (if any) ends.
      await request.session.regenerate();
      request.session.userId = result.account.id;
      request.session.address = request.ip;
      request.session.userAgent = request.headers['user-agent']?.slice(0, 500);
      if (cookie.secure && request.protocol !== 'https') {
        request.log.error({ requestId: request.id }, 'the session cookie is Secure (DISAN_PUBLIC_URL is https) but this request came over http, so no cookie can be set: forward X-Forwarded-Proto: https from a trusted proxy');
      }
      request.log.info({ requestId: request.id, account: result.account.id }, 'signed in');
      return { account: result.account, csrfToken: reply.generateCsrf() };
    },
  );

  app.post(
    '/sign-out',
    { config: { access: 'anyone' }, schema: { operationId: 'signOut', summary: 'End this session and clear its cookie', tags: ['accounts'], response: { ...NO_CONTENT, ...ERRORS } } },
    async (request, reply) => {
      // Ended in the engine with the actor, so it is audited as auth.sign-out. The library
      // saves only a changed session, and this one is unchanged: nothing writes it back.
      if (request.credential === 'session') await accounts.sessions.destroy(request.session.sessionId, actorOf(request));
      clearSessionCookie(reply, cookie);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/sign-out-everywhere',
    {
      config: { access: 'canChangeAccount' },
      schema: {
        operationId: 'signOutEverywhere',
        summary: 'End every session of the account, this one included (the current password is checked)',
        description: 'A wrong `password` answers 403 `wrong_password` and counts as a failed sign-in; 429 `rate_limited` while sign-in is throttled.',
        tags: ['accounts'],
        body: PasswordConfirmation,
        response: { ...NO_CONTENT, ...ERRORS },
      },
    },
    async (request, reply) => {
      const id = accountIdOf(request);
      await accounts.reauthenticate(id, request.body.password, actorOf(request));
      const ended = await accounts.sessions.destroyAll(id, undefined, actorOf(request));
      request.log.info({ requestId: request.id, ended }, 'signed out everywhere');
      if (request.credential === 'session') clearSessionCookie(reply, cookie);
      return reply.code(204).send(null);
    },
  );
  done();
};

/** The refusal for a failed sign-in, logged at warn (the email, never the password). */
function refusal(request: FastifyRequest, reply: FastifyReply, result: Extract<SignInResult, { ok: false }>, email: string): SignInError {
  request.log.warn({ requestId: request.id, client: request.ip, email, reason: result.reason }, 'sign-in failed');
  switch (result.reason) {
    case 'throttled': {
      const seconds = Math.max(1, Math.ceil(result.retryAfterSeconds ?? 1));
      reply.header('retry-after', String(seconds));
      return new SignInError(429, 'rate_limited', `Too many failed sign-ins for this account or from this address. Try again ${waitText(seconds)}.`);
    }
    case 'second-factor':
      return new SignInError(401, 'second_factor_required', 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.');
    case 'second-factor-setup':
      return new SignInError(
        403,
        'second_factor_setup_required',
        'Admins of this archive must use a second factor, and this account has none yet. Ask the archive’s operator to run `disan users second-factor <your email>` on the server, then sign in with the code.',
      );
    case 'invalid':
      return new SignInError(401, 'invalid_credentials', 'The email or the password is not right, or the account cannot sign in. Check both and try again, or ask for a new password.');
  }
}
