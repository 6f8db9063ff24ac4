import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Archive } from '@disan/ingest';
import { IMAGE_RENDITIONS } from '../../ingest/src/media/renditions.ts';
import { readAll } from '../../ingest/src/processing/read-all.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'ingest', 'bin', 'disan.js');

/** Where a process is killed: after it reports some files or jobs done, or after a delay. */
export type KillPoint = { afterLines: number } | { afterMs: number };

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Progress lines: one per file (ingest) or per finished job (worker). */
  lines: string[];
  output: string;
}

const PROGRESS = /^(ingested|skipped|failed|stored|done) /;

const live = new Set<ChildProcess>();

/** Kills every process a test started and did not see end (a failed or timed-out test). */
export function killStragglers(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/**
 * Runs a `disan` command as a real process and, at the kill point, SIGKILLs it: no
 * handler runs, nothing is flushed or closed, as when a machine loses power or the
 * OOM killer strikes. `stop` ends it early the same way.
 */
export function runDisan(args: string[], env: Record<string, string>, kill?: KillPoint): { done: Promise<Run>; kill: () => void; pid: number } {
  const child = spawn(process.execPath, ['--no-warnings', BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const killNow = () => child.kill('SIGKILL');
  const done = new Promise<Run>((resolve, reject) => {
    const lines: string[] = [];
    let output = '';
    const timer = kill && 'afterMs' in kill ? setTimeout(killNow, kill.afterMs) : undefined;
    // Progress goes to stderr when it is not a terminal; read both streams. A chunk may end
    // mid-line (it does on a busy machine): the rest of that line waits for the next chunk.
    const reader = () => {
      let partial = '';
      return (chunk: string) => {
        output += chunk;
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        lines.push(...parts.filter((line) => PROGRESS.test(line)));
        if (kill && 'afterLines' in kill && lines.length >= kill.afterLines) killNow();
      };
    };
    child.stdout.setEncoding('utf8').on('data', reader());
    child.stderr.setEncoding('utf8').on('data', reader());
    child.on('error', reject);
    child.on('close', (code, signal) => {
      live.delete(child);
      clearTimeout(timer);
      resolve({ code, signal, lines, output });
    });
  });
  // A worker's id in the job queue names its pid (host:pid:random), so a test can find its jobs.
  return { done, kill: killNow, pid: child.pid! };
}

/** `count` small JPEGs with distinct content (a colour and a number each). */
export async function makeImages(folder: string, count: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="hsl(${(i * 37) % 360},60%,${30 + (i % 40)}%)"/><text x="20" y="140" font-size="80" fill="white">${i}</text></svg>`;
    await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(join(folder, `photo-${String(i).padStart(3, '0')}.jpg`));
  }
}

/**
 * After the crashes and a final run: every file once, every derivative whole, storage
 * holding exactly what the catalog knows about, every job done, every item indexed.
 */
export async function expectCompleteArchive(archive: Archive, files: number): Promise<void> {
  const media = await archive.catalog.media.listByStatus('ready', { limit: 10_000 });
  expect(media).toHaveLength(files);
  for (const status of ['pending', 'processing', 'failed'] as const) expect(await archive.catalog.media.listByStatus(status)).toEqual([]);
  expect(new Set(media.map((m) => m.originalName)).size).toBe(files);
  expect(await archive.catalog.items.count()).toBe(files);

  const expectedKeys = new Set<string>();
  for (const m of media) {
    // The original is stored by content: its bytes must hash to its key.
    const original = await readAll((await archive.storage.get(m.originalKey)).body);
    expect(createHash('sha256').update(original).digest('hex')).toBe(m.sha256);
    expectedKeys.add(m.originalKey);
    expect(m.derivatives.map((d) => d.name).sort()).toEqual(IMAGE_RENDITIONS.map((r) => r.name).sort());
    for (const derivative of m.derivatives) {
      expectedKeys.add(derivative.key);
      const bytes = await readAll((await archive.storage.get(derivative.key)).body);
      expect(bytes.length).toBe(derivative.size);
      // A partial file would not decode to the recorded size.
      expect((await sharp(bytes).metadata()).width).toBe(derivative.width);
    }
  }
  const stored = new Set<string>();
  for await (const object of archive.storage.list('')) stored.add(object.key);
  expect([...stored].filter((key) => !expectedKeys.has(key))).toEqual([]);
  expect(stored.size).toBe(expectedKeys.size);

  const counts = await archive.jobs.counts();
  expect(counts['image.derivatives']).toMatchObject({ queued: 0, running: 0, failed: 0, done: files });
  expect(await archive.search.count()).toBe(files);
}
