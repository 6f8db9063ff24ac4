import { Collection, type LocalizedText } from '@disan/schemas';
import type { Sql } from '../database/database.ts';
import { canonicalize, canonicalJson, validate } from './validate.ts';

export interface CollectionUpsertResult {
  collection: Collection;
  created: boolean;
  changed: boolean;
}

export function createCollectionRepository(sql: Sql) {
  const repository = {
    async upsert(input: Collection): Promise<CollectionUpsertResult> {
      const c = canonicalize(validate(Collection, input, 'collection'));
      return sql.transaction(async (tx) => {
        const [existing] = await tx.query('SELECT data FROM collections WHERE id = $1 FOR UPDATE', [c.id]);
        if (existing && canonicalJson(existing.data) === canonicalJson(c)) return { collection: c, created: false, changed: false };
        await tx.query(
          `INSERT INTO collections (id, status, access_level, data) VALUES ($1, $2, $3, $4::jsonb)
           ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, access_level = EXCLUDED.access_level,
             data = EXCLUDED.data, updated_at = now()`,
          [c.id, c.status, c.access.level, JSON.stringify(c)],
        );
        return { collection: c, created: !existing, changed: true };
      });
    },

    async get(id: string): Promise<Collection | null> {
      const [row] = await sql.query('SELECT data FROM collections WHERE id = $1', [id]);
      return row ? (row.data as Collection) : null;
    },

    /** All collections, by id: there are tens, not millions. */
    async list(): Promise<Collection[]> {
      return (await sql.query('SELECT data FROM collections ORDER BY id')).map((row) => row.data as Collection);
    },

    /**
     * The collection, created as a published, public placeholder if missing, so that
     * items imported with an unknown collection id still link somewhere; an editor
     * fills in the title and description later. An existing collection is left as is.
     */
    async ensure(id: string, title: string | LocalizedText[] = id): Promise<Collection> {
      // A bare string's language is unknown: BCP 47 "und".
      const titles = typeof title === 'string' ? [{ lang: 'und', value: title }] : title;
      const placeholder = canonicalize(validate(Collection, { id, title: titles, status: 'published', access: { level: 'public' } }, 'collection'));
      await sql.query('INSERT INTO collections (id, status, access_level, data) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (id) DO NOTHING', [
        id,
        placeholder.status,
        placeholder.access.level,
        JSON.stringify(placeholder),
      ]);
      return (await repository.get(id))!;
    },
  };
  return repository;
}
