import { ResetRequest } from '@disan/schemas';
import { deliverLink } from '../../services/links.ts';
import { actorOf, ERRORS, type RoutePlugin } from '../context.ts';

/**
 * `POST /api/password-resets`: a reset link mailed to an active account with that email.
 * The answer is the same 202 whether or not such an account exists, and comes before
 * the mail is sent, so neither the answer nor its time tells who has an account.
 */
export const passwordResetRoutes: RoutePlugin = (app, { archive }, done) => {
  app.post(
    '',
    {
      config: { access: 'anyone' },
      schema: {
        operationId: 'requestPasswordReset',
        summary: 'Ask for a password-reset link by mail (only where SMTP is configured; otherwise an admin sends one)',
        tags: ['accounts'],
        body: ResetRequest,
        response: { 202: { type: 'null', description: 'Accepted: a link is mailed if an active account has this email' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (archive.mailer !== undefined) {
        const log = request.log;
        void archive.accounts.links
          .requestReset(request.body.email, actor)
          .then(async (found) => {
            if (found) await deliverLink(archive, found.account, found.link, log);
          })
          .catch((error: unknown) => { log.error({ err: error }, 'password reset: the link could not be made or sent'); });
      }
      return reply.code(202).send(null);
    },
  );
  done();
};
