import { RecordDraft, type ItemInput, type VersionSummary, type WorkspaceRecord } from '@disan/schemas';
import {
  canCreateRecord,
  canEditRecord,
  canPublish,
  canSeeTombstone,
  canSendBack,
  canSubmitForReview,
  canUseWorkspace,
  canWithdraw,
  type Viewer,
} from '../access/index.ts';
import type { Accounts } from '../accounts/types.ts';
import { writeAudit } from '../catalog/audit.ts';
import { canonicalize, canonicalJson, validateRecord } from '../catalog/validate.ts';
import type { Sql } from '../database/database.ts';
import { SQLSTATE, sqlState } from '../database/driver-support.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { compareVersions } from './compare.ts';
import { createMediaOperations } from './media.ts';
import { myWork } from './my-work.ts';
import { createRecordingOperation } from './recording.ts';
import { assertReferencesExist } from './references.ts';
import { mediaOfVersion, readState, readVersion, readVersions, type RecordState, type VersionRow } from './state.ts';
import { NotPermittedError, VersionConflictError, type SaveOptions, type Workspace } from './types.ts';
import { actorOf, createActorNames, recordView } from './view.ts';
import { editTarget, refuse, setMediaTo, writeVersion, type Change, type ChangeBuilder } from './write.ts';

export interface WorkspaceDeps {
  db: Sql;
  indexer: { indexItems(ids: Iterable<string>): Promise<number> };
  accounts: Accounts;
  jobs: JobQueue;
}

export function createWorkspace(deps: WorkspaceDeps): Workspace {
  const { db } = deps;
  const view = (viewer: Viewer, state: RecordState, sql: Sql = db) => recordView(sql, viewer, state, createActorNames(deps.accounts));

  /**
   * One change, in one transaction: the row locked, If-Match checked against the head,
   * the version written, and the record re-indexed after commit when its face changed.
   */
  async function change(viewer: Viewer, id: string, ifMatch: number | null, build: ChangeBuilder): Promise<{ record: WorkspaceRecord; changed: boolean }> {
    // Names are read through the accounts (their own connection): the view is built after
    // commit, never inside the transaction, which the embedded database runs alone.
    const outcome = await db.transaction(async (tx): Promise<'written' | 'unchanged' | 'face' | 'conflict'> => {
      const state = await readState(tx, id, true);
      if (!state || !canUseWorkspace(viewer)) throw new NotFoundError(`Record ${id} not found`);
      if (ifMatch !== null && state.headVersion !== ifMatch) return 'conflict';
      const next = await build(state, tx);
      if (next === null) return 'unchanged';
      await writeVersion(tx, state, next, actorOf(viewer));
      return next.target === 'face' ? 'face' : 'written';
    });
    if (outcome === 'face') await deps.indexer.indexItems([id]);
    const state = await readState(db, id);
    if (!state) throw new NotFoundError(`Record ${id} not found`);
    const record = await view(viewer, state);
    if (outcome === 'conflict') throw new VersionConflictError(record);
    return { record, changed: outcome !== 'unchanged' };
  }
  const step = async (viewer: Viewer, id: string, ifMatch: number | null, build: ChangeBuilder) => (await change(viewer, id, ifMatch, build)).record;

  const summaryOf = async (row: VersionRow, state: RecordState, nameOf: ReturnType<typeof createActorNames>, before?: VersionRow): Promise<VersionSummary> => {
    const files = fileChanges(before, row);
    return {
      version: row.version,
      action: row.action,
      status: row.data.status,
      author: await nameOf(row.author),
      createdAt: row.createdAt,
      ...(row.note === undefined ? {} : { note: row.note }),
      ...(files === undefined ? {} : { files }),
      published: state.faceStatus === 'published' && row.version === state.faceVersion,
    };
  };

  async function readable(viewer: Viewer, id: string): Promise<RecordState | null> {
    if (!canUseWorkspace(viewer)) return null;
    return readState(db, id);
  }

  const workspace: Workspace = {
    async get(viewer, id) {
      const state = await readable(viewer, id);
      return state ? view(viewer, state) : null;
    },

    async create(viewer, draft, options = {}) {
      if (!canCreateRecord(viewer)) throw new NotPermittedError('You may not create records');
      const data = canonicalize({ ...validateRecord(RecordDraft, draft, 'record'), status: 'draft' }) as ItemInput;
      await assertReferencesExist(db, data);
      const actor = actorOf(viewer);
      try {
        await db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO items (id, kind, status, access_level, data, version, head_author, head_updated_at) VALUES ($1, $2, 'draft', $3, $4::jsonb, 1, $5, now())`,
            [data.id, data.kind, data.access.level, JSON.stringify(data), actor],
          );
          await tx.query(`INSERT INTO item_versions (item_id, version, data, author, action, note, media) VALUES ($1, 1, $2::jsonb, $3, 'create', $4, '[]'::jsonb)`, [
            data.id,
            JSON.stringify(data),
            actor,
            options.note ?? null,
          ]);
          await writeAudit(tx, { actor, action: 'record.create', target: data.id, details: { version: 1, status: 'draft' } });
        });
      } catch (error) {
        if (sqlState(error) === SQLSTATE.uniqueViolation || error instanceof ConflictError) {
          throw new ConflictError(`A record with the id ${data.id} already exists: choose another id`, { cause: error });
        }
        throw error;
      }
      await deps.indexer.indexItems([data.id]);
      return view(viewer, (await readState(db, data.id))!);
    },

    async save(viewer, id, draft, options) {
      const valid = validateRecord(RecordDraft, draft, 'record');
      if (valid.id !== id) throw new ValidationError(`The record's id is ${id}; the body names ${valid.id}. A record's id cannot change.`);
      return change(viewer, id, options.ifMatch, async (state, tx) => {
        if (!canEditRecord(viewer, { status: state.workflow })) throw refuse('edit', state);
        const { status: _status, ...head } = state.head;
        if (canonicalJson(head) === canonicalJson(valid)) return null;
        await assertReferencesExist(tx, valid);
        const { target, status } = editTarget(state);
        return { action: 'edit', target, data: { ...valid, status }, note: options.note };
      });
    },

    async versions(viewer, id) {
      const state = await readable(viewer, id);
      if (!state) return null;
      const nameOf = createActorNames(deps.accounts);
      const rows = await readVersions(db, id);
      return {
        id,
        head: state.headVersion,
        publishedVersion: state.faceStatus === 'published' ? state.faceVersion : null,
        // Newest first: the version before each is the next row.
        versions: await Promise.all(rows.map((row, index) => summaryOf(row, state, nameOf, rows[index + 1]))),
      };
    },

    async version(viewer, id, version) {
      const state = await readable(viewer, id);
      const row = state ? await readVersion(db, id, version) : null;
      if (!state || !row) return null;
      return { ...(await summaryOf(row, state, createActorNames(deps.accounts))), item: row.data, media: row.media };
    },

    async compare(viewer, id, from, to) {
      const state = await readable(viewer, id);
      if (!state) return null;
      const [left, right] = await Promise.all([readVersion(db, id, from), readVersion(db, id, to)]);
      if (!left || !right) return null;
      const nameOf = createActorNames(deps.accounts);
      const [leftMedia, rightMedia] = await Promise.all([mediaOfVersion(db, left, id), mediaOfVersion(db, right, id)]);
      const { changes, delta } = compareVersions({ item: left.data, media: leftMedia }, { item: right.data, media: rightMedia });
      return { from: await summaryOf(left, state, nameOf), to: await summaryOf(right, state, nameOf), changes, delta };
    },

    async restore(viewer, id, version, options: SaveOptions) {
      return step(viewer, id, options.ifMatch, async (state, tx) => {
        if (!canEditRecord(viewer, { status: state.workflow })) throw refuse('edit', state);
        const old = await readVersion(tx, id, version);
        if (!old) throw new NotFoundError(`Record ${id} has no version ${version}`);
        const media = await mediaOfVersion(tx, old, id);
        const { target, status } = editTarget(state);
        return {
          action: 'restore',
          target,
          data: { ...old.data, status },
          note: options.note,
          media: (inner, next) => setMediaTo(inner, state, media, next),
          audit: { restored: version },
        } satisfies Change;
      });
    },

    async submit(viewer, id, options) {
      return step(viewer, id, options.ifMatch, (state) => {
        if (!canSubmitForReview(viewer, { status: state.workflow })) throw refuse('submit', state);
        if (state.workflow !== 'draft') throw new ConflictError(`Record ${id} is ${state.workflow}: only a draft is submitted for review`);
        return { action: 'submit', target: state.inRevision ? 'revision' : 'face', data: { ...state.head, status: 'in-review' }, note: options.note };
      });
    },

    async publish(viewer, id, options) {
      return step(viewer, id, options.ifMatch, (state) => {
        if (!canPublish(viewer, { status: state.workflow })) throw refuse('publish', state);
        if (state.workflow === 'published') throw new ConflictError(`Record ${id} is already published`);
        return { action: 'publish', target: 'face', data: { ...state.head, status: 'published' }, note: options.note, withdrawal: 'clear' };
      });
    },

    async sendBack(viewer, id, options) {
      return step(viewer, id, options.ifMatch, (state) => {
        if (!canSendBack(viewer, { status: state.workflow })) throw refuse('send back', state);
        if (state.workflow !== 'in-review' && state.workflow !== 'withdrawn') throw new ConflictError(`Record ${id} is ${state.workflow}: only a record in review or withdrawn is sent back`);
        return {
          action: 'send-back',
          target: state.inRevision ? 'revision' : 'face',
          data: { ...state.head, status: 'draft' },
          note: options.comment,
          comment: { kind: 'send-back', body: options.comment },
          ...(state.inRevision ? {} : { withdrawal: 'clear' as const }),
        };
      });
    },

    async withdraw(viewer, id, options) {
      return step(viewer, id, options.ifMatch, async (state, tx) => {
        // Withdrawal acts on what the public reads: asked with the face's state.
        if (!canWithdraw(viewer, { status: state.faceStatus })) throw new NotPermittedError(`You may not withdraw record ${id} while it is ${state.faceStatus}`);
        if (state.faceStatus !== 'published') throw new ConflictError(`Record ${id} is ${state.faceStatus}: only a published record is withdrawn`);
        // A revision in progress ends: the face, as the public last read it, is what is withdrawn.
        const faceMedia = state.inRevision ? await mediaOfVersion(tx, (await readVersion(tx, id, state.faceVersion))!, id) : undefined;
        return {
          action: 'withdraw',
          target: 'face',
          data: { ...state.face, status: 'withdrawn' },
          note: options.reason,
          comment: { kind: 'withdraw', body: options.reason },
          withdrawal: { reason: options.reason },
          ...(faceMedia ? { media: (inner: Sql, next: number) => setMediaTo(inner, state, faceMedia, next) } : {}),
        };
      });
    },

    async tombstone(viewer, id) {
      const state = await readState(db, id);
      if (!state || state.faceStatus !== 'withdrawn' || !state.withdrawal) return null;
      if (!canSeeTombstone(viewer, state.face)) return null;
      return { id, title: state.face.title, withdrawnAt: state.withdrawal.at, reason: state.withdrawal.reason };
    },

    myWork: (viewer) => myWork(db, viewer, createActorNames(deps.accounts)),

    media: { ...createMediaOperations({ ...deps, step }), setRecording: createRecordingOperation(deps) },
  };
  return workspace;
}

/**
 * What a version did to the files, by name, against the version before it: the history
 * words it in the reader's language. Undefined when either side predates file snapshots;
 * the first version's files are all added.
 */
export function fileChanges(before: VersionRow | undefined, row: VersionRow): VersionSummary['files'] {
  if (row.media === null || (before !== undefined && before.media === null)) return undefined;
  const earlier = new Map((before?.media ?? []).map((m) => [m.id, m.originalName]));
  const now = new Map(row.media.map((m) => [m.id, m.originalName]));
  const added = [...now].filter(([id]) => !earlier.has(id)).map(([, name]) => name);
  const removed = [...earlier].filter(([id]) => !now.has(id)).map(([, name]) => name);
  return added.length === 0 && removed.length === 0 ? undefined : { added, removed };
}
