import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { backupArchive, CatalogInUseError, openArchive, restoreArchive, ValidationError, type BackupSummary } from '@disan/ingest';
import type { Config } from '@disan/ingest/config';
import type { CommandArgs } from '../args.ts';
import { err, out } from '../printable.ts';

/**
 * `disan backup <file>`: the whole archive in one tar file. When the archive is being
 * served (`npm start` holds the embedded catalog), the serving process makes it, over
 * HTTP with the operator token: a backup while serving is consistent either way. The
 * file appears under its name only once complete.
 */
export async function runBackupCommand(config: Config, { positionals }: CommandArgs): Promise<number> {
  const file = positionals[0];
  if (!file) throw new ValidationError('name the backup file to write: disan backup <file.tar>');
  const partial = `${file}.partial`;
  try {
    const summary = await backupHere(config, partial).catch(async (error: unknown) => {
      if (!(error instanceof CatalogInUseError)) throw error;
      err(`the archive is being served (${error.holder ? `process ${error.holder.pid}` : 'another process'}): asking it for the backup\n`);
      await backupThroughServer(config, partial);
      return null;
    });
    await rename(partial, file);
    out(summary ? `backed up ${describe(summary)} to ${file}\n` : `backed up the served archive to ${file}\n`);
    return 0;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** `disan restore <file>`: into an empty data folder (or empty database and bucket), never over an archive. */
export async function runRestoreCommand(config: Config, { positionals }: CommandArgs): Promise<number> {
  const file = positionals[0];
  if (!file) throw new ValidationError('name the backup file to restore: disan restore <file.tar>');
  const report = await restoreArchive(config, createReadStream(file));
  out(`restored ${describe(report)}; search index rebuilt from ${report.reindexed} records\n`);
  return 0;
}

async function backupHere(config: Config, file: string): Promise<BackupSummary> {
  const archive = await openArchive(config);
  try {
    return await backupArchive(archive, createWriteStream(file));
  } finally {
    await archive.close();
  }
}

async function backupThroughServer(config: Config, file: string): Promise<void> {
  const token = config.http.operatorToken;
  if (!token) {
    throw new ValidationError('the archive is being served: set DISAN_OPERATOR_TOKEN to the token the server was started with, and the backup is made by the server; or stop the server first');
  }
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? '127.0.0.1' : config.http.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.http.port}/api/backup`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } }).catch((error: unknown) => {
    throw new ValidationError(`the archive is being served, but its API does not answer at ${url} (DISAN_HOST, DISAN_API_PORT): ${(error as Error).message}`);
  });
  if (!response.ok || !response.body) throw new ValidationError(`the server refused the backup: ${response.status} ${await response.text()}`);
  await pipeline(Readable.fromWeb(response.body), createWriteStream(file));
}

function describe(summary: BackupSummary): string {
  const records = summary.tables.find((table) => table.name === 'items')?.rows ?? 0;
  return `${records} records and ${summary.objects} files (${(summary.bytes / 1_048_576).toFixed(1)} MB)`;
}
