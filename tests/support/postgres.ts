/**
 * A throwaway PostgreSQL for integration tests. With TEST_DATABASE_URL set, databases
 * are created on that server; otherwise one private server per test process is started
 * from Debian's postgresql binaries on 127.0.0.1, in a temp folder, and removed when the
 * last database is closed. Every call gets a fresh, empty database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '@disan/ingest/database';

export interface TestPostgres {
  /** Connection URL of a fresh database. */
  url: string;
  /** Drops the database (and stops the private server after the last one). */
  close(): Promise<void>;
}

interface Server {
  adminUrl: string;
  stop(): Promise<void>;
}

let server: Promise<Server> | undefined;
let openDatabases = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const external = process.env.TEST_DATABASE_URL;
  openDatabases++;
  try {
    const { adminUrl } = await (external ? { adminUrl: external } : (server ??= startServer()));
    const name = `disan_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await onServer(adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    let closed = false;
    return {
      url: url.toString(),
      close: async () => {
        if (closed) return;
        closed = true;
        await onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

async function release(): Promise<void> {
  openDatabases--;
  if (openDatabases > 0 || !server) return;
  const stopping = server;
  server = undefined;
  await (await stopping).stop();
}

async function onServer(adminUrl: string, statement: string): Promise<void> {
  const admin = await openPostgres(adminUrl, { max: 1 });
  try {
    await admin.exec(statement);
  } finally {
    await admin.close();
  }
}

function findBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb')));
  if (!bin) {
    throw new Error(
      `PostgreSQL server binaries not found in ${root}/<version>/bin. Integration tests need a real PostgreSQL: ` +
        'run `apt-get install postgresql`, or set TEST_DATABASE_URL to a server where the tests may create databases.',
    );
  }
  return bin;
}

/** PostgreSQL refuses to run as root; when we are root, run it as the `postgres` user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('Running as root but there is no `postgres` user to run PostgreSQL as; run `apt-get install postgresql`.');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function startServer(): Promise<Server> {
  const bin = findBinaries();
  const user = serverUser();
  const dir = await mkdtemp(join(tmpdir(), 'disan-pg-'));
  if (user) await chown(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const options = { cwd: dir, ...user };
  await run(spawn(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], options), 'initdb');
  const port = await freePort();
  const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=100', `unix_socket_directories=${dir}`];
  const child = spawn(join(bin, 'postgres'), ['-D', data, '-h', '127.0.0.1', '-p', String(port), ...settings.flatMap((s) => ['-c', s])], options);
  // If the test process ends without closing (a crash, a killed run), leave nothing behind.
  const killOnExit = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  await ready(child);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      process.off('exit', killOnExit);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill("SIGINT"); // fast shutdown
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function run(child: ChildProcess, what: string): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (exit ${code}):\n${output}`));
    });
  });
}

function ready(child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  let log = '';
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onExit = (code: number | null) => { fail(new Error(`PostgreSQL exited during start-up (exit ${code}):\n${log}`)); };
    const timer = setTimeout(() => { fail(new Error(`PostgreSQL did not start within ${timeoutMs} ms:\n${log}`)); }, timeoutMs);
    child.once('error', fail);
    child.once('exit', onExit);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready to accept connections')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not find a free port'));
      });
    });
  });
}
