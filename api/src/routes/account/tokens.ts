import { CreatedToken, TokenIdParams, TokenList, TokenRequest } from '@disan/schemas';
import { NotFoundError } from '@disan/ingest';
import { accountIdOf, actorOf, ERRORS, NO_CONTENT, type RoutePlugin } from '../context.ts';

/** `/api/account/tokens`: personal API tokens for scripts, shown once, stored hashed, scoped, expiring, revocable. */
export const tokenRoutes: RoutePlugin = (app, { archive }, done) => {
  const { accounts } = archive;
  const { tokens } = accounts;

  app.get(
    '',
    { config: { access: 'canUseAccount' }, schema: { operationId: 'listTokens', summary: 'The account’s personal API tokens (never the tokens themselves), with their last use', tags: ['account'], response: { 200: TokenList, ...ERRORS } } },
    async (request) => ({ tokens: await tokens.list(accountIdOf(request)) }),
  );

  app.post(
    '',
    {
      config: { access: 'canChangeAccount' },
      schema: {
        operationId: 'createToken',
        summary: 'A new personal API token, shown this once (the current password is checked)',
        description: 'A wrong `password` answers 403 `wrong_password` and counts as a failed sign-in; 429 `rate_limited` while sign-in is throttled.',
        tags: ['account'],
        body: TokenRequest,
        response: { 201: CreatedToken, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { password, ...input } = request.body;
      const id = accountIdOf(request);
      await accounts.reauthenticate(id, password, actorOf(request));
      return reply.code(201).send(await tokens.create(id, input, actorOf(request)));
    },
  );

  app.delete(
    '/:id',
    { config: { access: 'canChangeAccount' }, schema: { operationId: 'revokeToken', summary: 'Revoke a personal API token: it stops working at once', tags: ['account'], params: TokenIdParams, response: { ...NO_CONTENT, ...ERRORS } } },
    async (request, reply) => {
      if (!(await tokens.revoke(accountIdOf(request), request.params.id, actorOf(request)))) throw new NotFoundError(`No token ${request.params.id} on this account`);
      return reply.code(204).send(null);
    },
  );
  done();
};
