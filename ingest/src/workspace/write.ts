import type { ItemInput, ItemStatus, MediaSnapshot, RecordComment, VersionAction } from '@disan/schemas';
import type { Sql } from '../database/database.ts';
import { writeAudit } from '../catalog/audit.ts';
import { markExposedIfPublic } from '../catalog/oai-stamps.ts';
import { canonicalize } from '../catalog/validate.ts';
import { mediaOnVersion, mediaRow, snapshotOf, type RecordState } from './state.ts';
import { NotPermittedError } from './types.ts';

/** One change of a record, written as one version. */
export interface Change {
  action: VersionAction;
  /** The new version's fields, `status` being the new workflow state. */
  data: ItemInput;
  /**
   * `face`: the public's record changes (any save of a record that is not published,
   * publishing, withdrawing). `revision`: a published record is being edited; the public
   * keeps reading its face.
   */
  target: 'face' | 'revision';
  note?: string | undefined;
  /** Changes to the media rows, made before the version's snapshot is taken; `version` is the new one. */
  media?: (tx: Sql, version: number) => Promise<void>;
  comment?: { kind: RecordComment['kind']; body: string };
  /** Set the withdrawal (withdraw) or clear it (publish). */
  withdrawal?: { reason: string } | 'clear';
  audit?: Record<string, unknown>;
}

/**
 * Writes `change` as the next version of the record, inside `tx` (whose caller holds the
 * row lock from readState): the media rows, the items row (face or head), the version
 * with its media snapshot, a comment, and the audit entry. Returns the new version.
 */
export async function writeVersion(tx: Sql, state: RecordState, change: Change, actor: string): Promise<number> {
  const version = state.headVersion + 1;
  const data = canonicalize(change.data);
  if (change.target === 'revision' && !state.inRevision) await keepFaceSnapshot(tx, state);
  await change.media?.(tx, version);
  if (change.target === 'revision') {
    await tx.query('UPDATE items SET head_version = $2, revision_status = $3, head_author = $4, head_updated_at = now() WHERE id = $1', [
      state.id,
      version,
      data.status,
      actor,
    ]);
  } else {
    const withdrawal = change.withdrawal;
    // The face changes: OAI-PMH gives it a new datestamp, and notes whether the public could read it before or now.
    await markExposedIfPublic(tx, state.id);
    await tx.query(
      `UPDATE items SET kind = $2, status = $3, access_level = $4, data = $5::jsonb, version = $6, updated_at = now(), oai_datestamp = now(),
         head_version = NULL, revision_status = NULL, head_author = $7, head_updated_at = now(),
         withdrawn_at = CASE WHEN $8::text = 'set' THEN now() WHEN $8::text = 'clear' THEN NULL ELSE withdrawn_at END,
         withdrawn_reason = CASE WHEN $8::text = 'set' THEN $9 WHEN $8::text = 'clear' THEN NULL ELSE withdrawn_reason END
       WHERE id = $1`,
      [state.id, data.kind, data.status, data.access.level, JSON.stringify(data), version, actor,
        withdrawal === undefined ? null : withdrawal === 'clear' ? 'clear' : 'set', withdrawal !== undefined && withdrawal !== 'clear' ? withdrawal.reason : null],
    );
    await markExposedIfPublic(tx, state.id);
  }
  const snapshot = snapshotOf(await mediaOnVersion(tx, state.id, version));
  await tx.query(
    `INSERT INTO item_versions (item_id, version, data, author, action, note, media, based_on) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8)`,
    [state.id, version, JSON.stringify(data), actor, change.action, change.note ?? null, JSON.stringify(snapshot), state.headVersion],
  );
  if (change.comment) {
    await tx.query('INSERT INTO item_comments (item_id, version, kind, author, body) VALUES ($1, $2, $3, $4, $5)', [
      state.id,
      version,
      change.comment.kind,
      actor,
      change.comment.body,
    ]);
  }
  await writeAudit(tx, {
    actor,
    action: `record.${change.action}`,
    target: state.id,
    details: { version, status: data.status, ...(change.target === 'revision' ? { revision: true } : {}), ...change.audit },
  });
  return version;
}

/**
 * A published face written before the workspace has no media snapshot; its files' order
 * and captions are kept now, before a revision changes the rows (the public doors read
 * them through the face's snapshot).
 */
async function keepFaceSnapshot(tx: Sql, state: RecordState): Promise<void> {
  const snapshot = snapshotOf(await mediaOnVersion(tx, state.id, state.faceVersion));
  await tx.query('UPDATE item_versions SET media = $3::jsonb WHERE item_id = $1 AND version = $2 AND media IS NULL', [state.id, state.faceVersion, JSON.stringify(snapshot)]);
}

/**
 * Makes the head's files those of `wanted` from `version` on (a restore): files not wanted
 * leave, files wanted come back with their order and captions. A file that left during the
 * revision (after the face) comes back without a gap, so the face keeps it; one that left
 * before the face is on again from this version.
 */
export async function setMediaTo(tx: Sql, state: RecordState, wanted: readonly MediaSnapshot[], version: number): Promise<void> {
  const current = await mediaOnVersion(tx, state.id, state.headVersion);
  const wantedIds = new Set(wanted.map((m) => m.id));
  for (const row of current) if (!wantedIds.has(row.media.id)) await leave(tx, row.media.id, version);
  const onHead = new Set(current.map((row) => row.media.id));
  for (const snapshot of wanted) {
    if (!onHead.has(snapshot.id)) {
      const row = await mediaRow(tx, snapshot.id);
      if (!row || row.media.itemId !== state.id) continue;
      await comeBack(tx, snapshot.id, row, version, state.faceVersion);
    }
    await tx.query('UPDATE media SET position = $2, caption = $3, caption_lang = $4, is_cover = $5, captions_for = $6, updated_at = now() WHERE id = $1', [
      snapshot.id,
      snapshot.position,
      snapshot.caption ?? null,
      snapshot.captionLang ?? null,
      snapshot.cover === true,
      snapshot.captionsFor ?? null,
    ]);
  }
}

export async function leave(tx: Sql, mediaId: string, version: number): Promise<void> {
  await tx.query('UPDATE media SET removed_in_version = $2, updated_at = now() WHERE id = $1', [mediaId, version]);
}

/** Puts a medium that is not on the head on it from `version` on (see setMediaTo). */
export async function comeBack(tx: Sql, mediaId: string, row: { addedIn: number; removedIn: number | null }, version: number, faceVersion: number): Promise<void> {
  const leftDuringRevision = row.removedIn !== null && row.removedIn > faceVersion && row.addedIn <= faceVersion;
  if (leftDuringRevision) await tx.query('UPDATE media SET removed_in_version = NULL, updated_at = now() WHERE id = $1', [mediaId]);
  else await tx.query('UPDATE media SET added_in_version = $2, removed_in_version = NULL, updated_at = now() WHERE id = $1', [mediaId, version]);
}

/** Builds a change from the locked state; null when there is nothing to write. */
export type ChangeBuilder = (state: RecordState, tx: Sql) => Change | null | Promise<Change | null>;

/**
 * Where an edit goes, and the workflow state it leaves: a published record without a
 * revision starts one (a draft the public does not see); otherwise the state stays.
 */
export function editTarget(state: RecordState): { target: Change['target']; status: ItemStatus } {
  if (state.faceStatus !== 'published') return { target: 'face', status: state.workflow };
  return { target: 'revision', status: state.inRevision ? state.workflow : 'draft' };
}

export const refuse = (what: string, state: RecordState): NotPermittedError =>
  new NotPermittedError(`You may not ${what} record ${state.id} while it is ${state.workflow}`);

