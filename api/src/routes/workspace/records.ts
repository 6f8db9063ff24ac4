import {
  CompareQuery,
  IdParams,
  RecordVersionParams,
  RestoreBody,
  ReviewStepBody,
  SaveRecordBody,
  SendBackBody,
  VersionComparison,
  VersionConflictBody,
  VersionDetail,
  VersionList,
  WithdrawBody,
  WorkspaceRecord,
} from '@disan/schemas';
import { NotFoundError } from '@disan/ingest';
import { ifMatchOf, withVersionTag } from '../../http/if-match.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** The answers of a change: the record with its new ETag, or 412 with the head someone else saved. */
const CHANGED = { 200: WorkspaceRecord, 412: VersionConflictBody, ...ERRORS } as const;
const TAGS = ['workspace'];
const IF_MATCH = 'Needs `If-Match: "v<version>"` (the ETag of the head it was made from): 428 `precondition_required` without it, 412 `version_conflict` with the current head in `current` when someone saved since.';

/**
 * `/api/workspace/records`: a record's head, its versions and their comparison, and the
 * review steps. Every change needs If-Match; the engine applies the record-state rules
 * (403 `forbidden`) and answers 409 `conflict` for a step that makes no sense in the state.
 */
export const recordRoutes: RoutePlugin = (app, { archive }, done) => {
  const { workspace } = archive;
  const found = <T>(value: T | null, id: string): T => {
    if (value === null) throw new NotFoundError(`Record ${id} not found`);
    return value;
  };

  app.post(
    '',
    {
      config: { access: 'canCreateRecord' },
      schema: { operationId: 'createRecord', summary: 'A new record, as a draft (version 1)', description: 'A taken id answers 409 `conflict`.', tags: TAGS, body: SaveRecordBody, response: { 201: WorkspaceRecord, ...ERRORS } },
    },
    async (request, reply) => {
      const record = await workspace.create(request.viewer, request.body.item, { note: request.body.note });
      reply.header('location', `/api/workspace/records/${encodeURIComponent(record.item.id)}`);
      return reply.code(201).send(withVersionTag(reply, record));
    },
  );

  app.get(
    '/:id',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'getRecord', summary: 'The head of a record as the workspace edits it, with its ETag', tags: TAGS, params: IdParams, response: { 200: WorkspaceRecord, ...ERRORS } } },
    async (request, reply) => withVersionTag(reply, found(await workspace.get(request.viewer, request.params.id), request.params.id)),
  );

  app.put(
    '/:id',
    {
      config: { access: 'canUseWorkspace' },
      schema: {
        operationId: 'saveRecord',
        summary: 'A new version of the record (a revision, when it is published); nothing when the content is the same',
        description: IF_MATCH,
        tags: TAGS,
        params: IdParams,
        body: SaveRecordBody,
        response: CHANGED,
      },
    },
    async (request, reply) => {
      const { record } = await workspace.save(request.viewer, request.params.id, request.body.item, { ifMatch: ifMatchOf(request), note: request.body.note });
      return withVersionTag(reply, record);
    },
  );

  app.get(
    '/:id/versions',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'listRecordVersions', summary: 'Every version of the record, newest first', tags: TAGS, params: IdParams, response: { 200: VersionList, ...ERRORS } } },
    async (request) => found(await workspace.versions(request.viewer, request.params.id), request.params.id),
  );

  app.get(
    '/:id/versions/:version',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'getRecordVersion', summary: 'One version of the record, with its fields and files', tags: TAGS, params: RecordVersionParams, response: { 200: VersionDetail, ...ERRORS } } },
    async (request) => found(await workspace.version(request.viewer, request.params.id, request.params.version), `${request.params.id} version ${request.params.version}`),
  );

  app.get(
    '/:id/compare',
    {
      config: { access: 'canUseWorkspace' },
      schema: { operationId: 'compareRecordVersions', summary: 'Two versions compared field by field and language by language', tags: TAGS, params: IdParams, querystring: CompareQuery, response: { 200: VersionComparison, ...ERRORS } },
    },
    async (request) => found(await workspace.compare(request.viewer, request.params.id, request.query.from, request.query.to), `${request.params.id} versions ${request.query.from}, ${request.query.to}`),
  );

  app.post(
    '/:id/versions/:version/restore',
    {
      config: { access: 'canUseWorkspace' },
      schema: { operationId: 'restoreRecordVersion', summary: 'A new version with the fields and files of an old one', description: IF_MATCH, tags: TAGS, params: RecordVersionParams, body: RestoreBody, response: CHANGED },
    },
    async (request, reply) =>
      withVersionTag(reply, await workspace.restore(request.viewer, request.params.id, request.params.version, { ifMatch: ifMatchOf(request), note: request.body.note })),
  );

  app.post(
    '/:id/submit',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'submitRecord', summary: 'Submit a draft for review', description: IF_MATCH, tags: TAGS, params: IdParams, body: ReviewStepBody, response: CHANGED } },
    async (request, reply) => withVersionTag(reply, await workspace.submit(request.viewer, request.params.id, { ifMatch: ifMatchOf(request), note: request.body.note })),
  );

  app.post(
    '/:id/publish',
    {
      config: { access: 'canUseWorkspace' },
      schema: { operationId: 'publishRecord', summary: 'Publish the record (a revision becomes what the public reads)', description: IF_MATCH, tags: TAGS, params: IdParams, body: ReviewStepBody, response: CHANGED },
    },
    async (request, reply) => withVersionTag(reply, await workspace.publish(request.viewer, request.params.id, { ifMatch: ifMatchOf(request), note: request.body.note })),
  );

  app.post(
    '/:id/send-back',
    {
      config: { access: 'canUseWorkspace' },
      schema: { operationId: 'sendBackRecord', summary: 'Send the record back to its archivist with a comment', description: IF_MATCH, tags: TAGS, params: IdParams, body: SendBackBody, response: CHANGED },
    },
    async (request, reply) => withVersionTag(reply, await workspace.sendBack(request.viewer, request.params.id, { ifMatch: ifMatchOf(request), comment: request.body.comment })),
  );

  app.post(
    '/:id/withdraw',
    {
      config: { access: 'canUseWorkspace' },
      schema: { operationId: 'withdrawRecord', summary: 'Withdraw a published record: the public gets a tombstone with the reason', description: IF_MATCH, tags: TAGS, params: IdParams, body: WithdrawBody, response: CHANGED },
    },
    async (request, reply) => withVersionTag(reply, await workspace.withdraw(request.viewer, request.params.id, { ifMatch: ifMatchOf(request), reason: request.body.reason })),
  );
  done();
};
