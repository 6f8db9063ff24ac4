import { hostname } from 'node:os';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { ConflictError } from '../errors.ts';

/** Who holds the embedded catalog, shown to whoever else tries to open it. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface ProcessLock {
  release(): void;
}

/**
 * The embedded catalog belongs to one process at a time: PGlite keeps its own copy of
 * the database in memory and writes it back, so a second process opening the same
 * folder loses the first one's writes (or its own) without a word.
 *
 * The lock is an exclusive SQLite transaction held on `<dir>.lock` for the life of the
 * process. SQLite takes it with the operating system's file locks, which the kernel
 * releases when the process ends, however it ends: a crashed holder never leaves the
 * catalog locked. `<dir>.lock.json` says who holds it, for the message.
 */
export async function lockCatalog(dir: string): Promise<ProcessLock> {
  const path = `${dir}.lock`;
  const lock = new DatabaseSync(path, { timeout: 0 });
  try {
    lock.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;');
  } catch (error) {
    lock.close();
    if (!isBusy(error)) throw error;
    throw new CatalogInUseError(dir, await readHolder(path));
  }
  await writeHolder(path, { pid: process.pid, host: hostname(), command: commandLine(), since: new Date().toISOString() });
  return {
    release() {
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}

export class CatalogInUseError extends ConflictError {
  readonly holder: LockHolder | null;
  constructor(dir: string, holder: LockHolder | null) {
    const who = holder ? `process ${holder.pid} on ${holder.host} (${holder.command}), since ${holder.since}` : 'another process';
    super(
      `The embedded catalog in ${dir} is open in ${who}. It belongs to one process at a time: ` +
        'stop that process first (Ctrl-C where `npm start` runs), then run this command again; ' +
        'or run with PostgreSQL (DATABASE_URL), where several processes share the catalog.',
    );
    this.holder = holder;
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && /database is locked|SQLITE_BUSY/i.test(`${error.message} ${String((error as { code?: unknown }).code)}`);
}

async function writeHolder(path: string, holder: LockHolder): Promise<void> {
  // Written aside and renamed, so a reader never sees half of it.
  await writeFile(`${path}.json.tmp-${process.pid}`, JSON.stringify(holder));
  await rename(`${path}.json.tmp-${process.pid}`, `${path}.json`);
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(`${path}.json`, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/** `disan ingest photos/`, `node api/src/launcher/start.ts`: enough to recognise the process. */
function commandLine(): string {
  const [runtime = 'node', script = '', ...args] = process.argv;
  const name = script.endsWith('disan.js') ? 'disan' : `${runtime.split('/').pop() ?? 'node'} ${script.replace(process.cwd() + '/', '')}`;
  return [name, ...args].join(' ').slice(0, 200);
}
