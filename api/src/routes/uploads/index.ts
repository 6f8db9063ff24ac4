import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UploadOutcome, UploadQuota } from '@disan/schemas';
import { canSeeUpload } from '@disan/ingest/access';
import { createSharedUploadLocker, createUploadRows, createUploadStore, type UploadRow } from '@disan/ingest/uploads';
import { NotFoundError } from '@disan/ingest';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { createTusServer, TusRefusal } from './tus.ts';

const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{32}$' }) });
const TUS_ANSWERS = { '2xx': { type: 'null', description: 'A tus 1.0.0 answer: headers only (Upload-Offset, Location, Upload-Expires)' }, ...ERRORS } as const;
const TUS_TAGS = ['uploads'];

/**
 * Resumable uploads (tus 1.0.0) under /uploads, for the workspace: POST creates (with
 * Upload-Length and Upload-Metadata `filename`, `record`...), HEAD tells the offset,
 * PATCH appends (application/offset+octet-stream, streamed to the store: Fastify's body
 * limit does not apply, nothing is buffered), DELETE cancels. Every door is
 * canUseWorkspace; creating asks canUpload on the record; an existing upload answers
 * only its uploader and admins (anyone else gets the 404 of an unknown upload). Then
 * GET /uploads/{id}/outcome (how it ended) and GET /uploads/quota.
 */
export const uploadRoutes: RoutePlugin = (app, { archive, config }, done) => {
  const rows = createUploadRows(archive.db);
  const store = createUploadStore(config, archive.storage);
  const requests = new WeakMap<object, FastifyRequest>();
  const locker = createSharedUploadLocker(archive.db);
  if (locker !== undefined) app.addHook('onClose', async () => { await locker.close(); });
  const { server: tus, finish } = createTusServer({ archive, config, rows, store, locker }, requests);

  // The body is tus's to read from the raw request, streamed to the store as it comes.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, parsed) => { parsed(null); });

  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    requests.set(request.raw, request);
    reply.raw.setHeader('x-request-id', request.id);
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };

  /** The upload the path names, when the viewer may touch it; else tus's answer for an unknown upload. */
  const ownUpload = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Promise<UploadRow | undefined> => {
    const upload = await rows.get(request.params.id);
    if (upload !== null && canSeeUpload(request.viewer, upload)) return upload;
    const refusal = new TusRefusal(404, 'not_found', `There is no upload ${request.params.id}`, request.id);
    await reply.code(404).header('tus-resumable', '1.0.0').type('application/json').send(refusal.body);
    return undefined;
  };

  app.post('', { config: { access: 'canUseWorkspace' }, schema: { operationId: 'createUpload', summary: 'Begins a resumable upload (tus creation)', tags: TUS_TAGS, response: TUS_ANSWERS } }, handOver);

  app.head<{ Params: { id: string } }>(
    '/:id',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'uploadOffset', summary: 'How many bytes of an upload arrived (tus HEAD)', tags: TUS_TAGS, params: IdParams, response: TUS_ANSWERS } },
    async (request, reply) => {
      const upload = await ownUpload(request, reply);
      if (upload === undefined) return;
      await handOver(request, reply);
    },
  );

  app.patch<{ Params: { id: string } }>(
    '/:id',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'appendUpload', summary: 'Appends bytes to an upload (tus PATCH)', tags: TUS_TAGS, params: IdParams, response: TUS_ANSWERS } },
    async (request, reply) => {
      const upload = await ownUpload(request, reply);
      if (upload === undefined) return;
      if (upload.state === 'expired') {
        const refusal = new TusRefusal(410, 'gone', `The upload of ${upload.name} expired before it was finished; send the file again`, request.id);
        await reply.code(410).header('tus-resumable', '1.0.0').type('application/json').send(refusal.body);
        return;
      }
      await handOver(request, reply);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/:id',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'cancelUpload', summary: 'Cancels an unfinished upload (tus termination)', tags: TUS_TAGS, params: IdParams, response: TUS_ANSWERS } },
    async (request, reply) => {
      const upload = await ownUpload(request, reply);
      if (upload === undefined) return;
      await handOver(request, reply);
      if (reply.raw.statusCode === 204 && upload.state === 'receiving') await rows.end(upload.id, { state: 'failed', reason: 'cancelled by the uploader', code: 'cancelled' });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/:id/outcome',
    {
      config: { access: 'canUseWorkspace' },
      schema: { operationId: 'getUploadOutcome', summary: 'How an upload ended, or how far it got (its uploader and admins)', tags: TUS_TAGS, params: IdParams, response: { 200: UploadOutcome, ...ERRORS } },
    },
    async (request): Promise<UploadOutcome> => {
      const upload = await rows.get(request.params.id);
      if (upload === null || !canSeeUpload(request.viewer, upload)) throw new NotFoundError(`There is no upload ${request.params.id}`);
      let { state } = upload;
      const offset = state === 'receiving' ? ((await store.progress(upload.id))?.offset ?? 0) : state === 'expired' ? 0 : upload.size;
      // A crash between the last bytes and the job leaves a complete upload "receiving"; the
      // client, told by HEAD that all arrived, asks here next: the job is queued now.
      if (state === 'receiving' && offset === upload.size) {
        await finish(upload.id);
        state = 'registering';
      }
      return {
        id: upload.id,
        record: upload.itemId,
        name: upload.name,
        size: upload.size,
        state,
        offset,
        ...(upload.mediaId === null ? {} : { mediaId: upload.mediaId }),
        ...(upload.reason === null ? {} : { reason: upload.reason }),
        ...(upload.reasonCode === null ? {} : { reasonCode: upload.reasonCode }),
        ...(state === 'done' ? { duplicate: upload.metadata.duplicate === true } : {}),
      };
    },
  );

  app.get(
    '/quota',
    { config: { access: 'canUseWorkspace' }, schema: { operationId: 'getUploadQuota', summary: 'The signed-in account’s upload quota, file size limit and chunk size', tags: TUS_TAGS, response: { 200: UploadQuota, ...ERRORS } } },
    async (request): Promise<UploadQuota> => {
      const { viewer } = request;
      const usedBytes = viewer.kind === 'user' && viewer.id !== undefined ? await rows.usedBytes(viewer.id) : 0;
      return { usedBytes, quotaBytes: config.uploads.quotaBytes, maxFileBytes: config.ingest.maxFileBytes, chunkBytes: config.uploads.chunkBytes };
    },
  );
  done();
};
