import type { BigIntStats } from 'node:fs';
import { access, constants, mkdir, readdir, rm, stat, statfs, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Readable } from 'node:stream';
import { ConflictError, DisanError, isOutOfSpace, ObjectNotFoundError, StorageFullError, UpstreamError } from '../errors.ts';
import { guardPut, GuardedBody } from './body.ts';
import { describes, fsyncDirs, isMissing, moveInto, openData, readSidecar, sidecarFor, writeFileAtomic, writeTempFile, type Sidecar } from './filesystem-files.ts';
import { listFiles } from './filesystem-list.ts';
import { KeyedLock } from './keyed-lock.ts';
import { assertSafeKey, assertSafePrefix } from './keys.ts';
import { resolveRange } from './range.ts';
import type { ByteRange, ObjectInfo, ObjectStorage, PutOptions } from './storage.ts';

/** Bookkeeping folders under the root; keys never start with '.', so they cannot collide. */
const TMP_DIR = '.tmp';
const META_DIR = '.meta';
/** A reader that opened the data between the sidecar rename and the data rename tries again. */
const CONSISTENT_READ_ATTEMPTS = 8;
const FALLBACK_CONTENT_TYPE = 'application/octet-stream';
/**
 * A temp file untouched this long was left by a process that died mid-write (a live
 * write touches its file with every chunk). Long enough for a stalled upload on a weak
 * rural link to resume, short enough that crashes do not pile up garbage.
 */
export const ABANDONED_TEMP_MS = 15 * 60_000;

/**
 * Objects as plain files under `root` (originals stay readable bit for bit with ordinary
 * tools), with a JSON sidecar per object under `root/.meta` for the content type and hash.
 *
 * A write streams into `root/.tmp`, fsyncs, renames the sidecar into place, then renames the
 * data: each rename is atomic, and readers check that the sidecar names the inode they
 * opened, so nobody sees a partial object or a content type from another version.
 */
export class FilesystemStorage implements ObjectStorage {
  readonly kind = 'filesystem';
  readonly #root: string;
  readonly #writers = new KeyedLock();

  constructor(root: string) {
    this.#root = root;
  }

  /** Creates the bookkeeping folders and sweeps abandoned temp files; call once before use (createStorage does). */
  async init(options: { abandonedAfterMs?: number } = {}): Promise<void> {
    await mkdir(this.#tmpDir, { recursive: true }).catch(upstream('create the storage folders'));
    await mkdir(join(this.#root, META_DIR), { recursive: true }).catch(upstream('create the storage folders'));
    await this.sweepAbandoned(options.abandonedAfterMs ?? ABANDONED_TEMP_MS);
  }

  /** Removes temp files a crashed writer left behind (never visible as objects, but they take disk). */
  async sweepAbandoned(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of await readdir(this.#tmpDir).catch(() => [])) {
      const path = join(this.#tmpDir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs <= cutoff) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async put(key: string, body: Readable | Uint8Array, options: PutOptions): Promise<ObjectInfo> {
    const guarded = guardPut(key, body, options.size);
    return this.#writers.run(key, () => this.#write(key, guarded, options.contentType));
  }

  async get(key: string, range?: ByteRange): Promise<{ info: ObjectInfo; body: Readable }> {
    assertSafeKey(key);
    const opened = await this.#openConsistent(key).catch(upstream(`read "${key}"`));
    if (opened === undefined) throw new ObjectNotFoundError(`No object under "${key}"`);
    const { file, info } = opened;
    try {
      const span = range === undefined ? undefined : resolveRange(range, info.size);
      // The stream owns the handle from here and closes it at the end or on destroy.
      return { info, body: file.createReadStream(span ?? {}) };
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    assertSafeKey(key);
    const opened = await this.#openConsistent(key).catch(upstream(`read "${key}"`));
    if (opened === undefined) return null;
    await opened.file.close();
    return opened.info;
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.#writers.run(key, async () => {
      // Data first: once it is gone the object is gone, whatever happens to the sidecar.
      await unlinkIfPresent(this.#dataPath(key));
      await unlinkIfPresent(this.#sidecarPath(key));
    }).catch(upstream(`delete "${key}"`));
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertSafePrefix(prefix);
    for await (const key of listFiles(this.#root, prefix)) {
      // Deleted between listing and reading: skip it, as S3 would not have listed it either.
      const info = await this.head(key);
      if (info !== null) yield info;
    }
  }

  async ping(): Promise<void> {
    await access(this.#tmpDir, constants.W_OK).catch(upstream('write to the storage folder'));
  }

  async close(): Promise<void> {
    // Nothing is held open between calls.
  }

  get #tmpDir(): string {
    return join(this.#root, TMP_DIR);
  }

  async localFile(key: string): Promise<string | null> {
    assertSafeKey(key);
    const path = this.#dataPath(key);
    const info = await stat(path).catch(() => undefined);
    return info?.isFile() ? path : null;
  }

  #dataPath(key: string): string {
    return join(this.#root, key);
  }

  #sidecarPath(key: string): string {
    return join(this.#root, META_DIR, `${key}.json`);
  }

  async #write(key: string, body: GuardedBody, contentType: string): Promise<ObjectInfo> {
    let tempPath: string | undefined;
    try {
      const temp = await writeTempFile(this.#tmpDir, body);
      tempPath = temp.path;
      const sidecar = sidecarFor(contentType, temp.sha256, temp.stats);
      // Sidecar first: if we crash before the data rename, a new key stays invisible.
      const sidecarPath = this.#sidecarPath(key);
      await writeFileAtomic(sidecarPath, JSON.stringify(sidecar), this.#tmpDir);
      await moveInto(temp.path, this.#dataPath(key));
      // Folder fsyncs after both renames keep the window between them short for readers.
      await fsyncDirs([dirname(sidecarPath), dirname(this.#dataPath(key))]);
      return toInfo(key, temp.stats, sidecar);
    } catch (error) {
      if (tempPath !== undefined) await rm(tempPath, { force: true });
      if (body.failure) throw body.failure.error;
      if (isOutOfSpace(error)) throw await storageFull(this.#root, key, error);
      throw writeError(key, error);
    }
  }

  /** Opens the data and finds the sidecar that describes exactly that file. */
  async #openConsistent(key: string): Promise<{ file: FileHandle; info: ObjectInfo } | undefined> {
    for (let attempt = 1; ; attempt++) {
      const opened = await openData(this.#dataPath(key));
      if (opened === undefined) return undefined;
      const sidecar = await readSidecar(this.#sidecarPath(key)).catch(async (error: unknown) => {
        await opened.file.close();
        throw error;
      });
      if (describes(sidecar, opened.stats)) return { file: opened.file, info: toInfo(key, opened.stats, sidecar) };
      // Still mismatched after retries: a writer crashed between its two renames. The data is
      // whole (it was renamed into place complete); only its content type is unknown.
      if (attempt === CONSISTENT_READ_ATTEMPTS) return { file: opened.file, info: toInfo(key, opened.stats, undefined) };
      await opened.file.close();
      await sleep(attempt * 5);
    }
  }
}

function toInfo(key: string, stats: BigIntStats, sidecar: Sidecar | undefined): ObjectInfo {
  return {
    key,
    size: Number(stats.size),
    // The SHA-256 identifies the bytes, so it stays valid across copies and restores.
    etag: sidecar?.sha256 ?? `${stats.ino}-${stats.size}-${stats.mtimeNs}`,
    lastModified: new Date(Number(stats.mtimeMs)),
    contentType: sidecar?.contentType ?? FALLBACK_CONTENT_TYPE,
  };
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/** Says what happened and how much room is left, so a person knows what to free. */
async function storageFull(root: string, key: string, error: unknown): Promise<StorageFullError> {
  const free = await statfs(root).then((fs) => `${Math.floor((fs.bavail * fs.bsize) / 1_048_576)} MB free`, () => 'free space unknown');
  return new StorageFullError(`no space left on the device holding ${root} (${free}): "${key}" was not stored; it is tried again once space is freed`, { cause: error });
}

/** A key that runs into an existing file or folder ('a' vs 'a/b') cannot exist on a filesystem. */
function writeError(key: string, error: unknown): DisanError {
  if (error instanceof DisanError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') {
    return new ConflictError(`"${key}" clashes with another object's path (a key cannot be both an object and a folder)`, { cause: error });
  }
  return new UpstreamError(`Storage could not write "${key}"`, { cause: error });
}

function upstream(action: string): (error: unknown) => never {
  return (error: unknown) => {
    if (error instanceof DisanError) throw error;
    throw new UpstreamError(`Storage could not ${action}`, { cause: error });
  };
}
