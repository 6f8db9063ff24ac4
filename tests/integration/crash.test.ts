import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../ingest/src/archive.ts';
import { loadConfig } from '../../ingest/src/config.ts';
import { IMAGE_RENDITIONS } from '../../ingest/src/media/renditions.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'ingest', 'bin', 'disan.js');
const FILES = 100;

/** Where each interrupted run is killed: after some files have finished, or after a delay. */
type KillPoint = { afterFiles: number } | { afterMs: number };

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  output: string;
}

/**
 * Runs `disan ingest` as a real process and, when a kill point is given, SIGKILLs it
 * there: no handler runs, nothing is flushed or closed, as when a machine loses power
 * or the OOM killer strikes.
 */
function runIngest(folder: string, dataDir: string, kill?: KillPoint): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', BIN, 'ingest', folder], {
      cwd: ROOT,
      env: { ...process.env, DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let output = '';
    const killNow = () => child.kill('SIGKILL');
    const timer = kill && 'afterMs' in kill ? setTimeout(killNow, kill.afterMs) : undefined;
    // Progress lines (one per file, on stderr when not a terminal) tell how far the run got.
    const onData = (chunk: string) => {
      output += chunk;
      lines.push(...chunk.split('\n').filter((line) => /^(ingested|skipped|failed|stored) /.test(line)));
      if (kill && 'afterFiles' in kill && lines.length >= kill.afterFiles) killNow();
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, lines, output });
    });
  });
}

async function makeImages(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    // Distinct content per file: a colour per index plus its number drawn in.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="hsl(${(i * 37) % 360},60%,${30 + (i % 40)}%)"/><text x="20" y="140" font-size="80" fill="white">${i}</text></svg>`;
    await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(join(folder, `photo-${String(i).padStart(3, '0')}.jpg`));
  }
}

/**
 * The crash test: SIGKILL the ingest (and its in-process worker) at several
 * moments of a 100-file batch, then run it to the end, and check that every file is
 * ingested exactly once, every derivative is complete, and storage holds nothing the
 * catalog does not know about.
 */
describe('ingest killed with SIGKILL mid-batch', () => {
  let work: string;
  let folder: string;
  let dataDir: string;
  const runs: Run[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'disan-crash-'));
    folder = join(work, 'photos');
    dataDir = join(work, 'data');
    await makeImages(folder);
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('is killed at each point, then finishes on the next run without failures', async () => {
    // Kill points cover every phase: first start of the catalog, registration of
    // originals, derivative jobs in flight, and a later restart with work left over.
    const killPoints: KillPoint[] = [{ afterMs: 3_000 }, { afterFiles: 5 }, { afterMs: 5_500 }, { afterFiles: 30 }, { afterFiles: 20 }];
    for (const point of killPoints) {
      const run = await runIngest(folder, dataDir, point);
      runs.push(run);
      // A run may legitimately finish before its kill point; it must never fail a file.
      expect(run.output, JSON.stringify(point)).not.toMatch(/^failed /m);
    }
    expect(runs.filter((run) => run.signal === 'SIGKILL').length, runs.map((run) => `${run.signal ?? run.code} after ${run.lines.length} files`).join(', ')).toBeGreaterThanOrEqual(4);
    const last = await runIngest(folder, dataDir);
    expect(last.output).not.toMatch(/^failed /m);
    expect(last.code, last.output).toBe(0);
  }, 600_000);

  it('holds every file exactly once, with every derivative complete and nothing orphaned', async () => {
    const archive = await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    try {
      const media = await archive.catalog.media.listByStatus('ready', { limit: 10_000 });
      expect(media).toHaveLength(FILES);
      for (const status of ['pending', 'processing', 'failed'] as const) expect(await archive.catalog.media.listByStatus(status)).toEqual([]);
      expect(new Set(media.map((m) => m.originalName)).size).toBe(FILES);
      expect(await archive.catalog.items.count()).toBe(FILES);

      const expectedKeys = new Set<string>();
      for (const m of media) {
        // The original is stored by content: its bytes must hash to its key.
        const original = await readFile(join(dataDir, 'objects', m.originalKey));
        expect(createHash('sha256').update(original).digest('hex')).toBe(m.sha256);
        expectedKeys.add(m.originalKey);
        expect(m.derivatives.map((d) => d.name).sort()).toEqual(IMAGE_RENDITIONS.map((r) => r.name).sort());
        for (const derivative of m.derivatives) {
          expectedKeys.add(derivative.key);
          const bytes = await readFile(join(dataDir, 'objects', derivative.key));
          expect(bytes.length).toBe(derivative.size);
          // A partial file would not decode.
          const meta = await sharp(bytes).metadata();
          expect(meta.width).toBe(derivative.width);
        }
      }
      const stored = new Set<string>();
      for await (const object of archive.storage.list('')) stored.add(object.key);
      expect([...stored].filter((key) => !expectedKeys.has(key))).toEqual([]);
      expect(stored.size).toBe(expectedKeys.size);

      const counts = await archive.jobs.counts();
      expect(counts['image.derivatives']).toMatchObject({ queued: 0, running: 0, failed: 0, done: FILES });
      expect(await archive.search.count()).toBe(FILES);
    } finally {
      await archive.close();
    }
  });

  it('leaves crashed writes only as hidden temp files, which the sweep removes once stale', async () => {
    const leftovers = await readdir(join(dataDir, 'objects', '.tmp'));
    // At most one in-flight write per worker slot per killed run.
    expect(leftovers.length).toBeLessThanOrEqual(runs.length * 4);
  });
});
