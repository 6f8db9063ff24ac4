import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { DICTIONARY_FORMATS, ITEM_STATUSES, type DictionaryFormat, type ItemStatus } from '@disan/schemas';
import { type Archive, ValidationError } from '@disan/ingest';
import { SYSTEM } from '@disan/ingest/access';
import { collectEntries, dictionaryDownload, importDictionary, readDictionaryPath } from '@disan/ingest/dictionary';
import { out } from '../printable.ts';
import type { CommandArgs } from '../args.ts';

const IMPORT_STATUSES: readonly ItemStatus[] = ITEM_STATUSES.filter((status) => status !== 'withdrawn');

/**
 * `disan dictionary import <file.lift|.zip|.csv|.xlsx>`: entries into the catalog (audio
 * files read from beside the file); `disan dictionary export --format lift|csv|xlsx <out>`:
 * every entry out (LIFT: `<out>.lift` with `audio/` beside it, or a .zip of both).
 */
export async function runDictionaryCommand(archive: Archive, { positionals, values }: CommandArgs): Promise<number> {
  const [action, path] = positionals;
  if (action === 'import' && path) return importCommand(archive, path, values);
  if (action === 'export' && path) return exportCommand(archive, path, values);
  throw new ValidationError('disan dictionary import <file.lift|file.zip|file.csv|file.xlsx> [--status draft|in-review|published] [--dry-run], or disan dictionary export --format lift|csv|xlsx <out>');
}

async function importCommand(archive: Archive, path: string, values: CommandArgs['values']): Promise<number> {
  const status = values.status ?? 'draft';
  if (typeof status !== 'string' || !IMPORT_STATUSES.includes(status as ItemStatus)) throw new ValidationError(`--status must be one of ${IMPORT_STATUSES.join(', ')}`);
  const incoming = await readDictionaryPath(path);
  const dryRun = values['dry-run'] === true;
  const report = await importDictionary(archive, SYSTEM, incoming.format, incoming.entries, incoming.audio, { dryRun, status: status as ItemStatus });
  const count = (outcome: string) => report.rows.filter((row) => row.outcome === outcome).length;
  out(`${dryRun ? 'would import' : 'imported'} ${report.entries} entries: ${count('new')} new, ${count('changed')} changed, ${count('unchanged')} unchanged, ${count('skipped')} skipped, ${report.invalid} refused\n`);
  for (const row of report.rows) {
    const where = `  ${incoming.format === 'lift' ? 'entry' : 'row'} ${row.line}${row.headword ? ` (${row.headword})` : ''}`;
    for (const error of row.errors) out(`${where}: ${error}\n`);
    for (const warning of row.warnings) out(`${where}: note: ${warning}\n`);
    for (const audio of row.audio) if (audio.outcome === 'failed') out(`${where}: ${audio.file}: ${audio.reason ?? 'not registered'}\n`);
  }
  return report.invalid > 0 ? 1 : 0;
}

async function exportCommand(archive: Archive, path: string, values: CommandArgs['values']): Promise<number> {
  const format = values.format ?? 'lift';
  if (typeof format !== 'string' || !(DICTIONARY_FORMATS as readonly string[]).includes(format)) throw new ValidationError(`--format must be one of ${DICTIONARY_FORMATS.join(', ')}`);
  const entries = await collectEntries(archive, SYSTEM);
  const download = await dictionaryDownload(archive, entries, format as DictionaryFormat);
  await mkdir(dirname(path), { recursive: true });
  if (format === 'lift' && !path.toLowerCase().endsWith('.zip')) {
    // LIFT's convention: the .lift file with its audio/ folder beside it.
    for (const [name, bytes] of Object.entries(unzipSync(download.bytes))) {
      const target = name === 'dictionary.lift' ? path : join(dirname(path), name);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
  } else {
    await writeFile(path, download.bytes);
  }
  const audio = entries.reduce((sum, entry) => sum + entry.audio.length, 0);
  out(`exported ${entries.length} entries with ${audio} audio files to ${path}\n`);
  return 0;
}
