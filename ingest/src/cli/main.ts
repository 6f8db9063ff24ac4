import { err, out } from './printable.ts';
import { parseArgs } from 'node:util';
import { loadConfig } from '@disan/ingest/config';
import { ConfigError, isPermanent, openArchive } from '@disan/ingest';
import { runIngestCommand } from './commands/ingest.ts';
import { runSearchCommand } from './commands/search.ts';
import { runImportCommand } from './commands/import.ts';
import { runImportMarcCommand } from './commands/import-marc.ts';
import { runReindexCommand } from './commands/reindex.ts';
import { runJobsCommand } from './commands/jobs.ts';
import { runWorkerCommand } from './commands/worker.ts';
import { runBackupCommand, runRestoreCommand } from './commands/backup.ts';
import { runUsersCommand } from './commands/users.ts';
import { runAuditCommand } from './commands/audit.ts';
import { runHarvestCommand } from './commands/harvest.ts';
import { runDictionaryCommand } from './commands/dictionary.ts';
import { runCoverageCommand } from './commands/coverage.ts';

const HELP = `disan: the Disan heritage archive from the command line

Usage:
  disan ingest <files or folders...> [--sheet metadata.csv] [--collection id] [--concurrency n]
  disan search "<query>" [--filter field=value[,value]]... [--near lat,lon,km] [--sort s] [--lang l] [--page n] [--all] [--json]
  disan import <records.jsonl>
  disan import-marc <file.mrc|file.xml> [--status draft|in-review] [--collection id]
                               library records from a MARC file (ISO 2709 or MARCXML, UTF-8;
                               MARC-8 records are refused unless plain ASCII); the file's name
                               and each record's 001 find the same record on the next import
  disan harvest <base URL> [--prefix oai_dc|marc21] [--set spec] [--from 2024-01-31]
                               harvests an OAI-PMH repository into library records; run again,
                               it fetches only what changed (deletions withdraw the records)
  disan dictionary import <file.lift|file.zip|file.csv|file.xlsx> [--status draft|in-review|published] [--dry-run]
                               dictionary entries (LIFT from FieldWorks or WeSay with its audio/ folder,
                               or a sheet); the same LIFT guid or id reaches the same entry next time
  disan dictionary export --format lift|csv|xlsx <out>
                               every entry; LIFT as <out> with audio/ beside it, or a .zip of both
  disan coverage targets <file.json>
                               sets digitisation targets (a JSON array, as POST /api/coverage/targets takes
                               one); a target with the same id is changed, an identical one left alone
  disan reindex
  disan jobs [--retry-failed] [--backfill]
  disan worker [--concurrency n] [--once]
  disan backup <file.tar>      the whole archive in one file (asks the server when it is running)
  disan restore <file.tar>     into an empty data folder
  disan users add <email> --name "Full Name" --role admin [--role …] [--language vi|en|km|zh] [--link]
                               on a terminal asks for the password twice; otherwise (or with --link)
                               prints a one-time invitation link (also mailed when DISAN_SMTP_URL is set)
  disan users list
  disan users disable <email>  the account can no longer sign in; its sessions end at once
  disan users second-factor <email>
                               sets up a TOTP second factor at the terminal (for admins when
                               DISAN_ADMIN_SECOND_FACTOR=required)
  disan audit verify           checks the audit trail's hash chain; exit 1 names the first broken entry

Roles: admin, archivist, reviewer, researcher. With the embedded catalog, stop \`npm start\` first.

The data folder is ./data unless DISAN_DATA_DIR says otherwise; see the README for every setting.`;

const OPTIONS = {
  sheet: { type: 'string' },
  collection: { type: 'string' },
  status: { type: 'string' },
  concurrency: { type: 'string' },
  filter: { type: 'string', multiple: true },
  near: { type: 'string' },
  sort: { type: 'string' },
  lang: { type: 'string' },
  page: { type: 'string' },
  'page-size': { type: 'string' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
  'retry-failed': { type: 'boolean' },
  backfill: { type: 'boolean' },
  once: { type: 'boolean' },
  name: { type: 'string' },
  role: { type: 'string', multiple: true },
  language: { type: 'string' },
  link: { type: 'boolean' },
  prefix: { type: 'string' },
  set: { type: 'string' },
  from: { type: 'string' },
  format: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one command and returns the process exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}\n`);
    return 2;
  }
  const [command, ...positionals] = parsed.positionals;
  if (!command || parsed.values.help || command === 'help') {
    out(`${HELP}\n`);
    return command || parsed.values.help ? 0 : 2;
  }
  const withoutArchive = { backup: runBackupCommand, restore: runRestoreCommand };
  const commands = { ingest: runIngestCommand, search: runSearchCommand, import: runImportCommand, reindex: runReindexCommand, jobs: runJobsCommand, worker: runWorkerCommand, users: runUsersCommand, audit: runAuditCommand, 'import-marc': runImportMarcCommand, harvest: runHarvestCommand, dictionary: runDictionaryCommand, coverage: runCoverageCommand };
  if (!(command in commands) && !(command in withoutArchive)) {
    err(`unknown command "${command}"\n\n${HELP}\n`);
    return 2;
  }
  try {
    const config = loadConfig(env);
    // These open the archive themselves, or must not (a restore needs an empty one).
    if (command in withoutArchive) return await withoutArchive[command as keyof typeof withoutArchive](config, { positionals, values: parsed.values });
    const archive = await openArchive(config);
    if (archive.reindexedAtOpen > 0) err(`the search index was empty: rebuilt ${archive.reindexedAtOpen} items from the catalog\n`);
    try {
      return await commands[command as keyof typeof commands](archive, { positionals, values: parsed.values });
    } finally {
      await archive.close();
    }
  } catch (error) {
    if (error instanceof ConfigError || isPermanent(error)) {
      err(`disan ${command}: ${error.message}\n`);
      return 1;
    }
    err(`disan ${command} failed: ${describeChain(error)}\n`);
    return 1;
  }
}

/** An operator at a terminal wants the whole chain: our error, then what the backend said. */
function describeChain(error: unknown): string {
  const lines: string[] = [];
  for (let current: unknown = error; current !== undefined && lines.length < 5; current = current instanceof Error ? current.cause : undefined) {
    lines.push(current instanceof Error ? (current.stack ?? current.message) : JSON.stringify(current));
  }
  return lines.join('\ncaused by: ');
}
