import type { WorkspaceRecord } from '@disan/schemas';
import { canEditRecord, canRetryMedia, canUpload, canUseWorkspace, type Viewer } from '../access/index.ts';
import { writeAudit } from '../catalog/audit.ts';
import type { Sql } from '../database/database.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { JOB_PRIORITY } from '../jobs/types.ts';
import { firstJobFor } from '../processing/first-job.ts';
import { failedMedia } from './my-work.ts';
import { mediaOnVersion, mediaRow, readState, type MediaRow, type RecordState } from './state.ts';
import type { WorkspaceMediaOperations } from './types.ts';
import { actorOf } from './view.ts';
import { comeBack, editTarget, leave, refuse, type Change, type ChangeBuilder } from './write.ts';

interface MediaDeps {
  db: Sql;
  jobs: JobQueue;
  step(viewer: Viewer, id: string, ifMatch: number | null, build: ChangeBuilder): Promise<WorkspaceRecord>;
}

const isOnHead = (row: MediaRow, state: RecordState) => row.addedIn <= state.headVersion && (row.removedIn === null || row.removedIn > state.headVersion);

/** A medium of the record's head, or NotFoundError. */
async function headMedium(tx: Sql, state: RecordState, mediaId: string): Promise<MediaRow> {
  const row = await mediaRow(tx, mediaId);
  if (!row || row.media.itemId !== state.id || !isOnHead(row, state)) throw new NotFoundError(`Record ${state.id} has no file ${mediaId}`);
  return row;
}

/** A change of the record's files: a version (action `media`) with the head's fields as they are. */
/** A change of the files: its note is the person's own (the files it adds and removes are in the version's summary, see fileChanges). */
function mediaChange(state: RecordState, media: Change['media'], audit: Record<string, unknown>, note?: string): Change {
  const { target, status } = editTarget(state);
  return { action: 'media', target, data: { ...state.head, status }, media, note, audit };
}

export function createMediaOperations(deps: MediaDeps): Omit<WorkspaceMediaOperations, 'setRecording'> {
  /** The common part of every media change: the edit right in the workflow's state. */
  const edit = (viewer: Viewer, itemId: string, ifMatch: number | null, build: ChangeBuilder) =>
    deps.step(viewer, itemId, ifMatch, (state, tx) => {
      if (!canEditRecord(viewer, { status: state.workflow })) throw refuse('change the files of', state);
      return build(state, tx);
    });

  return {
    attach(viewer, itemId, mediaId, options = {}) {
      return deps.step(viewer, itemId, null, async (state, tx) => {
        if (!canUpload(viewer, { status: state.workflow })) throw refuse('upload to', state);
        const row = await mediaRow(tx, mediaId);
        if (!row || row.media.itemId !== itemId) throw new NotFoundError(`File ${mediaId} was not registered for record ${itemId}`);
        // The registration job may run twice: the second finds the file on the head already.
        if (isOnHead(row, state)) return null;
        const replaced = options.replaces === undefined ? undefined : await headMedium(tx, state, options.replaces);
        if (options.captionsFor !== undefined) await headMedium(tx, state, options.captionsFor);
        const positions = (await mediaOnVersion(tx, itemId, state.headVersion)).map((m) => m.media.position);
        const position = replaced?.media.position ?? (positions.length === 0 ? 0 : Math.max(...positions) + 1);
        const caption = options.caption ?? replaced?.media.caption ?? row.media.caption ?? null;
        const captionLang = options.captionLang ?? (options.caption === undefined ? replaced?.media.captionLang : undefined) ?? null;
        return mediaChange(
          state,
          async (inner, version) => {
            await comeBack(inner, mediaId, row, version, state.faceVersion);
            await inner.query(
              'UPDATE media SET position = $2, caption = $3, caption_lang = $4, captions_for = $5, replaces = $6, is_cover = $7, updated_at = now() WHERE id = $1',
              [mediaId, position, caption, captionLang, options.captionsFor ?? replaced?.media.captionsFor ?? null, replaced?.media.id ?? null, replaced?.media.cover ?? false],
            );
            if (replaced) await leave(inner, replaced.media.id, version);
          },
          { media: mediaId, ...(replaced ? { replaces: replaced.media.id } : {}) },
        );
      });
    },

    reorder(viewer, itemId, mediaIds, options) {
      return edit(viewer, itemId, options.ifMatch, async (state, tx) => {
        const current = await mediaOnVersion(tx, itemId, state.headVersion);
        const ids = current.map((row) => row.media.id);
        const same = new Set(mediaIds).size === mediaIds.length && mediaIds.length === ids.length && mediaIds.every((id) => ids.includes(id));
        if (!same) throw new ValidationError(`The new order must name each of the record's ${ids.length} files once: ${ids.join(', ')}`);
        if (mediaIds.every((id, index) => ids[index] === id)) return null;
        return mediaChange(
          state,
          async (inner) => {
            for (const [position, id] of mediaIds.entries()) await inner.query('UPDATE media SET position = $2, updated_at = now() WHERE id = $1', [id, position]);
          },
          { order: mediaIds },
          options.note,
        );
      });
    },

    setCover(viewer, itemId, mediaId, options) {
      return edit(viewer, itemId, options.ifMatch, async (state, tx) => {
        await headMedium(tx, state, mediaId);
        const current = await mediaOnVersion(tx, itemId, state.headVersion);
        if (current.every((row) => row.media.cover === (row.media.id === mediaId))) return null;
        return mediaChange(
          state,
          async (inner) => {
            for (const row of current) await inner.query('UPDATE media SET is_cover = $2, updated_at = now() WHERE id = $1', [row.media.id, row.media.id === mediaId]);
          },
          { cover: mediaId },
          options.note,
        );
      });
    },

    describe(viewer, itemId, mediaId, details, options) {
      return edit(viewer, itemId, options.ifMatch, async (state, tx) => {
        const row = await headMedium(tx, state, mediaId);
        if (details.captionsFor !== undefined && details.captionsFor !== null) {
          if (details.captionsFor === mediaId) throw new ValidationError('A caption file cannot belong to itself');
          await headMedium(tx, state, details.captionsFor);
        }
        const next = {
          caption: details.caption === undefined ? (row.media.caption ?? null) : details.caption,
          captionLang: details.captionLang === undefined ? (row.media.captionLang ?? null) : details.captionLang,
          captionsFor: details.captionsFor === undefined ? (row.media.captionsFor ?? null) : details.captionsFor,
        };
        const before = { caption: row.media.caption ?? null, captionLang: row.media.captionLang ?? null, captionsFor: row.media.captionsFor ?? null };
        if (JSON.stringify(next) === JSON.stringify(before)) return null;
        return mediaChange(
          state,
          async (inner) => {
            await inner.query('UPDATE media SET caption = $2, caption_lang = $3, captions_for = $4, updated_at = now() WHERE id = $1', [
              mediaId,
              next.caption,
              next.captionLang,
              next.captionsFor,
            ]);
          },
          { media: mediaId, ...next },
          options.note,
        );
      });
    },

    remove(viewer, itemId, mediaId, options) {
      return edit(viewer, itemId, options.ifMatch, async (state, tx) => {
        // Refuses a file that is not on the head (NotFoundError).
        await headMedium(tx, state, mediaId);
        return mediaChange(state, (inner, version) => leave(inner, mediaId, version), { removed: mediaId }, options.note);
      });
    },

    async retry(viewer, mediaId) {
      if (!canUseWorkspace(viewer)) return null;
      const row = await mediaRow(deps.db, mediaId);
      const state = row ? await readState(deps.db, row.media.itemId) : null;
      if (!row || !state) return null;
      if (!canRetryMedia(viewer, { status: state.workflow })) throw refuse('retry the files of', state);
      if (row.media.status !== 'failed') throw new ConflictError(`File ${mediaId} has not failed (it is ${row.media.status})`);
      const jobType = firstJobFor(row.media.kind);
      if (!jobType) throw new ConflictError(`Files of kind ${row.media.kind} are kept as they are: there is nothing to retry`);
      const failure = failedMedia({
        id: mediaId,
        item_id: state.id,
        title: state.head.title,
        original_name: row.media.originalName,
        kind: row.media.kind,
        status: 'pending',
        error: row.media.error ?? null,
        updated_at: row.updatedAt,
      });
      await deps.db.transaction(async (tx) => {
        await tx.query(`UPDATE media SET status = 'pending', error = NULL, updated_at = now() WHERE id = $1`, [mediaId]);
        await writeAudit(tx, { actor: actorOf(viewer), action: 'media.retry', target: mediaId, details: { itemId: state.id, error: failure.error } });
      });
      await deps.jobs.enqueue(jobType, mediaId, { mediaId }, { priority: JOB_PRIORITY.upload, requeueFailed: true, runNow: true });
      return failure;
    },
  };
}
