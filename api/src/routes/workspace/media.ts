import { CoverBody, FailedMedia, IdParams, MediaDetailsBody, MediaIdParams, MediaOrderBody, RecordMediaParams, VersionConflictBody, WorkspaceRecord } from '@disan/schemas';
import { NotFoundError } from '@disan/ingest';
import { ifMatchOf, withVersionTag } from '../../http/if-match.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

const CHANGED = { 200: WorkspaceRecord, 412: VersionConflictBody, ...ERRORS } as const;
const TAGS = ['workspace'];
const IF_MATCH = 'Needs `If-Match: "v<version>"`: 428 without it, 412 with the current head when someone saved since. Each change is a version (action `media`).';

/** `/api/workspace/records/{id}/…`: the files of a record, as part of its history. */
export const recordMediaRoutes: RoutePlugin = (app, { archive }, done) => {
  const { media } = archive.workspace;

  app.put(
    '/:id/media/order',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'orderRecordMedia', summary: 'Put the record’s files in a new order', description: IF_MATCH, tags: TAGS, params: IdParams, body: MediaOrderBody, response: CHANGED } },
    async (request, reply) => withVersionTag(reply, await media.reorder(request.viewer, request.params.id, request.body.mediaIds, { ifMatch: ifMatchOf(request) })),
  );

  app.put(
    '/:id/cover',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'setRecordCover', summary: 'Choose the file that stands for the record', description: IF_MATCH, tags: TAGS, params: IdParams, body: CoverBody, response: CHANGED } },
    async (request, reply) => withVersionTag(reply, await media.setCover(request.viewer, request.params.id, request.body.mediaId, { ifMatch: ifMatchOf(request) })),
  );

  app.patch(
    '/:id/media/:mediaId',
    {
      config: { access: 'canUseWorkspace' },
      schema: { operationId: 'describeRecordMedia', summary: 'Caption, caption language, or the recording a caption file belongs to (null clears)', description: IF_MATCH, tags: TAGS, params: RecordMediaParams, body: MediaDetailsBody, response: CHANGED },
    },
    async (request, reply) => withVersionTag(reply, await media.describe(request.viewer, request.params.id, request.params.mediaId, request.body, { ifMatch: ifMatchOf(request) })),
  );

  app.delete(
    '/:id/media/:mediaId',
    {
      config: { access: 'canUseWorkspace' },
      schema: { operationId: 'removeRecordMedia', summary: 'Take a file off the record (kept in history and storage; a restore brings it back)', description: IF_MATCH, tags: TAGS, params: RecordMediaParams, response: CHANGED },
    },
    async (request, reply) => withVersionTag(reply, await media.remove(request.viewer, request.params.id, request.params.mediaId, { ifMatch: ifMatchOf(request) })),
  );
  done();
};

/** `/api/workspace/media/{mediaId}/retry`: a file whose processing failed, queued again. */
export const mediaRetryRoutes: RoutePlugin = (app, { archive }, done) => {
  app.post(
    '/:mediaId/retry',
    {
      config: { access: 'canUseWorkspace' },
      schema: {
        operationId: 'retryMedia',
        summary: 'Queue the processing of a failed file again',
        description: '403 `forbidden` when the record may not be changed by the viewer in its state (canRetryMedia); 409 `conflict` when the file has not failed.',
        tags: TAGS,
        params: MediaIdParams,
        response: { 200: FailedMedia, ...ERRORS },
      },
    },
    async (request) => {
      const failed = await archive.workspace.media.retry(request.viewer, request.params.mediaId);
      if (!failed) throw new NotFoundError(`Media ${request.params.mediaId} not found`);
      return failed;
    },
  );
  done();
};
