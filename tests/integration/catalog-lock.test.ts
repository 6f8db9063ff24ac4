import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'ingest', 'bin', 'disan.js');

/** A process that opens the archive and holds it, as `npm start` does, until killed. */
const HOLDER = `
import { openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
await openArchive(loadConfig(process.env));
process.stdout.write('holding\\n');
setInterval(() => undefined, 60_000);
`;

/**
 * Two processes on one embedded catalog lost data silently: `disan ingest` beside
 * `npm start` printed "1 ingested" and the record was gone once the server stopped.
 * The catalog now belongs to one process at a time, and a crashed holder frees it.
 */
describe('the embedded catalog belongs to one process at a time', () => {
  let dataDir: string;
  let folder: string;
  let holder: ChildProcess;

  const hold = async () => {
    const child = spawn(process.execPath, ['--no-warnings', '--input-type=module', '--eval', HOLDER], { cwd: ROOT, env: { ...process.env, DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    expect(chunk.toString()).toBe('holding\n');
    return child;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'disan-lock-'));
    folder = await mkdtemp(join(tmpdir(), 'disan-lock-photos-'));
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#123456' } }).jpeg().toFile(join(folder, 'photo.jpg'));
    // Create the catalog once, so the holder opens an existing one like a restarted server.
    await (await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }))).close();
    holder = await hold();
  }, 120_000);

  afterAll(async () => {
    holder.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  });

  it('refuses a second opening, naming the process that holds it', async () => {
    const opening = openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    await expect(opening).rejects.toBeInstanceOf(ConflictError);
    await expect(opening).rejects.toThrow(new RegExp(`open in process ${holder.pid} on .* since .*stop that process first`));
  });

  it('makes `disan ingest` beside a running archive exit 1 with that message, ingesting nothing', async () => {
    const run = await promisify(execFile)(process.execPath, ['--no-warnings', BIN, 'ingest', folder], { cwd: ROOT, env: { ...process.env, DISAN_DATA_DIR: dataDir } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`The embedded catalog in .* is open in process ${holder.pid} .*`));
  });

  it('is free again at once when its holder is killed, and nothing was written meanwhile', async () => {
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const archive = await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    try {
      expect(await archive.catalog.items.count()).toBe(0);
    } finally {
      await archive.close();
    }
    // A clean close frees it too: the holder can come back.
    holder = await hold();
  });
});
