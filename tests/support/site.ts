/**
 * The built site for tests that drive it over HTTP: built once per run into
 * node_modules/.cache (so a running `npm start` keeps its own site/dist), and served by
 * its real server (site/bin/serve.ts) as a child process talking to an API over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './launch.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SITE = join(ROOT, 'site');
export const SITE_DIST = join(ROOT, 'node_modules', '.cache', 'disan-site-test');

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const names = await readdir(path);
  const times = await Promise.all(names.map((name) => newestMtime(join(path, name))));
  return Math.max(info.mtimeMs, ...times);
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`));
    });
  });
}

let building: Promise<void> | undefined;

/** One build per run, skipped when the cached build is newer than every site and schema source. */
export function buildSiteOnce(): Promise<void> {
  building ??= (async () => {
    const built = await stat(join(SITE_DIST, 'server', 'entry.mjs')).then((s) => s.mtimeMs, () => 0);
    const sources = Math.max(await newestMtime(join(SITE, 'src')), await newestMtime(join(SITE, 'astro.config.mjs')), await newestMtime(join(ROOT, 'schemas', 'src')));
    if (built > sources) return;
    await rm(SITE_DIST, { recursive: true, force: true });
    await run(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', SITE_DIST], SITE);
  })();
  return building;
}

export interface RunningSite {
  url: string;
  pid: number | undefined;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts the built site's server in front of `apiUrl`, and waits until it answers. */
export async function startSite(apiUrl: string, env: Record<string, string> = {}): Promise<RunningSite> {
  await buildSiteOnce();
  const port = await freePort();
  const site: ChildProcess = spawn(process.execPath, ['--no-warnings', join(SITE, 'bin', 'serve.ts'), '--dist', SITE_DIST], {
    cwd: ROOT,
    env: { ...process.env, DISAN_API_URL: apiUrl, DISAN_SITE_HOST: '127.0.0.1', DISAN_SITE_PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  site.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  site.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (site.exitCode !== null || site.signalCode !== null) return;
    site.kill('SIGTERM');
    await new Promise((resolve) => site.once('exit', resolve));
  };
  for (let i = 0; i < 200; i++) {
    if (site.exitCode !== null) throw new Error(`the site exited:\n${log}`);
    if (await fetch(`${url}/about`).then((r) => r.ok, () => false)) return { url, pid: site.pid, log: () => log, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`the site did not answer:\n${log}`);
}
