import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '@disan/ingest/config';
import { ingest, openArchive } from '@disan/ingest';
import { IMAGE_RENDITIONS, type ImageRendition } from '../../ingest/src/media/renditions.ts';
import { benchPhotos } from './photos.ts';

/**
 * Image ingest throughput: the whole Disan pipeline (type detection, SHA-256,
 * original stored, catalog rows, job queue, sharp renditions, search index) vs
 * Debian's vipsthumbnail making the same renditions from the same photos, in the same
 * run. The reference in its best form: one vipsthumbnail process per rendition size
 * over all the photos (it accepts many files, so no process start per photo), two
 * processes at a time (one per core). Rounds alternate (reference, Disan, reference,
 * Disan...) and each side keeps its best, since a shared VM swings from minute to
 * minute. Target ratio >= 0.9.
 */
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PARALLEL = 2;

function vipsOutput(spec: ImageRendition, out: string): string {
  switch (spec.format) {
    case 'webp':
      return `${out}.webp[Q=${spec.quality},effort=4,strip]`;
    case 'avif':
      return `${out}.avif[Q=${spec.quality},effort=3,subsample-mode=on,compression=av1,strip]`;
    case 'jpeg':
      return `${out}.jpg[Q=${spec.quality},interlace,strip]`;
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // sharp sets VIPSHOME for its bundled libvips; Debian's vipsthumbnail would then miss its own modules (AVIF).
    const { VIPSHOME: _bundled, ...env } = process.env;
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} exited ${String(code)}: ${stderr}`));
    });
  });
}

async function pool<T>(items: T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}

async function vipsthumbnailRun(photos: string[], outDir: string): Promise<number> {
  // One process per rendition size over every photo; `%s` is each photo's name without extension.
  const commands = IMAGE_RENDITIONS.map((spec) => ['-s', `${spec.size}x${spec.size}>`, '--eprofile', 'srgb', '-o', vipsOutput(spec, join(outDir, `%s-${spec.name}`)), ...photos]);
  const started = performance.now();
  await pool(commands, PARALLEL, (args) => run('vipsthumbnail', args));
  return (performance.now() - started) / 1000;
}

async function disanRun(photos: string[]): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'disan-bench-data-'));
  const archive = await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, DISAN_INGEST_CONCURRENCY: String(PARALLEL) }));
  try {
    const started = performance.now();
    const report = await ingest(archive, { inputs: photos });
    const seconds = (performance.now() - started) / 1000;
    if (report.outcomes.ingested !== photos.length) throw new Error(`bench ingest failed: ${JSON.stringify(report.failures)}`);
    return seconds;
  } finally {
    await archive.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchIngest(): Promise<{ label: string; value: string }[]> {
  const photos = await benchPhotos(PHOTOS);
  const megabytes = ((await stat(photos[0]!)).size / 1e6).toFixed(1);
  const outDir = await mkdtemp(join(tmpdir(), 'disan-bench-vips-'));
  try {
    await vipsthumbnailRun(photos.slice(0, 1), outDir); // warm the page cache and libraries
    let vipsSeconds = Infinity;
    let disanSeconds = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      vipsSeconds = Math.min(vipsSeconds, await vipsthumbnailRun(photos, outDir));
      disanSeconds = Math.min(disanSeconds, await disanRun(photos));
    }
    const vipsRate = photos.length / vipsSeconds;
    const disanRate = photos.length / disanSeconds;
    return [
      { label: 'ingest photos', value: `${photos.length} × 24 MP JPEG (${megabytes} MB each), renditions: ${IMAGE_RENDITIONS.map((r) => r.name).join(', ')}` },
      { label: 'ingest vipsthumbnail (2 processes)', value: `${vipsRate.toFixed(2)} images/s (best of ${ROUNDS} alternating rounds: ${vipsSeconds.toFixed(1)} s; one process per size)` },
      { label: 'ingest disan pipeline (concurrency 2)', value: `${disanRate.toFixed(2)} images/s (best of ${ROUNDS} alternating rounds: ${disanSeconds.toFixed(1)} s)` },
      { label: 'ingest ratio disan / vipsthumbnail', value: `${(disanRate / vipsRate).toFixed(2)}x (target >= 0.90)` },
    ];
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchIngest()) console.log(`${line.label.padEnd(40)} ${line.value}`);
}
