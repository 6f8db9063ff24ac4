import { Account, AccountPatch, PasswordChange, PasswordConfirmation, SessionHandleParams, SessionList } from '@disan/schemas';
import { NotFoundError } from '@disan/ingest';
import { accountIdOf, actorOf, ERRORS, NO_CONTENT, type RoutePlugin } from '../context.ts';

/**
 * `/api/account`: one's own account (name, language, password) and its sessions. The
 * second factor is in second-factor.ts and personal tokens in tokens.ts, under the same
 * prefix. Reading needs an account (canUseAccount); changing needs a credential that may
 * write (canChangeAccount), so a read-only token changes nothing.
 */
export const accountRoutes: RoutePlugin = (app, { archive }, done) => {
  const { accounts } = archive;

  app.get(
    '',
    { config: { access: 'canUseAccount' }, schema: { operationId: 'getAccount', summary: 'The signed-in account', tags: ['account'], response: { 200: Account, ...ERRORS } } },
    async (request) => {
      const account = await accounts.users.get(accountIdOf(request));
      if (!account) throw new NotFoundError('This account no longer exists');
      return account;
    },
  );

  app.patch(
    '',
    { config: { access: 'canChangeAccount' }, schema: { operationId: 'updateAccount', summary: 'Change one’s name or interface language', tags: ['account'], body: AccountPatch, response: { 200: Account, ...ERRORS } } },
    async (request) => {
      const id = accountIdOf(request);
      const account = await accounts.users.update(id, request.body, actorOf(request));
      app.accountCache.forget(id);
      return account;
    },
  );

  app.post(
    '/password',
    {
      config: { access: 'canChangeAccount' },
      schema: {
        operationId: 'changePassword',
        summary: 'Change one’s password (the current one is checked); every other session of the account ends',
        description: 'A new password the policy refuses answers 422 with each problem in `error.problems`.',
        tags: ['account'],
        body: PasswordChange,
        response: { ...NO_CONTENT, ...ERRORS },
      },
    },
    async (request, reply) => {
      const keep = request.credential === 'session' ? request.session.sessionId : undefined;
      await accounts.users.changePassword(accountIdOf(request), request.body, actorOf(request), keep);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions',
    { config: { access: 'canUseAccount' }, schema: { operationId: 'listSessions', summary: 'The account’s sessions, newest first, the current one marked', tags: ['account'], response: { 200: SessionList, ...ERRORS } } },
    async (request) => {
      const current = request.credential === 'session' ? accounts.sessions.handleOf(request.session.sessionId) : undefined;
      const sessions = await accounts.sessions.list(accountIdOf(request));
      return { sessions: sessions.map((s) => ({ ...s, current: s.handle === current })) };
    },
  );

  app.delete(
    '/sessions/:handle',
    {
      config: { access: 'canChangeAccount' },
      schema: {
        operationId: 'endSession',
        summary: 'End one of the account’s sessions (signed out there at its next request; the current password is checked)',
        description: 'A wrong `password` answers 403 `wrong_password` and counts as a failed sign-in; 429 `rate_limited` while sign-in is throttled.',
        tags: ['account'],
        params: SessionHandleParams,
        body: PasswordConfirmation,
        response: { ...NO_CONTENT, ...ERRORS },
      },
    },
    async (request, reply) => {
      const id = accountIdOf(request);
      await accounts.reauthenticate(id, request.body.password, actorOf(request));
      if (!(await accounts.sessions.destroyByHandle(id, request.params.handle))) throw new NotFoundError('No such session of this account: it may have ended already');
      return reply.code(204).send(null);
    },
  );
  done();
};
