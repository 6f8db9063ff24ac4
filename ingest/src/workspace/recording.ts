import type { MediaAccess, MediaRecordingPatch, RecordingInfo, WorkspaceMedia } from '@disan/schemas';
import { canEditRecord, canUseWorkspace, type Viewer } from '../access/index.ts';
import { writeAudit } from '../catalog/audit.ts';
import { canonicalJson } from '../catalog/validate.ts';
import type { Sql } from '../database/database.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { mediaRow, readState } from './state.ts';
import { actorOf } from './view.ts';
import { refuse } from './write.ts';

interface RecordingDeps {
  db: Sql;
  indexer: { indexItems(ids: Iterable<string>): Promise<number> };
}

/**
 * Sets or clears a medium's recording info (speaker, consent, locality, dialect) and its own
 * access rule (`null` clears, absent keeps). Unlike a caption, this is not a version of the
 * record waiting for review: it decides who may hear a voice, so narrowing it or recording
 * that consent was withdrawn must hold at once, on the face too. Every change is written to
 * the audit trail with what it was and what it became, in the transaction that makes it,
 * and the record is re-indexed (the index leaves out media that do not follow their record).
 */
export function createRecordingOperation(deps: RecordingDeps) {
  return async function setRecording(viewer: Viewer, mediaId: string, patch: MediaRecordingPatch, now: Date = new Date()): Promise<WorkspaceMedia> {
    const notFound = new NotFoundError(`Media ${mediaId} not found`);
    if (!canUseWorkspace(viewer)) throw notFound;
    checkRecording(patch.recording, now);
    checkAccess(patch.access, now);
    const outcome = await deps.db.transaction(async (tx) => {
      const row = await mediaRow(tx, mediaId);
      const state = row ? await readState(tx, row.media.itemId, true) : null;
      if (!row || !state) throw notFound;
      if (!canEditRecord(viewer, { status: state.workflow })) throw refuse('change the files of', state);
      await assertCommunitiesExist(tx, patch.access);
      const before = { recording: row.media.recording ?? null, access: row.media.access ?? null };
      const after = {
        recording: patch.recording === undefined ? before.recording : patch.recording,
        access: patch.access === undefined ? before.access : patch.access,
      };
      // jsonb keeps its own key order: compared canonically, the same patch twice writes nothing.
      if (canonicalJson(before) === canonicalJson(after)) return { itemId: state.id, changed: false };
      await tx.query('UPDATE media SET recording = $2::jsonb, access = $3::jsonb, updated_at = now() WHERE id = $1', [
        mediaId,
        after.recording === null ? null : JSON.stringify(after.recording),
        after.access === null ? null : JSON.stringify(after.access),
      ]);
      await writeAudit(tx, { actor: actorOf(viewer), action: 'media.recording', target: mediaId, details: { itemId: state.id, before, after } });
      return { itemId: state.id, changed: true };
    });
    if (outcome.changed) await deps.indexer.indexItems([outcome.itemId]);
    const row = await mediaRow(deps.db, mediaId);
    if (!row) throw notFound;
    return row.media;
  };
}

export type SetRecording = ReturnType<typeof createRecordingOperation>;

/**
 * A calendar date that exists (2026-02-30 does not) and, for what already happened
 * (consent given, a recording made), is not after today.
 * @example isRealDate('2026-02-28') // true
 * @example isRealDate('2026-02-30') // false
 */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkPastDate(text: string | undefined, what: string, now: Date): void {
  if (text === undefined) return;
  if (!isRealDate(text)) throw new ValidationError(`${what} "${text}" is not a real date (YYYY-MM-DD)`);
  if (text > now.toISOString().slice(0, 10)) throw new ValidationError(`${what} ${text} is in the future`);
}

/** Consent given is consent recorded: on which day. Refused consent needs no date. */
function checkRecording(recording: RecordingInfo | null | undefined, now: Date): void {
  if (!recording) return;
  if (recording.speaker.trim() === '') throw new ValidationError('The speaker is missing: name who speaks (or "generated" for synthetic audio)');
  if (recording.consent.given && recording.consent.date === undefined) throw new ValidationError('The consent is given but its date is missing: say on which day the speaker gave it');
  checkPastDate(recording.consent.date, 'The consent date', now);
  checkPastDate(recording.recordedOn, 'The recording date', now);
}

function checkAccess(access: MediaAccess | null | undefined, now: Date): void {
  if (!access) return;
  if (access.level === 'community' && (access.communities ?? []).length === 0) throw new ValidationError('A community-only recording needs at least one community');
  if (access.level === 'embargo') {
    if (access.embargoUntil === undefined || !isRealDate(access.embargoUntil)) throw new ValidationError('An embargo needs the real date it ends (embargoUntil, YYYY-MM-DD)');
    if (access.embargoUntil <= now.toISOString().slice(0, 10)) throw new ValidationError(`The embargo's end ${access.embargoUntil} has passed: choose public, or a later date`);
  }
}

async function assertCommunitiesExist(tx: Sql, access: MediaAccess | null | undefined): Promise<void> {
  const wanted = access?.level === 'community' ? [...new Set(access.communities ?? [])] : [];
  if (wanted.length === 0) return;
  const found = new Set((await tx.query<{ id: string }>('SELECT id FROM communities WHERE id = ANY($1::text[])', [wanted])).map((row) => row.id));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ValidationError(`No such community: ${missing.join(', ')}`);
}
