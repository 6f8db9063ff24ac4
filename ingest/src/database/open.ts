import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/**
 * Connects to the catalog named by the configuration and brings its schema up to date.
 * @example const db = await openDatabase({ driver: 'pglite', dir: 'memory://' });
 */
export async function openDatabase(config: Config['database']): Promise<Database> {
  const db = await connectDatabase(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Connects without touching the schema: for a restore, which brings the schema up to its backup's version itself. */
export function connectDatabase(config: Config['database']): Promise<Database> {
  switch (config.driver) {
    case 'pglite':
      return openPglite(config.dir);
    case 'postgres':
      return openPostgres(config.url);
  }
}
