import type { FastifyRequest } from 'fastify';
import { HarvestRunList, HarvestRunQueued, HarvestSource, HarvestSourceChanges, HarvestSourceInput, HarvestSourceList, HarvestSourceParams } from '@disan/schemas';
import { NotFoundError } from '@disan/ingest';
import { createHarvestStore, queueHarvestRun, type HarvestActor } from '@disan/ingest/library';
import { actorOf, ERRORS, NO_CONTENT, type RoutePlugin } from '../context.ts';

/**
 * `/api/harvest-sources`: the OAI-PMH repositories this archive harvests on a schedule
 * (an admin's setting, canManageHarvestSources), their last runs, and "run now", which
 * queues a run for the background workers rather than harvesting inside the request.
 */
export const harvestSourceRoutes: RoutePlugin = (app, { archive }, done) => {
  const store = createHarvestStore(archive.db);
  const auditOf = (request: FastifyRequest): HarvestActor => {
    const actor = actorOf(request);
    return { actor: request.viewer.kind === 'user' ? `user:${actor.id}` : actor.id, address: actor.address, requestId: actor.requestId };
  };
  const found = async (id: string) => {
    const source = await store.view(id);
    if (!source) throw new NotFoundError(`No harvest source ${id}`);
    return source;
  };
  const tags = ['harvest'];

  app.get(
    '',
    { config: { access: 'canManageHarvestSources' }, schema: { operationId: 'listHarvestSources', summary: 'The OAI-PMH repositories this archive harvests, with their last run', tags, response: { 200: HarvestSourceList, ...ERRORS } } },
    async () => ({ sources: await store.list() }),
  );

  app.post(
    '',
    { config: { access: 'canManageHarvestSources' }, schema: { operationId: 'createHarvestSource', summary: 'A repository to harvest on a schedule', tags, body: HarvestSourceInput, response: { 201: HarvestSource, ...ERRORS } } },
    async (request, reply) => {
      const audit = auditOf(request);
      const id = await store.create(request.body, audit.actor, audit);
      return reply.code(201).send(await found(id));
    },
  );

  app.patch(
    '/:id',
    { config: { access: 'canManageHarvestSources' }, schema: { operationId: 'updateHarvestSource', summary: 'Change a source; a new base URL, format or set starts again from the beginning', tags, params: HarvestSourceParams, body: HarvestSourceChanges, response: { 200: HarvestSource, ...ERRORS } } },
    async (request) => {
      if (!(await store.update(request.params.id, request.body, auditOf(request)))) throw new NotFoundError(`No harvest source ${request.params.id}`);
      return found(request.params.id);
    },
  );

  app.delete(
    '/:id',
    { config: { access: 'canManageHarvestSources' }, schema: { operationId: 'deleteHarvestSource', summary: 'Stop harvesting a source; the records it brought in stay', tags, params: HarvestSourceParams, response: { ...NO_CONTENT, ...ERRORS } } },
    async (request, reply) => {
      if (!(await store.remove(request.params.id, auditOf(request)))) throw new NotFoundError(`No harvest source ${request.params.id}`);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/run',
    { config: { access: 'canManageHarvestSources' }, schema: { operationId: 'runHarvestSource', summary: 'Queue a run of the source now', tags, params: HarvestSourceParams, response: { 202: HarvestRunQueued, ...ERRORS } } },
    async (request, reply) => {
      const source = await found(request.params.id);
      const { job, created } = await queueHarvestRun(archive.jobs, source.id, 'manual', source.lastRunAt ?? 'first');
      return reply.code(202).send({ jobId: job.id, created });
    },
  );

  app.get(
    '/:id/runs',
    { config: { access: 'canManageHarvestSources' }, schema: { operationId: 'listHarvestRuns', summary: 'The source\'s recent runs, newest first, with counts and refused records', tags, params: HarvestSourceParams, response: { 200: HarvestRunList, ...ERRORS } } },
    async (request) => {
      await found(request.params.id);
      return { runs: await store.runs(request.params.id) };
    },
  );
  done();
};
