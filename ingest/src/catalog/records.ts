import { Agent, Place } from '@disan/schemas';
import type { TSchema, Static } from 'typebox';
import type { Sql } from '../database/database.ts';
import { canonicalize, validate } from './validate.ts';

/** Authority records (agents, places): a validated jsonb document per id. */
function createRecordRepository<S extends TSchema>(sql: Sql, table: 'agents' | 'places', schema: S, what: string) {
  type Record = Static<S> & { id: string };
  return {
    async upsert(input: Record): Promise<Record> {
      const record = canonicalize(validate(schema, input, what)) as Record;
      await sql.query(
        `INSERT INTO ${table} (id, data) VALUES ($1, $2::jsonb)
         ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`,
        [record.id, JSON.stringify(record)],
      );
      return record;
    },
    async get(id: string): Promise<Record | null> {
      const [row] = await sql.query(`SELECT data FROM ${table} WHERE id = $1`, [id]);
      return row ? (row.data as Record) : null;
    },
    async list(options: { limit?: number; afterId?: string } = {}): Promise<Record[]> {
      const rows = await sql.query(`SELECT data FROM ${table} WHERE $1::text IS NULL OR id > $1 ORDER BY id LIMIT $2`, [
        options.afterId ?? null,
        options.limit ?? 100,
      ]);
      return rows.map((row) => row.data as Record);
    },
  };
}

export const createAgentRepository = (sql: Sql) => createRecordRepository(sql, 'agents', Agent, 'agent');
export const createPlaceRepository = (sql: Sql) => createRecordRepository(sql, 'places', Place, 'place');
