import { randomBytes } from 'node:crypto';
import type { Sql } from '../database/database.ts';

/**
 * The secret that signs session cookies: the configured one, or one generated at first
 * use and kept in the catalog, so every API process (and every restart) signs alike.
 * Two processes starting at once both try to insert; the first wins and both read it.
 */
export async function sessionSecret(sql: Sql, configured?: string): Promise<string> {
  if (configured !== undefined) return configured;
  await sql.query('INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', ['session', randomBytes(32).toString('base64url')]);
  const rows = await sql.query<{ value: string }>('SELECT value FROM secrets WHERE name = $1', ['session']);
  return rows[0]!.value;
}
