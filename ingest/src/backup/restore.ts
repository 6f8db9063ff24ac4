import { readdir, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { extract as createExtract } from 'tar-stream';
import { openArchive } from '../archive.ts';
import type { Config } from '../config.ts';
import type { Database, Row, Sql } from '../database/database.ts';
import { loadMigrations, migrate } from '../database/migrate.ts';
import { connectDatabase } from '../database/open.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { createStorage } from '../storage/create.ts';
import type { ObjectStorage } from '../storage/storage.ts';
import { resetIdentities, ROWS_PER_BATCH, writeRows } from './catalog-tables.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, CONTENT_TYPE_PAX, type BackupManifest, type BackupSummary } from './format.ts';

export interface RestoreReport extends BackupSummary {
  /** Records put back into the search index, rebuilt from the restored catalog. */
  reindexed: number;
}

/**
 * Restores a backup made by `backupArchive` into an empty archive (an empty data folder,
 * or an empty database and bucket): the catalog in one transaction, the objects, then the
 * search index rebuilt from the catalog. A backup made by an older Disan is brought up to
 * date by the migrations it lacks. If anything fails (a file cut short, a damaged entry)
 * nothing stays: the transaction rolls back and the objects already written are deleted.
 */
export async function restoreArchive(config: Config, input: Readable): Promise<RestoreReport> {
  await refuseNonEmptyFolders(config);
  const db = await connectDatabase(config.database);
  let storage: ObjectStorage | undefined;
  const stored: string[] = [];
  let summary: BackupSummary;
  try {
    storage = await createStorage(config.storage);
    await refuseNonEmptyTarget(db, storage);
    const target = storage;
    summary = await db.transaction((tx) => readBackup(tx, target, input, stored));
  } catch (error) {
    for (const key of stored) await storage?.delete(key).catch(() => undefined);
    await Promise.allSettled([db.close(), storage?.close()]);
    // Both folders were empty before (checked above): leave them so, not even empty subfolders.
    if (config.database.driver === 'pglite') await rm(config.database.dir, { recursive: true, force: true });
    if (config.storage.driver === 'filesystem') await rm(config.storage.root, { recursive: true, force: true });
    throw error;
  }
  await Promise.all([db.close(), storage.close()]);
  const archive = await openArchive(config);
  try {
    let reindexed = archive.reindexedAtOpen;
    if (reindexed === 0) {
      // A production search engine may hold an older index: start it afresh from the catalog.
      await archive.search.clear();
      reindexed = await archive.indexer.reindexAll();
    }
    return { ...summary, reindexed };
  } finally {
    await archive.close();
  }
}

async function readBackup(tx: Sql, storage: ObjectStorage, input: Readable, stored: string[]): Promise<BackupSummary> {
  const migrations = await loadMigrations();
  const extract = createExtract();
  input.on('error', (error) => {
    extract.destroy(error);
  });
  input.pipe(extract);
  let manifest: BackupManifest | undefined;
  let end: BackupSummary | undefined;
  let objects = 0;
  let bytes = 0;
  for await (const source of extract) {
    const name = source.header.name;
    const size = source.header.size;
    // tar-stream's entries are streamx streams: seen as Node streams by everything below.
    const entry = Readable.from(source);
    if (end) throw new ValidationError(`the backup has an entry after its end marker (${name}): it is not a Disan backup`);
    if (name === 'disan-backup.json') {
      manifest = checkManifest(JSON.parse(await text(entry)), migrations.length);
      await migrate(tx, migrations.slice(0, manifest.schemaVersion));
    } else if (!manifest) {
      throw new ValidationError(`the file does not start with disan-backup.json (found ${name}): it is not a Disan backup`);
    } else if (name.startsWith('catalog/') && name.endsWith('.jsonl')) {
      const table = name.slice('catalog/'.length, -'.jsonl'.length);
      const expected = manifest.tables.find((t) => t.name === table);
      if (!expected) throw new ValidationError(`the backup holds a table its manifest does not list: ${table}`);
      const rows = await loadTable(tx, table, entry);
      if (rows !== expected.rows) throw new ValidationError(`the backup's ${table} holds ${rows} rows where its manifest says ${expected.rows}: the file is damaged`);
    } else if (name.startsWith('objects/')) {
      const key = name.slice('objects/'.length);
      const contentType = (source.header.pax as Record<string, string> | undefined)?.[CONTENT_TYPE_PAX] ?? 'application/octet-stream';
      stored.push(key);
      await storage.put(key, entry, { contentType, size });
      objects++;
      bytes += size;
    } else if (name === 'disan-backup-end.json') {
      end = JSON.parse(await text(entry)) as BackupSummary;
      if (end.objects !== objects || end.bytes !== bytes) throw new ValidationError(`the backup lists ${end.objects} objects (${end.bytes} bytes) but holds ${objects} (${bytes} bytes): the file is damaged`);
    } else {
      throw new ValidationError(`unexpected entry in the backup: ${name}`);
    }
  }
  if (!end) throw new ValidationError('the backup file is incomplete (it was cut short before its end marker): nothing was restored');
  // A backup from an older Disan: the migrations it lacks run on the restored data.
  await migrate(tx, migrations);
  return end;
}

function checkManifest(value: unknown, newestSchema: number): BackupManifest {
  const manifest = value as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT) throw new ValidationError('the file is not a Disan backup (no disan-backup manifest)');
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) throw new ValidationError(`backup format ${String(manifest.formatVersion)} is not one this Disan reads (${BACKUP_FORMAT_VERSION})`);
  if (typeof manifest.schemaVersion !== 'number' || manifest.schemaVersion > newestSchema) {
    throw new ValidationError(`the backup was made by a newer Disan (catalog schema ${String(manifest.schemaVersion)}, this one knows ${newestSchema}): restore it with that version or newer`);
  }
  return manifest as BackupManifest;
}

async function loadTable(tx: Sql, table: string, entry: Readable): Promise<number> {
  let batch: Row[] = [];
  let rows = 0;
  for await (const line of createInterface({ input: entry, crlfDelay: Infinity })) {
    if (line === '') continue;
    batch.push(JSON.parse(line) as Row);
    if (batch.length === ROWS_PER_BATCH) {
      await writeRows(tx, table, batch);
      rows += batch.length;
      batch = [];
    }
  }
  await writeRows(tx, table, batch);
  await resetIdentities(tx, table);
  return rows + batch.length;
}

async function text(entry: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The embedded folders must be new: a restore never merges into an archive. */
async function refuseNonEmptyFolders(config: Config): Promise<void> {
  const folders = [config.database.driver === 'pglite' ? config.database.dir : null, config.storage.driver === 'filesystem' ? config.storage.root : null];
  for (const folder of folders) {
    if (folder === null) continue;
    const entries = await readdir(folder).catch(() => []);
    if (entries.length > 0) throw new ConflictError(`${folder} is not empty: restore into a new, empty data folder (DISAN_DATA_DIR)`);
  }
}

async function refuseNonEmptyTarget(db: Database, storage: ObjectStorage): Promise<void> {
  const [catalog] = await db.query<{ exists: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'items') AS exists`);
  if (catalog?.exists) throw new ConflictError('the target catalog database already holds an archive: restore into an empty database');
  for await (const object of storage.list('')) throw new ConflictError(`the target storage already holds objects (${object.key}): restore into an empty bucket or folder`);
}
