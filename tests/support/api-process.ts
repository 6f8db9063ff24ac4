import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PASSWORD } from './accounts.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const live = new Set<ChildProcess>();

/** SIGKILLs every API process a test or bench started and did not see end. */
export function killApiProcesses(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/**
 * The API alone as production runs it (`node api/src/main.ts`, with the job worker
 * inside in the embedded mode) on a data folder and port, awaited until /api/health
 * answers. The folder's catalog must not be open elsewhere (PGlite is one process's).
 */
export async function startApiProcess(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--no-warnings', join(ROOT, 'api', 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', DISAN_DATA_DIR: dataDir, DISAN_HOST: '127.0.0.1', DISAN_API_PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('the API did not answer within 60 s');
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => { resolve(); }));
}

/** Signs in over HTTP as a browser does: the session cookie and the CSRF token for changes. */
export async function signInOverHttp(base: string, email: string, password = PASSWORD): Promise<{ cookie: string; headers: Record<string, string> }> {
  const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  const cookie = /disan_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** Resident memory of a process, in bytes (Linux). */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kib ?? 0) * 1024;
}
