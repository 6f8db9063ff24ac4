import { Type, type Static } from 'typebox';
import { Media, MEDIA_STATUSES, type MediaStatus } from '@disan/schemas';
import type { Row, Sql } from '../database/database.ts';
import { SQLSTATE, sqlState } from '../database/driver-support.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeAudit } from './audit.ts';
import { isoDate, jsonParam, toNumber, withoutNulls } from './rows.ts';
import { validate } from './validate.ts';

export const NewMedia = Type.Omit(Media, ['createdAt']);
export type NewMedia = Static<typeof NewMedia>;


/** What the pipeline may change after upload; null clears an optional field. */
export const MediaPatch = Type.Object(
  {
    status: Type.Optional(Type.Enum(MEDIA_STATUSES)),
    derivatives: Type.Optional(Media.properties.derivatives),
    width: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    height: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    durationSeconds: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
    pageCount: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    technical: Type.Optional(Type.Union([Media.properties.technical, Type.Null()])),
    capturedAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    geo: Type.Optional(Type.Union([Media.properties.geo, Type.Null()])),
    error: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false },
);
export type MediaPatch = Static<typeof MediaPatch>;

/** Patchable fields and their columns; jsonb ones are sent as JSON text. */
const PATCHABLE: Record<keyof MediaPatch, { column: string; json?: true }> = {
  status: { column: 'status' },
  derivatives: { column: 'derivatives', json: true },
  width: { column: 'width' },
  height: { column: 'height' },
  durationSeconds: { column: 'duration_seconds' },
  pageCount: { column: 'page_count' },
  technical: { column: 'technical', json: true },
  capturedAt: { column: 'captured_at' },
  geo: { column: 'geo', json: true },
  error: { column: 'error' },
};

export const MEDIA_COLUMNS = `id, item_id, sha256, mime_type, kind, size, original_name, original_key, width, height, duration_seconds,
  page_count, technical, captured_at, geo, caption, position, status, error, derivatives, recording, access, created_at`;
const M_COLUMNS = MEDIA_COLUMNS.split(',').map((c) => `m.${c.trim()}`).join(', ');

/**
 * Which of a record's media to list: the FACE's (what the public doors show: the media of
 * items.version), the HEAD's (what the workspace edits: the media of the newest version),
 * or every row ever attached (processing, history).
 */
export type MediaScope = 'face' | 'head' | 'all';

/**
 * A medium belongs to versions [added_in_version, removed_in_version). A medium
 * registered for the workspace waits at this version until `media.attach` writes the
 * version that adds it, so no door shows it before.
 */
export const NOT_YET_ATTACHED = 2_147_483_647;

const VERSION_OF: Record<Exclude<MediaScope, 'all'>, string> = { face: 'i.version', head: 'COALESCE(i.head_version, i.version)' };

/** The SQL condition "medium m is on version <expr> of its item i". */
export const onVersion = (version: string): string =>
  `(m.added_in_version <= ${version} AND (m.removed_in_version IS NULL OR m.removed_in_version > ${version}))`;

/**
 * FROM clause listing media in a scope; the face's rows carry the face version's snapshot
 * (item_versions.media) so that a revision reordering or recaptioning files does not show
 * before it is published.
 */
function scoped(scope: MediaScope): { from: string; where: string; snapshot: string } {
  if (scope === 'all') return { from: 'media m', where: 'true', snapshot: 'NULL::jsonb' };
  const version = VERSION_OF[scope];
  return {
    from: `media m JOIN items i ON i.id = m.item_id LEFT JOIN item_versions iv ON iv.item_id = i.id AND iv.version = ${version}`,
    where: onVersion(version),
    snapshot: scope === 'face' ? 'iv.media' : 'NULL::jsonb',
  };
}

export function createMediaRepository(sql: Sql) {
  return {
    /** Every medium with this content, on any item (oldest first): lets ingest reuse a stored original. */
    async findBySha(sha256: string): Promise<Media[]> {
      return (await sql.query(`SELECT ${MEDIA_COLUMNS} FROM media WHERE sha256 = $1 ORDER BY created_at, id`, [sha256])).map(toMedia);
    },

    /** ConflictError if the id is taken or the item already has this file; NotFoundError if the item does not exist. */
    /**
     * `addedInVersion`: the first version of the item the medium is on; default the item's
     * current version (items.version: the command line adds files to the face as it stands).
     */
    async insert(media: NewMedia, options: { actor?: string; addedInVersion?: number } = {}): Promise<Media> {
      const m = validate(NewMedia, media, 'media');
      try {
        return await sql.transaction(async (tx) => {
          const [row] = await tx.query(
            `INSERT INTO media (id, item_id, sha256, mime_type, kind, size, original_name, original_key, width, height,
               duration_seconds, captured_at, geo, caption, position, status, error, derivatives, page_count, technical, added_in_version, added_by,
               recording, access)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, $16, $17, $18::jsonb, $19, $20::jsonb,
               COALESCE($21::integer, (SELECT version FROM items WHERE id = $2), 1), $22, $23::jsonb, $24::jsonb)
             RETURNING ${MEDIA_COLUMNS}`,
            [m.id, m.itemId, m.sha256, m.mimeType, m.kind, m.size, m.originalName, m.originalKey, m.width ?? null, m.height ?? null,
              m.durationSeconds ?? null, m.capturedAt ?? null, jsonParam(m.geo), m.caption ?? null, m.position, m.status,
              m.error ?? null, JSON.stringify(m.derivatives), m.pageCount ?? null, jsonParam(m.technical), options.addedInVersion ?? null,
              options.actor ?? 'system', jsonParam(m.recording), jsonParam(m.access)],
          );
          await writeAudit(tx, { actor: options.actor ?? 'system', action: 'media.create', target: m.id, details: { itemId: m.itemId, sha256: m.sha256 } });
          // A file on the face is seen by harvesters (dc:format): the record's OAI datestamp moves.
          await tx.query('UPDATE items SET oai_datestamp = now() WHERE id = $1 AND version >= (SELECT added_in_version FROM media WHERE id = $2)', [m.itemId, m.id]);
          return toMedia(row!);
        });
      } catch (error) {
        throw explainInsertError(error, m);
      }
    },

    /** The medium, or null when it does not exist or is not in `scope` (default: every row). */
    async get(id: string, scope: MediaScope = 'all'): Promise<Media | null> {
      const { from, where, snapshot } = scoped(scope);
      const [row] = await sql.query(`SELECT ${M_COLUMNS}, ${snapshot} AS snapshot FROM ${from} WHERE m.id = $1 AND ${where}`, [id]);
      return row ? toScopedMedia(row) : null;
    },

    /** The item's media in `scope` (default: the face's, what the public sees), in their order. */
    async listForItem(itemId: string, scope: MediaScope = 'face'): Promise<Media[]> {
      return (await this.listForItems([itemId], scope)).get(itemId) ?? [];
    },

    /** The media of several items in one round trip, grouped by item id (default scope: the face's). */
    async listForItems(itemIds: readonly string[], scope: MediaScope = 'face'): Promise<Map<string, Media[]>> {
      const grouped = new Map<string, Media[]>(itemIds.map((id) => [id, []]));
      if (itemIds.length === 0) return grouped;
      const { from, where, snapshot } = scoped(scope);
      const rows = await sql.query(
        `SELECT ${M_COLUMNS}, ${snapshot} AS snapshot FROM ${from} WHERE m.item_id = ANY($1::text[]) AND ${where} ORDER BY m.item_id, m.position, m.id`,
        [itemIds],
      );
      for (const media of rows.map(toScopedMedia)) grouped.get(media.itemId)?.push(media);
      for (const list of grouped.values()) list.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return grouped;
    },

    /** A page of media in one status, oldest first; pass the last one's createdAt and id as `after` for the next page. */
    async listByStatus(status: MediaStatus, options: { limit?: number; after?: { createdAt: string; id: string } } = {}): Promise<Media[]> {
      const rows = await sql.query(
        `SELECT ${MEDIA_COLUMNS} FROM media WHERE status = $1 AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::text))
         ORDER BY created_at, id LIMIT $2`,
        [status, options.limit ?? 1000, options.after?.createdAt ?? null, options.after?.id ?? null],
      );
      return rows.map(toMedia);
    },

    /** Changes the fields the pipeline owns; NotFoundError if there is no such medium. */
    async update(id: string, patch: MediaPatch): Promise<Media> {
      const valid = validate(MediaPatch, patch, 'media patch');
      const sets: string[] = [];
      const params: unknown[] = [id];
      for (const [field, spec] of Object.entries(PATCHABLE)) {
        const value = valid[field as keyof MediaPatch];
        if (value === undefined) continue;
        params.push(spec.json ? jsonParam(value) : value);
        sets.push(`${spec.column} = $${params.length}${spec.json ? '::jsonb' : ''}`);
      }
      sets.push('updated_at = now()');
      const [row] = await sql.query(`UPDATE media SET ${sets.join(', ')} WHERE id = $1 RETURNING ${MEDIA_COLUMNS}`, params);
      if (!row) throw new NotFoundError(`Media ${id} not found`);
      return toMedia(row);
    },
  };
}

function explainInsertError(error: unknown, m: NewMedia): unknown {
  if (error instanceof ConflictError) {
    return new ConflictError(`Media ${m.id} already exists, or item ${m.itemId} already has a file with SHA-256 ${m.sha256}`, { cause: error });
  }
  if (sqlState(error) === SQLSTATE.foreignKeyViolation) return new NotFoundError(`Item ${m.itemId} not found`, { cause: error });
  return error;
}

/** A row read with its version's snapshot: the snapshot's position and caption win (the face as it was published). */
function toScopedMedia(row: Row): Media {
  const media = toMedia(row);
  const snapshot = Array.isArray(row.snapshot) ? (row.snapshot as { id: string; position: number; caption?: string; cover?: boolean }[]).find((s) => s.id === media.id) : undefined;
  if (!snapshot) return media;
  const { caption: _caption, ...rest } = media;
  return { ...rest, position: snapshot.position, ...(snapshot.caption === undefined ? {} : { caption: snapshot.caption }), ...(snapshot.cover === true ? { cover: true } : {}) };
}

export function toMedia(row: Row): Media {
  return withoutNulls({
    id: row.id as string,
    itemId: row.item_id as string,
    sha256: row.sha256 as string,
    mimeType: row.mime_type as string,
    kind: row.kind as Media['kind'],
    size: toNumber(row.size),
    originalName: row.original_name as string,
    originalKey: row.original_key as string,
    width: row.width as number | null,
    height: row.height as number | null,
    durationSeconds: row.duration_seconds as number | null,
    pageCount: row.page_count as number | null,
    technical: row.technical as Media['technical'] | null,
    capturedAt: row.captured_at as string | null,
    geo: row.geo as Media['geo'] | null,
    caption: row.caption as string | null,
    position: Number(row.position),
    status: row.status as MediaStatus,
    error: row.error as string | null,
    derivatives: row.derivatives as Media['derivatives'],
    recording: row.recording as Media['recording'] | null,
    access: row.access as Media['access'] | null,
    createdAt: isoDate(row.created_at),
  });
}
