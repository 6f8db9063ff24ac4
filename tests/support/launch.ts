/**
 * The whole archive as a newcomer starts it (`npm start`), for end-to-end tests: the
 * lead's launcher spawned on a temporary data folder and free ports, awaited until it
 * prints its ready line, stopped with SIGTERM like Ctrl-C.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { DatabaseSync } from 'node:sqlite';

const ROOT = join(import.meta.dirname, '..', '..');
const LAUNCHER = join(ROOT, 'api', 'src', 'launcher', 'start.ts');
const DISAN = join(ROOT, 'ingest', 'bin', 'disan.js');

/** The first start builds the site and ingests the samples (a video transcode included) on 2 busy cores. */
export const FIRST_START_TIMEOUT_MS = 600_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_TAIL_CHARS = 6_000;
/** Launched archives get this operator token: the job counts the tests wait on are for staff only. */
const OPERATOR_TOKEN = 'e2e-operator-token-0123456789abcdef';

export interface LaunchedArchive {
  /** The site's base URL, with a trailing slash (`http://127.0.0.1:43210/`). */
  siteUrl: string;
  /** The API's base URL, without a trailing slash; routes live under `/api`. */
  apiUrl: string;
  dataDir: string;
  /** Everything the launcher printed so far (stdout and stderr), for failure messages. */
  log: () => string;
  /** SIGTERM, then waits for the launcher (and its site child) to exit. */
  stop: () => Promise<void>;
}

/** A port nobody listens on right now: the kernel picks one for port 0, and it is released at once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => { resolve(port); });
    });
  });
}

export function temporaryDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'disan-e2e-'));
}

export function removeDataDir(dataDir: string): Promise<void> {
  return rm(dataDir, { recursive: true, force: true });
}

/** The variables a child process of the test needs: the system's (PATH, HOME) plus the archive's. */
function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, LOG_LEVEL: 'warn', ...vars };
}

/** Runs the `disan` command on a data folder (the archive must be stopped: PGlite belongs to one process). */
export async function runDisan(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [DISAN, ...args], {
    cwd: ROOT,
    env: childEnv({ ...env, DISAN_DATA_DIR: dataDir }),
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => { resolve(); }));
}

/** Resolves with the two URLs once the ready line is printed; rejects with the log if the launcher exits or times out first. */
function waitForReady(child: ChildProcess, output: () => string, timeoutMs: number): Promise<{ siteUrl: string; apiUrl: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { finish(new Error(`the launcher printed no ready line within ${timeoutMs / 1000} s:\n${output()}`)); }, timeoutMs);
    const check = () => {
      const text = output();
      const site = /the archive is ready: open (\S+)/.exec(text)?.[1];
      const api = /the API answers at (\S+)\/api\b/.exec(text)?.[1];
      if (site !== undefined && api !== undefined) finish(undefined, { siteUrl: site, apiUrl: api });
    };
    const exited = (code: number | null) => { finish(new Error(`the launcher exited (code ${String(code)}) before it was ready:\n${output()}`)); };
    function finish(error: Error | undefined, urls?: { siteUrl: string; apiUrl: string }) {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', exited);
      if (urls) resolve(urls);
      else reject(error ?? new Error('the launcher did not start'));
    }
    child.stdout?.on('data', check);
    child.once('exit', exited);
  });
}

/**
 * Starts `npm start`'s launcher on `dataDir` with free ports. The launcher is its own
 * process group, so a stop that times out can kill it together with its site child.
 */
export async function launchArchive(dataDir: string, options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<LaunchedArchive> {
  const release = await oneArchiveAtATime();
  try {
    const launched = await startLauncher(dataDir, options);
    return { ...launched, stop: () => launched.stop().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}

/** How long a suite waits for another's archive to stop before it gives up. */
const LAUNCH_LOCK_WAIT_MS = 20 * 60_000;

/**
 * One launched archive at a time on this machine, across vitest's workers: a whole archive
 * with its site and Chromium fills both cores, and two side by side take longer than one
 * after the other (the workspace journey: 58 s alone, 232 s beside the review suite). The
 * lock is an exclusive SQLite transaction on a file in the temp folder: the kernel lets
 * go of it when a worker dies, however it dies. tests/support/sequencer.ts spreads the
 * browser suites through the run so that they seldom wait here.
 */
async function oneArchiveAtATime(): Promise<() => void> {
  const path = join(tmpdir(), 'disan-tests-launched-archive.lock');
  const deadline = Date.now() + LAUNCH_LOCK_WAIT_MS;
  for (;;) {
    const lock = new DatabaseSync(path, { timeout: 0 });
    try {
      lock.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;');
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        lock.exec('ROLLBACK');
        lock.close();
      };
    } catch (error) {
      lock.close();
      if (!(error instanceof Error && /locked|busy/i.test(error.message))) throw error;
    }
    if (Date.now() > deadline) throw new Error(`another test's archive was still running after ${LAUNCH_LOCK_WAIT_MS / 60_000} min (lock ${path})`);
    await sleep(500);
  }
}

async function startLauncher(dataDir: string, options: { timeoutMs?: number; env?: Record<string, string> }): Promise<LaunchedArchive> {
  const [apiPort, sitePort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--no-warnings', LAUNCHER], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({
      DISAN_DATA_DIR: dataDir,
      DISAN_HOST: '127.0.0.1',
      DISAN_API_PORT: String(apiPort),
      DISAN_SITE_HOST: '127.0.0.1',
      DISAN_SITE_PORT: String(sitePort),
      DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN,
      ...options.env,
    }),
  });
  let output = '';
  const append = (chunk: Buffer) => { output = (output + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS); };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const stopped = await Promise.race([waitForExit(child).then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
    if (!stopped && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGKILL');
      await waitForExit(child);
      throw new Error(`the launcher did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM and was killed:\n${output}`);
    }
  };
  try {
    const urls = await waitForReady(child, () => output, options.timeoutMs ?? FIRST_START_TIMEOUT_MS);
    return { ...urls, dataDir, log: () => output, stop };
  } catch (error) {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    throw error;
  }
}

/** Background jobs (renditions, transcodes, text) still to do, from the API's job counts. */
async function pendingJobs(apiUrl: string): Promise<number> {
  const response = await fetch(`${apiUrl}/api/jobs?limit=1`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  if (!response.ok) throw new Error(`GET /api/jobs answered ${response.status}`);
  const { counts } = (await response.json()) as { counts: Record<string, Record<string, number>> };
  return Object.values(counts).reduce((sum, byStatus) => sum + (byStatus.queued ?? 0) + (byStatus.running ?? 0), 0);
}

/** Waits until the in-process worker has no queued or running job, so every rendition exists. */
export async function waitForJobs(apiUrl: string, timeoutMs = FIRST_START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await pendingJobs(apiUrl);
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} background jobs still pending after ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}
