import type { ActorView, Media, RecordComment, RecordPermissions, WorkspaceRecord } from '@disan/schemas';
import {
  canEditRecord,
  canPublish,
  canSendBack,
  canSubmitForReview,
  canUpload,
  canWithdraw,
  consentWithheld,
  type Viewer,
} from '../access/index.ts';
import type { Accounts } from '../accounts/types.ts';
import type { Sql } from '../database/database.ts';
import { mediaOnVersion, readComments, type CommentRow, type RecordState } from './state.ts';

/** The actor a person's changes are written as: `user:<accountId>`; the system and operators as `system`. */
export function actorOf(viewer: Viewer): string {
  if (viewer.kind === 'user') return viewer.id === undefined ? 'user:unknown' : `user:${viewer.id}`;
  return 'system';
}

/** Names actors through the accounts, each account read once per answer. */
export function createActorNames(accounts: Accounts): (actor: string) => Promise<ActorView> {
  const cache = new Map<string, Promise<ActorView>>();
  return (actor) => {
    let found = cache.get(actor);
    if (!found) {
      found = (async () => {
        if (!actor.startsWith('user:')) return { actor, name: actor };
        const account = await accounts.users.get(actor.slice('user:'.length));
        return { actor, name: account?.name ?? actor };
      })();
      cache.set(actor, found);
    }
    return found;
  };
}

/**
 * What the viewer may do to the record now. Withdrawal acts on the face (what the public
 * reads), so it is asked with the face's state; every other rule with the workflow's.
 */
export function permissionsOf(viewer: Viewer, state: Pick<RecordState, 'workflow' | 'faceStatus'>): RecordPermissions {
  const workflow = { status: state.workflow };
  return {
    edit: canEditRecord(viewer, workflow),
    upload: canUpload(viewer, workflow),
    submit: canSubmitForReview(viewer, workflow),
    publish: canPublish(viewer, workflow),
    sendBack: canSendBack(viewer, workflow),
    withdraw: canWithdraw(viewer, { status: state.faceStatus }),
  };
}

export async function commentView(comment: CommentRow, nameOf: (actor: string) => Promise<ActorView>): Promise<RecordComment> {
  return { id: comment.id, kind: comment.kind, body: comment.body, version: comment.version, author: await nameOf(comment.author), createdAt: comment.createdAt };
}

/** The head of the record as the workspace shows it. */
/** The recordings that stay with staff whatever the record's state: their speaker has not given consent. */
function withheld(media: readonly Media[]): { withheldMedia?: string[] } {
  const ids = media.filter((m) => consentWithheld(m)).map((m) => m.id);
  return ids.length === 0 ? {} : { withheldMedia: ids };
}

export async function recordView(sql: Sql, viewer: Viewer, state: RecordState, nameOf: (actor: string) => Promise<ActorView>): Promise<WorkspaceRecord> {
  const [media, comments] = await Promise.all([mediaOnVersion(sql, state.id, state.headVersion), readComments(sql, state.id)]);
  return {
    item: { ...state.head, status: state.workflow },
    version: state.headVersion,
    faceStatus: state.faceStatus,
    publishedVersion: state.faceStatus === 'published' ? state.faceVersion : null,
    inRevision: state.inRevision,
    ...(state.faceStatus === 'withdrawn' && state.withdrawal ? { withdrawal: state.withdrawal } : {}),
    comments: await Promise.all(comments.map((c) => commentView(c, nameOf))),
    media: media.map((row) => row.media),
    ...withheld(media.map((row) => row.media)),
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    updatedBy: await nameOf(state.headAuthor),
    permissions: permissionsOf(viewer, state),
  };
}
