import type { FastifyRequest } from 'fastify';
import { Server, type Locker, type ServerOptions, type Upload } from '@tus/server';
import { UPLOAD_METADATA_KEYS } from '@disan/schemas';
import type { Archive } from '@disan/ingest';
import { canUpload, type Viewer } from '@disan/ingest/access';
import type { Config } from '@disan/ingest/config';
import { JOB_PRIORITY } from '@disan/ingest/jobs';
import type { UploadRows, UploadStore } from '@disan/ingest/uploads';

/** Where tus is mounted; Location headers are relative to it, so they work through the site's /api proxy. */
export const UPLOADS_PATH = '/api/uploads';

/** A refusal as tus answers it (tus reads `status_code` and `body`), the body in the API's error shape. */
export class TusRefusal extends Error {
  readonly status_code: number;
  readonly body: string;
  constructor(status: number, code: string, message: string, requestId: string) {
    super(message);
    this.status_code = status;
    this.body = JSON.stringify({ error: { status, code, message, requestId } });
  }
}

export interface UploadsDeps {
  archive: Pick<Archive, 'jobs' | 'catalog'>;
  /** Across processes (PostgreSQL); tus's memory locker when undefined (PGlite, one process). */
  locker: Locker | undefined;
  config: Config;
  rows: UploadRows;
  store: UploadStore;
}

/** tus hands its hooks a web Request over Node's; the Fastify request behind it holds the viewer. */
type Requests = WeakMap<object, FastifyRequest>;

/**
 * The tus 1.0.0 server (creation, termination, expiration). Whose the upload is and to
 * which record it goes are decided when it is created (onUploadCreate): the viewer may
 * upload to that record in its workflow state (canUpload), the size is within
 * DISAN_MAX_FILE_BYTES and the account's quota (checked as the row is written).
 * A finished upload is handed to the `upload.register` job before its last answer.
 */
export function createTusServer(deps: UploadsDeps, requests: Requests): { server: Server; finish: (id: string) => Promise<void> } {
  const { config, rows, store, archive, locker } = deps;
  const requestOf = (req: { runtime?: { node?: { req?: object } | undefined } | undefined }) => {
    const raw = req.runtime?.node?.req;
    const request = raw === undefined ? undefined : requests.get(raw);
    if (request === undefined) throw new Error('a tus request reached the upload server without going through its Fastify route');
    return request;
  };

  const finish = async (id: string) => {
    await rows.finishReceiving(id);
    // Durable before the client hears "done": a crash after this line still registers the file.
    await archive.jobs.enqueue('upload.register', id, { uploadId: id }, { priority: JOB_PRIORITY.upload, runNow: true });
  };

  const onUploadCreate: ServerOptions['onUploadCreate'] = async (req, upload) => {
    const request = requestOf(req);
    const refuse = (status: number, code: string, message: string) => new TusRefusal(status, code, message, request.id);
    const viewer: Viewer = request.viewer;
    if (viewer.kind !== 'user' || viewer.id === undefined) throw refuse(403, 'forbidden', 'Uploads belong to an account: sign in to upload');
    const id = store.idOf(upload.id);
    if (id === undefined) throw new Error(`tus named an upload ${upload.id}, not one of ours`);
    const meta = metadataOf(upload);
    const recordId = meta.record;
    if (recordId === undefined) throw refuse(400, 'invalid', 'Upload-Metadata must name the record the file is for (`record`)');
    const name = meta.filename;
    if (name === undefined || name.length > 1000) throw refuse(400, 'invalid', 'Upload-Metadata must give the file’s name (`filename`, at most 1000 characters)');
    const size = upload.size;
    if (size === undefined) throw refuse(400, 'invalid', 'Upload-Length is required: uploads of unknown length are not taken');
    const limit = config.ingest.maxFileBytes;
    if (size > limit) throw refuse(413, 'too_large', `${name} is ${size} bytes, above the limit of ${limit} bytes per file (DISAN_MAX_FILE_BYTES)`);
    if (size === 0) throw refuse(400, 'invalid', `${name} is empty (0 bytes): there is nothing to upload`);
    const state = await rows.workflowStateOf(recordId);
    if (state === null) throw refuse(404, 'not_found', `There is no record ${recordId} to upload to`);
    if (!canUpload(viewer, { status: state })) throw refuse(403, 'forbidden', `You may not add files to ${recordId} while it is ${state}`);
    const created = await rows.create(
      { id, accountId: viewer.id, itemId: recordId, name, size, metadata: meta, expiresAt: new Date(Date.now() + config.uploads.expiryMs) },
      config.uploads.quotaBytes,
    );
    if (created === 'over-quota') {
      const used = await rows.usedBytes(viewer.id);
      throw refuse(413, 'quota_exceeded', `${name} (${size} bytes) does not fit in your upload quota: ${used} of ${config.uploads.quotaBytes ?? 0} bytes are used (DISAN_UPLOAD_QUOTA_BYTES). Ask an admin for more room.`);
    }
    return {};
  };

  const server = new Server({
    path: UPLOADS_PATH,
    datastore: store.datastore,
    relativeLocation: true,
    // One request at a time per upload: a resume asks the stale request to let go, in any process (see createSharedUploadLocker).
    ...(locker === undefined ? {} : { locker }),
    namingFunction: () => store.tusIdOf(store.newId()),
    generateUrl: (_req, { path, id }) => `${path}/${store.idOf(id) ?? ''}`,
    getFileIdFromRequest: (_req, lastPath) => (lastPath === undefined ? undefined : store.tusIdOf(lastPath)),
    onUploadCreate,
    // tus answers an unexpected error with its message; the API's rule is a generic 5xx body with the request id, the cause logged.
    onResponseError: (req, error) => {
      if (error instanceof TusRefusal || ('status_code' in error && error.status_code < 500)) return undefined;
      let requestId = 'unknown';
      try {
        const request = requestOf(req);
        requestId = request.id;
        request.log.error({ err: error, requestId }, 'upload failed');
      } catch {
        // Not one of ours: nothing to log it with.
      }
      return new TusRefusal(500, 'internal', 'internal error', requestId);
    },
    onUploadFinish: async (_req, upload) => {
      const id = store.idOf(upload.id);
      if (id !== undefined) await finish(id);
      return {};
    },
  });
  return { server, finish };
}

/** The metadata keys the workspace knows, as text; others are dropped. */
function metadataOf(upload: Upload): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const key of UPLOAD_METADATA_KEYS) {
    const value = upload.metadata?.[key];
    if (typeof value === 'string' && value !== '') meta[key] = value;
  }
  return meta;
}
