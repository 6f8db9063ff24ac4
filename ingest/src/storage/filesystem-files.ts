import { createHash, randomUUID } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { open, readFile, rename, rm, mkdir, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { GuardedBody } from './body.ts';

/**
 * What the filesystem keeps next to each object. `ino` and `mtimeNs` name the exact data
 * file the sidecar describes, so a reader can tell a sidecar that is one rename ahead of
 * (or behind) the data it opened.
 */
export interface Sidecar {
  contentType: string;
  sha256: string;
  size: number;
  ino: string;
  mtimeNs: string;
}

/** Streams a body into a new temp file, fsyncs it and returns its hash and identity. */
export async function writeTempFile(
  tmpDir: string,
  body: GuardedBody,
): Promise<{ path: string; sha256: string; stats: BigIntStats }> {
  const path = join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  const file = await open(path, 'wx');
  try {
    // The stream owns the handle: `flush` fsyncs before it closes it. (With autoClose off,
    // FileHandle.close() waits for the stream's reference forever and the write hangs.)
    await pipeline(
      body.chunks,
      async function* tapHash(source: AsyncIterable<Uint8Array>) {
        for await (const chunk of source) {
          hash.update(chunk);
          yield chunk;
        }
      },
      file.createWriteStream({ flush: true }),
    );
    const stats = await stat(path, { bigint: true });
    return { path, sha256: hash.digest('hex'), stats };
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
}

/** Writes a small file through a temp file and a rename, so it is whole or absent. */
export async function writeFileAtomic(target: string, contents: string, tmpDir: string): Promise<void> {
  const temp = join(tmpDir, `${randomUUID()}.json`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(contents);
      await file.sync();
    } finally {
      await file.close();
    }
    await moveInto(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Renames into place, creating parent folders. Call fsyncDirs afterwards for durability. */
export async function moveInto(from: string, to: string): Promise<void> {
  const firstCreated = await mkdir(dirname(to), { recursive: true });
  // A new folder is only durable once its parent is fsynced: without it a power cut can
  // drop `originals/ab/` with every file in it, however well each file was synced.
  if (firstCreated !== undefined) await fsyncDirs(parentsOfCreated(dirname(to), firstCreated));
  await rename(from, to);
}

/** The parent of every folder from `firstCreated` down to `deepest`, e.g. root/originals for root/originals/ab. */
function parentsOfCreated(deepest: string, firstCreated: string): string[] {
  const parents: string[] = [];
  for (let folder = deepest; folder !== dirname(firstCreated) && folder !== dirname(folder); folder = dirname(folder)) parents.push(dirname(folder));
  return parents;
}

/** A rename is only durable once its folder is fsynced. */
export async function fsyncDirs(paths: string[]): Promise<void> {
  for (const path of new Set(paths)) {
    const dir = await open(path, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}

export function sidecarFor(contentType: string, sha256: string, stats: BigIntStats): Sidecar {
  return { contentType, sha256, size: Number(stats.size), ino: String(stats.ino), mtimeNs: String(stats.mtimeNs) };
}

export function describes(sidecar: Sidecar | undefined, stats: BigIntStats): sidecar is Sidecar {
  return sidecar !== undefined && sidecar.ino === String(stats.ino) && sidecar.mtimeNs === String(stats.mtimeNs) && sidecar.size === Number(stats.size);
}

/** A missing or unreadable sidecar is treated like a mismatched one: the caller falls back. */
export async function readSidecar(path: string): Promise<Sidecar | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Sidecar;
  } catch (error) {
    if (isMissing(error) || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Opens a data file for reading; undefined when there is no object (absent, or a folder). */
export async function openData(path: string): Promise<{ file: FileHandle; stats: BigIntStats } | undefined> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const stats = await file.stat({ bigint: true });
  if (stats.isFile()) return { file, stats };
  await file.close();
  return undefined;
}

/** ENOENT, or ENOTDIR when a key runs through a path that is a file ('a' exists, asked for 'a/b'). */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
