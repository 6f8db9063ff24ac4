import type { UploadRefusal } from '@disan/schemas';
import type { Viewer } from '../access/index.ts';
import type { Archive } from '../archive.ts';
import { DisanError, UnsupportedMediaError } from '../errors.ts';
import { DONE, failed, skipped, type JobOutcome } from '../jobs/types.ts';
import { registerOriginal } from '../registration/register.ts';
import type { AttachOptions } from '../workspace/types.ts';
import type { UploadRows } from './rows.ts';
import type { UploadStore } from './store.ts';

/** archive.workspace.media.attach, or what stands for it. */
export type AttachMedium = (viewer: Viewer, itemId: string, mediaId: string, options: AttachOptions) => Promise<unknown>;

export interface RegisterUploadDeps {
  archive: Archive;
  rows: UploadRows;
  store: UploadStore;
  attach: AttachMedium;
}

/**
 * `upload.register`: a finished upload goes through the command line's registration
 * (registerOriginal: type from content, SHA-256, bombs refused from the header, stored
 * once, first job queued) and onto its record's head (workspace.media.attach), as the
 * account that uploaded it; then its tus bytes are removed. Each step is recorded on the
 * upload's row before the next, so a run cut by a crash picks up where it stopped: the
 * medium found is kept on the row, and registration is idempotent by content anyway.
 * A file refused (empty, a bomb, broken, an unknown type) fails the upload with the
 * command line's words; a passing cause (storage, database) is thrown and retried.
 */
export function createRegisterUploadJobHandler({ archive, rows, store, attach }: RegisterUploadDeps) {
  return async function registerUpload({ uploadId }: { uploadId: string }): Promise<JobOutcome> {
    const upload = await rows.get(uploadId);
    if (upload === null) return skipped(`upload ${uploadId} is not in the catalog`);
    if (upload.state !== 'registering') {
      if (upload.state === 'done' || upload.state === 'failed') await store.remove(uploadId);
      return skipped(`upload ${uploadId} is ${upload.state}`);
    }
    const refuse = async (code: UploadRefusal, reason: string, mediaId?: string) => {
      await rows.end(uploadId, { state: 'failed', code, reason, mediaId });
      await store.remove(uploadId);
      return failed(`${upload.name}: ${reason}`);
    };
    const account = await archive.accounts.users.get(upload.accountId);
    if (account === null) return refuse('account-gone', 'the account that uploaded it no longer exists');
    const viewer = archive.accounts.viewerOf(account);

    const meta = upload.metadata;
    const text = (key: string) => (typeof meta[key] === 'string' && meta[key] !== '' ? meta[key] : undefined);
    let { mediaId } = upload;
    let duplicate = meta.duplicate === true;
    if (mediaId === null) {
      const source = await store.open(uploadId).catch(() => undefined);
      if (source === undefined) return refuse('bytes-gone', 'its bytes are gone from the upload store; send the file again');
      const position = (await archive.catalog.media.listForItem(upload.itemId)).length;
      const caption = text('caption');
      let registration;
      try {
        registration = await registerOriginal(
          archive,
          { name: upload.name, size: upload.size, ...source },
          // On no version until attach writes the one that adds it; brought by the uploader.
          { itemId: upload.itemId, position, attachLater: true, actor: `user:${upload.accountId}`, ...(caption ? { caption } : {}) },
        );
      } catch (error) {
        // The file's fault (a bomb, an unreadable header: 4xx, as the command line reports them) fails the
        // upload; a passing cause (storage full or unreachable, the database) is retried.
        if (error instanceof DisanError && error.status < 500) return refuse(error instanceof UnsupportedMediaError ? 'unreadable' : 'other', error.message);
        throw error;
      }
      if (registration.status === 'failed' || registration.mediaId === undefined) {
        const refusal: { code?: UploadRefusal; reason?: string } = registration.status === 'queued' ? {} : registration;
        return refuse(refusal.code ?? 'other', refusal.reason ?? 'the file could not be registered', registration.mediaId);
      }
      mediaId = registration.mediaId;
      // Already there: the same content was on this record before this upload began (its
      // processing may still be running, so `queued` can be a duplicate too). Both times are the database's.
      const medium = await archive.catalog.media.get(mediaId);
      duplicate = registration.status === 'skipped' || (medium !== null && new Date(medium.createdAt) < upload.createdAt);
      await rows.noteRegistered(uploadId, mediaId, duplicate);
    }
    // Also for a file the record had already: attach does nothing when it is on the head,
    // and brings it back when it had been removed.
    try {
      await attach(viewer, upload.itemId, mediaId, { replaces: text('replaces'), captionsFor: text('captionsFor'), caption: text('caption'), captionLang: text('captionLang') });
    } catch (error) {
      // Refused by the rules or the workflow (the record went to review meanwhile): the file
      // stays stored, the upload says why. Anything else may pass: retried.
      if (error instanceof DisanError && error.status < 500) return refuse('not-allowed', error.message, mediaId);
      throw error;
    }
    // The bytes go before the upload says done: whoever reads "done" finds nothing of it
    // left in the upload store. A crash between the two is safe: the medium is on the row.
    await store.remove(uploadId);
    await rows.end(uploadId, { state: 'done', mediaId, duplicate });
    return DONE;
  };
}
