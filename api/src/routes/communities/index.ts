import type { FastifyRequest } from 'fastify';
import { Community, CommunityList, CommunityParams, MemberList, MemberParams, MemberRequest, NewCommunity } from '@disan/schemas';
import { canManageCommunity } from '@disan/ingest/access';
import { NotFoundError } from '@disan/ingest';
import { actorOf, ERRORS, NO_CONTENT, type RoutePlugin } from '../context.ts';

/**
 * `/api/communities`: admins create communities; each community's stewards (and admins)
 * decide who belongs to it. A community the viewer may not manage answers 404 like one
 * that does not exist: who stewards what is nobody else's business.
 */
export const communityRoutes: RoutePlugin = (app, { archive }, done) => {
  const { accounts } = archive;
  const managed = async (request: FastifyRequest, id: string) => {
    if (!canManageCommunity(request.viewer, id) || !(await accounts.communities.list()).some((c) => c.id === id)) throw new NotFoundError(`No community ${id}`);
  };

  app.get(
    '',
    { config: { access: 'canStewardCommunities' }, schema: { operationId: 'listCommunities', summary: 'The communities the viewer manages: all for admins, their own for stewards', tags: ['users'], response: { 200: CommunityList, ...ERRORS } } },
    async (request) => ({ communities: (await accounts.communities.list()).filter((c) => canManageCommunity(request.viewer, c.id)) }),
  );

  app.post(
    '',
    { config: { access: 'canManageCommunities' }, schema: { operationId: 'createCommunity', summary: 'A new community, named by the code records use in `access.communities`', tags: ['users'], body: NewCommunity, response: { 201: Community, ...ERRORS } } },
    async (request, reply) => reply.code(201).send(await accounts.communities.create(request.body, actorOf(request))),
  );

  app.get(
    '/:id/members',
    { config: { access: 'canManageCommunity' }, schema: { operationId: 'listMembers', summary: 'Who belongs to a community, and who stewards it', tags: ['users'], params: CommunityParams, response: { 200: MemberList, ...ERRORS } } },
    async (request) => {
      await managed(request, request.params.id);
      return { members: await accounts.communities.members(request.params.id) };
    },
  );

  app.put(
    '/:id/members',
    {
      config: { access: 'canManageCommunity' },
      schema: { operationId: 'setMember', summary: 'Add a person (by the email of their account) to a community, or change whether they steward it', tags: ['users'], params: CommunityParams, body: MemberRequest, response: { 200: MemberList, ...ERRORS } },
    },
    async (request) => {
      const { id } = request.params;
      await managed(request, id);
      const account = await accounts.users.findByEmail(request.body.email);
      if (!account) throw new NotFoundError(`No account has the email ${request.body.email}: an admin invites the person first`);
      await accounts.communities.setMember(id, account.id, { steward: request.body.steward }, actorOf(request));
      app.accountCache.forget(account.id);
      return { members: await accounts.communities.members(id) };
    },
  );

  app.delete(
    '/:id/members/:userId',
    { config: { access: 'canManageCommunity' }, schema: { operationId: 'removeMember', summary: 'Take a person out of a community: their sessions end', tags: ['users'], params: MemberParams, response: { ...NO_CONTENT, ...ERRORS } } },
    async (request, reply) => {
      const { id, userId } = request.params;
      await managed(request, id);
      await accounts.communities.removeMember(id, userId, actorOf(request));
      app.accountCache.forget(userId);
      return reply.code(204).send(null);
    },
  );
  done();
};
