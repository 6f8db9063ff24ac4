import { CoverBody, FailedMedia, IdParams, MediaDetailsBody, MediaIdParams, MediaOrderBody, MediaRecordingPatch, RecordMediaParams, VersionConflictBody, WorkspaceMedia, WorkspaceRecord } from '@disan/schemas';
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

/** `/api/workspace/media/{mediaId}/…`: a file whose processing failed, queued again; a recording's speaker, consent and access. */
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

  app.patch(
    '/:mediaId/recording',
    {
      config: { access: 'canUseWorkspace' },
      schema: {
        operationId: 'setMediaRecording',
        summary: 'Set or clear a recording’s speaker, consent, locality and dialect, and the file’s own access rule',
        description:
          'Absent keeps a field, null clears it. Takes effect at once, on the published record too (it decides who may hear a voice), and is written to the audit trail (`media.recording`). ' +
          'A recording whose speaker has not given consent is read by staff only, even once its record is published (the record’s `withheldMedia` lists it). ' +
          '400 `invalid`: a consent given without its date, a date that does not exist or is in the future, a community that does not exist; 403 when the viewer may not change the record in its state (canEditRecord).',
        tags: TAGS,
        params: MediaIdParams,
        body: MediaRecordingPatch,
        response: { 200: WorkspaceMedia, ...ERRORS },
      },
    },
    async (request) => archive.workspace.media.setRecording(request.viewer, request.params.mediaId, request.body),
  );
  done();
};
