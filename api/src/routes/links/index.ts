import { LinkInfo, LinkParams, NewPassword } from '@disan/schemas';
import { NotFoundError } from '@disan/ingest';
import { actorOf, ERRORS, NO_CONTENT, type RoutePlugin } from '../context.ts';

/**
 * `/api/links/{token}`: one-time links (an invitation, a password reset), opened by
 * someone who is not signed in. A link that is unknown, used or expired answers 404,
 * whichever it is. The token is masked in the request log (plugins/request-log.ts).
 */
export const linkRoutes: RoutePlugin = (app, { archive }, done) => {
  const { links } = archive.accounts;

  app.get(
    '/:token',
    { config: { access: 'anyone' }, schema: { operationId: 'getLink', summary: 'What a one-time link is for and whose account it opens, without using it', tags: ['accounts'], params: LinkParams, response: { 200: LinkInfo, ...ERRORS } } },
    async (request, reply) => {
      const link = await links.peek(request.params.token);
      if (!link) throw new NotFoundError('This link is no longer valid: it was used, it expired, or a newer one was sent. Ask for a new one.');
      // A secret in the URL: no cache, no referrer beyond it, whoever asks.
      reply.header('cache-control', 'private, no-store');
      return { purpose: link.purpose, name: link.account.name, email: link.account.email, expiresAt: link.expiresAt };
    },
  );

  app.post(
    '/:token',
    {
      config: { access: 'anyone' },
      schema: {
        operationId: 'useLink',
        summary: 'Set the account’s password with a one-time link (an invitation activates the account); every session of the account ends',
        description: 'A password the policy refuses answers 422 with each problem in `error.problems`; the link stays usable.',
        tags: ['accounts'],
        params: LinkParams,
        body: NewPassword,
        response: { ...NO_CONTENT, ...ERRORS },
      },
    },
    async (request, reply) => {
      const account = await links.consume(request.params.token, request.body.password, actorOf(request));
      app.accountCache.forget(account.id);
      return reply.code(204).send(null);
    },
  );
  done();
};
