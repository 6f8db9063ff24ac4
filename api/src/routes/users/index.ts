import { Account, AccountAdminPatch, AccountIdParams, AccountPage, CreatedAccount, IssuedLink, LinkRequest, NewAccount, UsersQuery } from '@disan/schemas';
import { ConflictError, NotFoundError } from '@disan/ingest';
import { deliverLink } from '../../services/links.ts';
import { actorOf, ERRORS, type RoutePlugin } from '../context.ts';

/**
 * `/api/users`: admins manage accounts, their roles and status, and send invitation or
 * reset links (mailed where SMTP is configured, and always answered to copy). Disabling
 * an account or taking a role away ends its sessions at once (the engine does).
 */
export const userRoutes: RoutePlugin = (app, { archive }, done) => {
  const { accounts } = archive;
  const found = async (id: string) => {
    const account = await accounts.users.get(id);
    if (!account) throw new NotFoundError(`No account ${id}`);
    return account;
  };

  app.get(
    '',
    { config: { access: 'canManageUsers' }, schema: { operationId: 'listUsers', summary: 'Accounts, by name or email', tags: ['users'], querystring: UsersQuery, response: { 200: AccountPage, ...ERRORS } } },
    async (request) => accounts.users.list(request.query),
  );

  app.post(
    '',
    {
      config: { access: 'canManageUsers' },
      schema: { operationId: 'inviteUser', summary: 'Invite a person: an account without a password, and a one-time link to set one', tags: ['users'], body: NewAccount, response: { 201: CreatedAccount, ...ERRORS } },
    },
    async (request, reply) => {
      const { memberships = [], ...input } = request.body;
      const actor = actorOf(request);
      const created = await accounts.users.create(input, actor);
      for (const membership of memberships) await accounts.communities.setMember(membership.community, created.id, { steward: membership.steward }, actor);
      const account = memberships.length > 0 ? await found(created.id) : created;
      const { url, expiresAt, mailed } = await deliverLink(archive, account, await accounts.links.create(account.id, 'invitation', actor), request.log);
      return reply.code(201).send({ account, link: { url, expiresAt }, mailed });
    },
  );

  app.get(
    '/:id',
    { config: { access: 'canManageUsers' }, schema: { operationId: 'getUser', summary: 'One account', tags: ['users'], params: AccountIdParams, response: { 200: Account, ...ERRORS } } },
    async (request) => found(request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'canManageUsers' },
      schema: { operationId: 'updateUser', summary: 'Change an account’s name, language, roles or status; disabling it or taking a role away ends its sessions', tags: ['users'], params: AccountIdParams, body: AccountAdminPatch, response: { 200: Account, ...ERRORS } },
    },
    async (request) => {
      const { id } = request.params;
      const { roles, status } = request.body;
      // An admin cannot lock themselves out: another admin must do it.
      if (request.viewer.kind === 'user' && request.viewer.id === id && (status === 'disabled' || (roles !== undefined && !roles.includes('admin')))) {
        throw new ConflictError('You cannot disable your own account or take away your own admin role; another admin can.');
      }
      await found(id);
      const account = await accounts.users.update(id, request.body, actorOf(request));
      app.accountCache.forget(id);
      return account;
    },
  );

  app.post(
    '/:id/links',
    {
      config: { access: 'canManageUsers' },
      schema: { operationId: 'sendUserLink', summary: 'A new invitation or password-reset link for an account (earlier ones stop working)', tags: ['users'], params: AccountIdParams, body: LinkRequest, response: { 201: IssuedLink, ...ERRORS } },
    },
    async (request, reply) => {
      const account = await found(request.params.id);
      const link = await accounts.links.create(account.id, request.body.purpose, actorOf(request));
      return reply.code(201).send(await deliverLink(archive, account, link, request.log));
    },
  );
  done();
};
