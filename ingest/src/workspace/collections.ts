import { Collection, Place } from '@disan/schemas';
import { canEditCollections, canCreateRecord, type Viewer } from '../access/index.ts';
import { writeAudit } from '../catalog/audit.ts';
import { canonicalize, validate } from '../catalog/validate.ts';
import type { Sql } from '../database/database.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { NotPermittedError } from './types.ts';

/** A collection as the workspace lists it: every one, whatever its state, with the number of its records. */
export type StaffCollection = Collection & { itemCount: number };

/** Who the audit trail names for a change. */
const actorOf = (viewer: Viewer) => (viewer.kind === 'user' ? `user:${viewer.id ?? 'unknown'}` : viewer.kind === 'system' ? 'operator' : 'anonymous');

/** Records of a collection, as their face or their head says: a record being added in a revision counts. */
const MEMBERS = `SELECT i.id FROM items i
  LEFT JOIN item_versions v ON v.item_id = i.id AND v.version = COALESCE(i.head_version, i.version)
  WHERE i.deleted_at IS NULL AND (i.data->'collections' @> jsonb_build_array($1::text) OR v.data->'collections' @> jsonb_build_array($1::text))`;

/**
 * Collections as archivists make them in the workspace: created, described in several
 * languages, their records put in the order readers see them, a cover chosen. Every
 * change is checked (canEditCollections), validated, and written to the audit trail in
 * the same transaction.
 */
export function createCollectionEditor(sql: Sql) {
  const allowed = (viewer: Viewer) => {
    if (!canEditCollections(viewer)) throw new NotPermittedError('Your role may not create or change collections');
  };

  async function members(tx: Sql, id: string): Promise<Set<string>> {
    return new Set((await tx.query<{ id: string }>(MEMBERS, [id])).map((row) => row.id));
  }

  /** The cover must be a record of the collection, and its medium one of that record's files. */
  async function checkCover(tx: Sql, collection: Collection): Promise<void> {
    const { cover } = collection;
    if (!cover) return;
    if (!(await members(tx, collection.id)).has(cover.itemId)) throw new ValidationError(`cover: the record ${cover.itemId} is not in the collection ${collection.id}`);
    if (cover.mediaId === undefined) return;
    const [medium] = await tx.query('SELECT 1 FROM media WHERE id = $1 AND item_id = $2', [cover.mediaId, cover.itemId]);
    if (!medium) throw new ValidationError(`cover: the file ${cover.mediaId} is not one of the record ${cover.itemId}'s files`);
  }

  async function checkOrder(tx: Sql, id: string, itemIds: readonly string[]): Promise<void> {
    const known = await members(tx, id);
    const strangers = itemIds.filter((itemId) => !known.has(itemId));
    if (strangers.length > 0) throw new ValidationError(`itemOrder: not records of the collection ${id}: ${strangers.slice(0, 20).join(', ')}`);
    if (new Set(itemIds).size !== itemIds.length) throw new ValidationError('itemOrder: a record is listed twice');
  }

  async function write(tx: Sql, collection: Collection, viewer: Viewer, action: string): Promise<Collection> {
    await tx.query(
      `INSERT INTO collections (id, status, access_level, data) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, access_level = EXCLUDED.access_level, data = EXCLUDED.data, updated_at = now()`,
      [collection.id, collection.status, collection.access.level, JSON.stringify(collection)],
    );
    await writeAudit(tx, { actor: actorOf(viewer), action, target: collection.id });
    return collection;
  }

  return {
    /** Every collection, drafts and restricted ones too, with the number of records naming it: staff lists. */
    async list(): Promise<StaffCollection[]> {
      const rows = await sql.query(
        `SELECT c.data, (SELECT count(*) FROM items i WHERE i.deleted_at IS NULL AND i.data->'collections' @> jsonb_build_array(c.id))::int AS n
         FROM collections c ORDER BY c.id`,
      );
      return rows.map((row) => ({ ...(row.data as Collection), itemCount: Number(row.n) }));
    },

    /** A new collection; ConflictError when the id is taken. */
    async create(viewer: Viewer, input: Collection): Promise<Collection> {
      allowed(viewer);
      const collection = canonicalize(validate(Collection, input, 'collection'));
      return sql.transaction(async (tx) => {
        const [existing] = await tx.query('SELECT 1 FROM collections WHERE id = $1 FOR UPDATE', [collection.id]);
        if (existing) throw new ConflictError(`A collection ${collection.id} already exists: choose another id, or change that one`);
        await checkCover(tx, collection);
        if (collection.itemOrder) await checkOrder(tx, collection.id, collection.itemOrder);
        return write(tx, collection, viewer, 'collection.create');
      });
    },

    /** The collection described anew (titles, description, state, access, cover, order); NotFoundError when missing. */
    async update(viewer: Viewer, id: string, input: Collection): Promise<Collection> {
      allowed(viewer);
      if (input.id !== id) throw new ValidationError(`id: the body names ${input.id}, the address ${id}; a collection's id does not change`);
      const collection = canonicalize(validate(Collection, input, 'collection'));
      return sql.transaction(async (tx) => {
        const [existing] = await tx.query('SELECT 1 FROM collections WHERE id = $1 FOR UPDATE', [id]);
        if (!existing) throw new NotFoundError(`Collection ${id} not found`);
        await checkCover(tx, collection);
        if (collection.itemOrder) await checkOrder(tx, id, collection.itemOrder);
        return write(tx, collection, viewer, 'collection.update');
      });
    },

    /** The records in the order readers see them; records not listed follow, by title. */
    async order(viewer: Viewer, id: string, itemIds: readonly string[]): Promise<Collection> {
      allowed(viewer);
      return sql.transaction(async (tx) => {
        const [row] = await tx.query('SELECT data FROM collections WHERE id = $1 FOR UPDATE', [id]);
        if (!row) throw new NotFoundError(`Collection ${id} not found`);
        await checkOrder(tx, id, itemIds);
        const { itemOrder: _old, ...rest } = row.data as Collection;
        const collection = canonicalize(validate(Collection, itemIds.length > 0 ? { ...rest, itemOrder: [...itemIds] } : rest, 'collection'));
        return write(tx, collection, viewer, 'collection.order');
      });
    },
  };
}

export type CollectionEditor = ReturnType<typeof createCollectionEditor>;

/** A new place of the catalog (a pagoda, a village) with its coordinates, for records to name; ConflictError when the id is taken. */
export async function createPlace(sql: Sql, viewer: Viewer, input: Place): Promise<Place> {
  if (!canCreateRecord(viewer)) throw new NotPermittedError('Your role may not add places');
  const place = canonicalize(validate(Place, input, 'place'));
  return sql.transaction(async (tx) => {
    const [row] = await tx.query('INSERT INTO places (id, data) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id', [place.id, JSON.stringify(place)]);
    if (!row) throw new ConflictError(`A place ${place.id} already exists: name it in the record, or choose another id`);
    await writeAudit(tx, { actor: actorOf(viewer), action: 'place.create', target: place.id });
    return place;
  });
}
