import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SITE = join(ROOT, 'site');
const ENTRY = join(SITE, 'dist', 'server', 'entry.mjs');
const SOURCES = [join(SITE, 'src'), join(SITE, 'public'), join(SITE, 'astro.config.mjs'), join(SITE, 'package.json')];

/** Newest modification time under the paths (files and folders, recursively). */
async function newest(paths: string[]): Promise<number> {
  let latest = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    latest = Math.max(latest, info.mtimeMs);
    if (info.isDirectory()) {
      const entries = await readdir(path);
      latest = Math.max(latest, await newest(entries.map((name) => join(path, name))));
    }
  }
  return latest;
}

/** The site is built once, and again only when its sources changed since the last build. */
export async function siteNeedsBuild(): Promise<boolean> {
  const built = await stat(ENTRY).then((info) => info.mtimeMs, () => 0);
  return built === 0 || (await newest(SOURCES)) > built;
}

export function buildSite(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--workspace', 'site', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`building the site failed (exit code ${code ?? 'none'}); run "npm run build --workspace site" to see why`));
    });
  });
}

/**
 * Starts the built site server as a child process (it talks to the API over HTTP only,
 * and reads its own settings: DISAN_SITE_HOST, DISAN_SITE_PORT...). Resolves with the
 * address it reports once listening; rejects if it exits first or takes too long.
 */
export function startSite(env: NodeJS.ProcessEnv, timeoutMs = 60_000): { child: ChildProcess; listening: Promise<string> } {
  const child = spawn(process.execPath, ['--no-warnings', join(SITE, 'bin', 'serve.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`the site did not start within ${timeoutMs / 1000} s`)); }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      process.stdout.write(chunk);
      const match = /listening on (http:\/\/\S+?),/.exec(chunk);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace('//0.0.0.0:', '//127.0.0.1:'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the site stopped while starting (exit code ${code ?? 'none'})`));
    });
  });
  return { child, listening };
}

/** Resolves once `url` answers (the site's first render can take a moment). */
export async function waitUntilServing(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status < 500, () => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`the site did not answer at ${url} within ${timeoutMs / 1000} s`);
}
