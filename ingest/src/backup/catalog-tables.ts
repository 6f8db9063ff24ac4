import type { Row, Sql } from '../database/database.ts';

/** Rows read or written per statement: small enough for PGlite's memory, large enough to be quick. */
export const ROWS_PER_BATCH = 1_000;

/**
 * The catalog's tables, parents before the tables whose foreign keys point at them, so
 * that a restore can insert them in this order with every constraint checked.
 * `schema_migrations` is left out: a restore recreates the schema by migrating.
 */
export async function tablesInDependencyOrder(sql: Sql): Promise<string[]> {
  const tables = (await sql.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`)).map((row) => row.name);
  const edges = await sql.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     WHERE k.contype = 'f' AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const edge of edges) if (edge.child === table) visit(edge.parent, path);
    path.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** Every row of `table` as JSON objects, read in batches through a cursor of the caller's transaction. */
export async function* readTable(tx: Sql, table: string): AsyncGenerator<Row[]> {
  const cursor = `disan_backup_${table}`;
  await tx.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT to_jsonb(t) AS row FROM ${quoteIdent(table)} t`);
  try {
    for (;;) {
      const rows = await tx.query<{ row: Row }>(`FETCH ${ROWS_PER_BATCH} FROM ${cursor}`);
      if (rows.length === 0) return;
      yield rows.map((r) => r.row);
    }
  } finally {
    await tx.query(`CLOSE ${cursor}`);
  }
}

/**
 * Inserts rows as they were dumped: `jsonb_populate_recordset` turns each JSON object
 * back into the table's row type (timestamps, jsonb, bigint), and identity columns
 * keep their values and continue after the largest.
 */
export async function writeRows(tx: Sql, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const name = quoteIdent(table);
  const identity = await identityColumns(tx, table);
  await tx.query(`INSERT INTO ${name} ${identity.length > 0 ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT * FROM jsonb_populate_recordset(NULL::${name}, $1::jsonb)`, [JSON.stringify(rows)]);
}

/** After a restore: identity sequences continue after the largest restored value. */
export async function resetIdentities(tx: Sql, table: string): Promise<void> {
  for (const column of await identityColumns(tx, table)) {
    await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(max(${quoteIdent(column)}), 1), max(${quoteIdent(column)}) IS NOT NULL) FROM ${quoteIdent(table)}`, [table, column]);
  }
}

async function identityColumns(tx: Sql, table: string): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_identity = 'YES'`, [table]);
  return rows.map((row) => row.name);
}

/** Table names come from the catalog itself, but are quoted all the same. */
function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
