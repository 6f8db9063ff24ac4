/** The catalog database: one Sql interface over PGlite (embedded) and node-postgres, with versioned migrations. */
export type { Database, DedicatedConnection, Row, Sql } from './database.ts';
export { loadMigrations, migrate, type Migration } from './migrate.ts';
export { openDatabase } from './open.ts';
export { openPglite, PGLITE_MEMORY } from './pglite.ts';
export { openPostgres, redact, type PostgresOptions } from './postgres.ts';
