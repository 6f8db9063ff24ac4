import type { ItemInput, ItemStatus, MediaSnapshot, RecordComment, VersionAction, WorkspaceMedia } from '@disan/schemas';
import type { Row, Sql } from '../database/database.ts';
import { MEDIA_COLUMNS, onVersion, toMedia } from '../catalog/media.ts';
import { isoDate, withoutNulls } from '../catalog/rows.ts';

/** A record as the workspace reads it in one query: its face, its head and the workflow between them. */
export interface RecordState {
  id: string;
  /** The face: what the public doors read. */
  face: ItemInput;
  faceVersion: number;
  faceStatus: ItemStatus;
  /** The head: what the workspace edits (the face itself when there is no revision). */
  head: ItemInput;
  headVersion: number;
  /** The workflow state: the revision's while there is one, else the face's. */
  workflow: ItemStatus;
  inRevision: boolean;
  headAuthor: string;
  createdAt: string;
  updatedAt: string;
  withdrawal?: { at: string; reason: string };
}

const STATE_SQL = `SELECT i.id, i.data, i.version, i.status, i.head_version, i.revision_status, i.head_author, i.head_updated_at,
    i.created_at, i.updated_at, i.withdrawn_at, i.withdrawn_reason, hv.data AS head_data, hv.author AS head_version_author, hv.created_at AS head_created_at
  FROM items i LEFT JOIN item_versions hv ON hv.item_id = i.id AND hv.version = COALESCE(i.head_version, i.version)
  WHERE i.id = $1 AND i.deleted_at IS NULL`;

/** The record's state, or null; `forUpdate` locks the row for the rest of the transaction. */
export async function readState(sql: Sql, id: string, forUpdate = false): Promise<RecordState | null> {
  const [row] = await sql.query(forUpdate ? `${STATE_SQL} FOR UPDATE OF i` : STATE_SQL, [id]);
  return row ? toState(row) : null;
}

function toState(row: Row): RecordState {
  const face = row.data as ItemInput;
  const inRevision = row.head_version !== null;
  const head = inRevision ? (row.head_data as ItemInput) : face;
  return {
    id: String(row.id),
    face,
    faceVersion: Number(row.version),
    faceStatus: row.status as ItemStatus,
    head,
    headVersion: inRevision ? Number(row.head_version) : Number(row.version),
    workflow: (row.revision_status as ItemStatus | null) ?? (row.status as ItemStatus),
    inRevision,
    headAuthor: (row.head_author as string | null) ?? (row.head_version_author as string | null) ?? 'system',
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.head_updated_at ?? row.head_created_at ?? row.updated_at),
    ...(row.withdrawn_at ? { withdrawal: { at: isoDate(row.withdrawn_at), reason: (row.withdrawn_reason as string | null) ?? '' } } : {}),
  };
}

const WORKSPACE_MEDIA_COLUMNS = `${MEDIA_COLUMNS}, caption_lang, is_cover, captions_for, replaces, added_in_version, removed_in_version, updated_at`;

/** A medium as the workspace edits it, with the row's version span. */
export interface MediaRow {
  media: WorkspaceMedia;
  addedIn: number;
  removedIn: number | null;
  updatedAt: string;
}

/** The media of one version of the record (the head's, by default), in their order. */
export async function mediaOnVersion(sql: Sql, itemId: string, version: number): Promise<MediaRow[]> {
  const rows = await sql.query(
    `SELECT ${WORKSPACE_MEDIA_COLUMNS} FROM media m WHERE item_id = $1 AND ${onVersion('$2::integer')} ORDER BY position, id`,
    [itemId, version],
  );
  return rows.map(toMediaRow);
}

/** Every medium ever attached to the record, attached or not (restore, attach). */
export async function mediaRow(sql: Sql, mediaId: string): Promise<MediaRow | null> {
  const [row] = await sql.query(`SELECT ${WORKSPACE_MEDIA_COLUMNS} FROM media WHERE id = $1`, [mediaId]);
  return row ? toMediaRow(row) : null;
}

export function toMediaRow(row: Row): MediaRow {
  const media: WorkspaceMedia = {
    ...toMedia(row),
    cover: row.is_cover === true,
    ...withoutNulls({
      captionLang: row.caption_lang as string | null,
      captionsFor: row.captions_for as string | null,
      replaces: row.replaces as string | null,
    }),
  };
  return { media, addedIn: Number(row.added_in_version), removedIn: row.removed_in_version === null ? null : Number(row.removed_in_version), updatedAt: isoDate(row.updated_at) };
}

/** What a version keeps of a record's files. */
export function snapshotOf(rows: readonly MediaRow[]): MediaSnapshot[] {
  return rows.map(({ media: m }) => ({
    id: m.id,
    kind: m.kind,
    originalName: m.originalName,
    sha256: m.sha256,
    position: m.position,
    ...withoutNulls({
      caption: m.caption ?? null,
      captionLang: m.captionLang ?? null,
      cover: m.cover ? true : null,
      captionsFor: m.captionsFor ?? null,
      replaces: m.replaces ?? null,
    }),
  }));
}

export interface VersionRow {
  version: number;
  action: VersionAction;
  data: ItemInput;
  author: string;
  createdAt: string;
  note?: string;
  media: MediaSnapshot[] | null;
  basedOn: number | null;
}

const VERSION_COLUMNS = 'version, action, data, author, created_at, note, media, based_on';

function toVersionRow(row: Row): VersionRow {
  return {
    version: Number(row.version),
    action: row.action as VersionAction,
    data: row.data as ItemInput,
    author: String(row.author),
    createdAt: isoDate(row.created_at),
    ...(typeof row.note === 'string' ? { note: row.note } : {}),
    media: (row.media as MediaSnapshot[] | null) ?? null,
    basedOn: row.based_on === null ? null : Number(row.based_on),
  };
}

/** Newest first. */
export async function readVersions(sql: Sql, itemId: string): Promise<VersionRow[]> {
  return (await sql.query(`SELECT ${VERSION_COLUMNS} FROM item_versions WHERE item_id = $1 ORDER BY version DESC`, [itemId])).map(toVersionRow);
}

export async function readVersion(sql: Sql, itemId: string, version: number): Promise<VersionRow | null> {
  const [row] = await sql.query(`SELECT ${VERSION_COLUMNS} FROM item_versions WHERE item_id = $1 AND version = $2`, [itemId, version]);
  return row ? toVersionRow(row) : null;
}

/**
 * The files of a version: its snapshot, or for versions written before the workspace
 * (no snapshot), the media rows whose span covers it.
 */
export async function mediaOfVersion(sql: Sql, row: VersionRow, itemId: string): Promise<MediaSnapshot[]> {
  return row.media ?? snapshotOf(await mediaOnVersion(sql, itemId, row.version));
}

export interface CommentRow {
  id: string;
  kind: RecordComment['kind'];
  body: string;
  version: number;
  author: string;
  createdAt: string;
}

export async function readComments(sql: Sql, itemId: string): Promise<CommentRow[]> {
  const rows = await sql.query('SELECT id, kind, body, version, author, created_at FROM item_comments WHERE item_id = $1 ORDER BY created_at, id', [itemId]);
  return rows.map(toCommentRow);
}

export function toCommentRow(row: Row): CommentRow {
  return {
    id: String(row.id),
    kind: row.kind as CommentRow['kind'],
    body: String(row.body),
    version: Number(row.version),
    author: String(row.author),
    createdAt: isoDate(row.created_at),
  };
}
