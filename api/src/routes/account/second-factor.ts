import { PasswordConfirmation, RecoveryCodes, SecondFactorCode, SecondFactorSetup } from '@disan/schemas';
import { accountIdOf, actorOf, ERRORS, NO_CONTENT, type RoutePlugin } from '../context.ts';

/** `/api/account/second-factor`: a TOTP second factor, begun, confirmed with a first code, or turned off with the password. */
export const secondFactorRoutes: RoutePlugin = (app, { archive }, done) => {
  const { secondFactor } = archive.accounts;

  app.post(
    '',
    {
      config: { access: 'canChangeAccount' },
      schema: { operationId: 'beginSecondFactor', summary: 'A new TOTP secret for an authenticator app; not on until confirmed', tags: ['account'], response: { 200: SecondFactorSetup, ...ERRORS } },
    },
    async (request) => secondFactor.begin(accountIdOf(request)),
  );

  app.post(
    '/confirm',
    {
      config: { access: 'canChangeAccount' },
      schema: { operationId: 'confirmSecondFactor', summary: 'Turn the second factor on with a first code; answers ten recovery codes, shown once', tags: ['account'], body: SecondFactorCode, response: { 200: RecoveryCodes, ...ERRORS } },
    },
    async (request) => ({ recoveryCodes: await secondFactor.confirm(accountIdOf(request), request.body.code, actorOf(request)) }),
  );

  app.delete(
    '',
    {
      config: { access: 'canChangeAccount' },
      schema: { operationId: 'disableSecondFactor', summary: 'Turn the second factor off (the password is checked)', tags: ['account'], body: PasswordConfirmation, response: { ...NO_CONTENT, ...ERRORS } },
    },
    async (request, reply) => {
      await secondFactor.disable(accountIdOf(request), request.body.password, actorOf(request));
      return reply.code(204).send(null);
    },
  );
  done();
};
