import type { ActorView, FailedMedia, ItemInput, ItemStatus, MyWork, WorkItem } from '@disan/schemas';
import { canPublish, canRetryMedia, canUseWorkspace, type Viewer } from '../access/index.ts';
import { isoDate } from '../catalog/rows.ts';
import type { Row, Sql } from '../database/database.ts';
import { toCommentRow } from './state.ts';
import { actorOf, commentView } from './view.ts';

const LIST = 100;
const RECENT = 50;

const WORKFLOW = 'COALESCE(i.revision_status, i.status)';
const HEAD_AUTHOR = 'COALESCE(i.head_author, hv.author)';
const CHANGED_AT = 'COALESCE(i.head_updated_at, hv.created_at, i.updated_at)';
const WORK_SQL = `SELECT i.id, i.head_version, ${WORKFLOW} AS workflow, ${HEAD_AUTHOR} AS head_author, ${CHANGED_AT} AS changed_at,
    hv.data AS head_data, hv.version AS head
  FROM items i JOIN item_versions hv ON hv.item_id = i.id AND hv.version = COALESCE(i.head_version, i.version)
  WHERE i.deleted_at IS NULL`;

/**
 * The "my work" page: my drafts, records sent back to me, records waiting for my review,
 * what others changed lately, and files whose processing failed on records I may edit.
 */
export async function myWork(sql: Sql, viewer: Viewer, nameOf: (actor: string) => Promise<ActorView>): Promise<MyWork> {
  if (!canUseWorkspace(viewer)) return { drafts: [], sentBack: [], toReview: [], recentByOthers: [], failedMedia: [] };
  const me = actorOf(viewer);
  const reviews = canPublish(viewer, { status: 'in-review' });
  const [drafts, sentBack, toReview, recent, failed] = await Promise.all([
    sql.query(`${WORK_SQL} AND ${HEAD_AUTHOR} = $1 AND ${WORKFLOW} = 'draft' ORDER BY changed_at DESC, i.id LIMIT ${LIST}`, [me]),
    // The latest send-back of a draft whose version before it (the one reviewed) was mine.
    sql.query(
      `SELECT w.*, c.id AS c_id, c.kind AS c_kind, c.body AS c_body, c.version AS c_version, c.author AS c_author, c.created_at AS c_created_at
       FROM (${WORK_SQL} AND ${WORKFLOW} = 'draft') w
       JOIN LATERAL (SELECT * FROM item_comments c WHERE c.item_id = w.id AND c.kind = 'send-back' ORDER BY c.created_at DESC, c.id DESC LIMIT 1) c ON true
       JOIN item_versions pv ON pv.item_id = w.id AND pv.version = c.version - 1 AND pv.author = $1
       ORDER BY c.created_at DESC LIMIT ${LIST}`,
      [me],
    ),
    reviews ? sql.query(`${WORK_SQL} AND ${WORKFLOW} = 'in-review' ORDER BY changed_at, i.id LIMIT ${LIST}`) : Promise.resolve([]),
    sql.query(`${WORK_SQL} AND ${HEAD_AUTHOR} <> $1 ORDER BY changed_at DESC, i.id LIMIT ${RECENT}`, [me]),
    sql.query(
      `SELECT m.id, m.item_id, m.original_name, m.kind, m.status, m.error, m.updated_at, hv.data->'title' AS title, ${WORKFLOW} AS workflow
       FROM media m JOIN items i ON i.id = m.item_id JOIN item_versions hv ON hv.item_id = i.id AND hv.version = COALESCE(i.head_version, i.version)
       WHERE m.status = 'failed' AND m.removed_in_version IS NULL AND i.deleted_at IS NULL ORDER BY m.updated_at DESC, m.id LIMIT ${LIST * 2}`,
    ),
  ]);
  const sentBackIds = new Set(sentBack.map((row) => String(row.id)));
  const work = (rows: Row[]) => Promise.all(rows.map((row) => workItem(row, nameOf)));
  return {
    drafts: await work(drafts.filter((row) => !sentBackIds.has(String(row.id)))),
    sentBack: await Promise.all(
      sentBack.map(async (row) => ({
        ...(await workItem(row, nameOf)),
        comment: await commentView(
          toCommentRow({ id: row.c_id, kind: row.c_kind, body: row.c_body, version: row.c_version, author: row.c_author, created_at: row.c_created_at }),
          nameOf,
        ),
      })),
    ),
    toReview: await work(toReview),
    recentByOthers: await work(recent),
    failedMedia: failed.filter((row) => canRetryMedia(viewer, { status: row.workflow as ItemStatus })).slice(0, LIST).map(failedMedia),
  };
}

async function workItem(row: Row, nameOf: (actor: string) => Promise<ActorView>): Promise<WorkItem> {
  const data = row.head_data as ItemInput;
  return {
    id: String(row.id),
    kind: data.kind,
    title: data.title,
    status: row.workflow as ItemStatus,
    inRevision: row.head_version !== null,
    version: Number(row.head),
    updatedAt: isoDate(row.changed_at),
    updatedBy: await nameOf(String(row.head_author)),
  };
}

export function failedMedia(row: Row): FailedMedia {
  return {
    mediaId: String(row.id),
    itemId: String(row.item_id),
    itemTitle: (row.title as FailedMedia['itemTitle'] | null) ?? [],
    originalName: String(row.original_name),
    kind: row.kind as FailedMedia['kind'],
    status: row.status as FailedMedia['status'],
    error: (row.error as string | null) ?? 'unknown reason',
    failedAt: isoDate(row.updated_at),
  };
}
