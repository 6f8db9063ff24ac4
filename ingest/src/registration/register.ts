import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Archive } from '../archive.ts';
import { NOT_YET_ATTACHED } from '../catalog/media.ts';
import { ValidationError } from '../errors.ts';
import { JOB_PRIORITY } from '../jobs/types.ts';
import { firstJobFor } from '../processing/first-job.ts';
import { originalKey } from '../storage/keys.ts';
import { detectType, type DetectedType } from './detect.ts';
import { HASH_CHUNK_BYTES, sha256File } from './hash.ts';
import { mediaIdFor } from './media-id.ts';
import type { MediaAccess, RecordingInfo, UploadRefusal } from '@disan/schemas';

/**
 * An original arriving: its bytes as a stream of known length, or a file already on
 * this machine (a folder being ingested), read in place rather than copied.
 */
export type IncomingOriginal = {
  /** How the archivist knows it: a path relative to the ingested folder, an upload's file name. */
  name: string;
  size: number;
} & ({ stream: Readable } | { path: string | Buffer });

export interface RegistrationTarget {
  itemId: string;
  /** Order among the item's media. */
  position: number;
  caption?: string;
  /** A pronunciation recording's speaker, consent, locality and dialect (issue 14). */
  recording?: RecordingInfo;
  /** The medium's own access rule, narrower than its record's. */
  access?: MediaAccess;
  /**
   * Registered for the workspace (an upload): the medium is on no version until
   * `archive.workspace.media.attach` writes the version that adds it.
   */
  attachLater?: boolean;
  /** Who brought the file (`user:<id>`); default `system`. */
  actor?: string;
}

export type RegistrationOutcome = 'ingested' | 'skipped' | 'stored' | 'failed';

export type Registration =
  /** Stored, recorded, and its first job queued: the caller waits for that job. */
  | { status: 'queued'; mediaId: string; jobId: string }
  | { status: RegistrationOutcome; mediaId?: string; reason?: string; code?: UploadRefusal };

/**
 * What happens when an original arrives, whoever brings it (folder ingest, JSON Lines
 * import, web uploads): the size checked, the bytes read once (hashed while streaming;
 * a stream is spooled to a private temp file on the way, since TIFF, WebP and AVIF
 * keep parts of their header away from the first bytes), the type detected from
 * content, decompression bombs refused from the image header alone, the original
 * stored once under its SHA-256 (a second read, skipped when already stored), the
 * media row written, and the first job of its pipeline queued. Memory stays flat
 * whatever the size. Idempotent: ids and keys come from the content.
 *
 * The job is queued after `beforeQueue` runs: a caller that waits for the job
 * registers its interest there, since the job may finish before `enqueue` returns.
 */
export async function registerOriginal(
  archive: Archive,
  original: IncomingOriginal,
  target: RegistrationTarget,
  beforeQueue: (mediaId: string) => void = () => undefined,
): Promise<Registration> {
  const limit = archive.config.ingest.maxFileBytes;
  if (original.size === 0) return { status: 'failed', code: 'empty', reason: 'the file is empty (0 bytes)' };
  if (original.size > limit) return { status: 'failed', code: 'too-large', reason: `the file is ${original.size} bytes, above the limit of ${limit} (DISAN_MAX_FILE_BYTES)` };
  return withLocalCopy(archive, original, async (path, sha256) => {
    const type = await detectType(path);
    if ('reason' in type) return { status: 'failed', code: type.code, reason: type.reason };
    return storeAndQueue(archive, { path, sha256, type, name: original.name, size: original.size }, target, beforeQueue);
  });
}

interface LocalOriginal {
  path: string | Buffer;
  sha256: string;
  type: DetectedType;
  name: string;
  size: number;
}

async function storeAndQueue(archive: Archive, file: LocalOriginal, target: RegistrationTarget, beforeQueue: (mediaId: string) => void): Promise<Registration> {
  const mediaId = mediaIdFor(target.itemId, file.sha256);
  const existing = await archive.catalog.media.get(mediaId);
  if (existing?.status === 'ready') return { status: 'skipped', mediaId, reason: 'already ingested' };
  if (existing?.status === 'failed') return { status: 'failed', mediaId, code: 'failed-before', reason: `failed before: ${existing.error ?? 'unknown reason'}` };
  // Reads the header only (libvips opens the file lazily): a 1 GB TIFF scan costs kilobytes.
  if (file.type.kind === 'image' && !existing) await withTextPath(file.path, (path) => archive.images.probe(path));

  const key = originalKey(file.sha256);
  if (!(await archive.storage.head(key))) {
    await archive.storage.put(key, createReadStream(file.path, { highWaterMark: HASH_CHUNK_BYTES }), { contentType: file.type.mimeType, size: file.size });
  }
  if (!existing) {
    await archive.catalog.media.insert({
      id: mediaId,
      itemId: target.itemId,
      sha256: file.sha256,
      mimeType: file.type.mimeType,
      kind: file.type.kind,
      size: file.size,
      originalName: file.name,
      originalKey: key,
      position: target.position,
      status: 'pending',
      derivatives: [],
      ...(target.caption ? { caption: target.caption } : {}),
      ...(target.recording ? { recording: target.recording } : {}),
      ...(target.access ? { access: target.access } : {}),
    }, { ...(target.attachLater ? { addedInVersion: NOT_YET_ATTACHED } : {}), ...(target.actor ? { actor: target.actor } : {}) });
  }
  const jobType = firstJobFor(file.type.kind);
  if (!jobType) return { status: 'stored', mediaId, reason: `${file.type.mimeType} stored; the archive keeps it but makes no derivatives for ${file.type.kind} files` };
  beforeQueue(mediaId);
  // Someone is waiting: a job that ran out of attempts on a passing cause (the media is
  // not failed, so its file is not to blame) or waits out a retry delay runs again now.
  const { job } = await archive.jobs.enqueue(jobType, mediaId, { mediaId }, { priority: JOB_PRIORITY.upload, requeueFailed: true, runNow: true });
  if (job.status === 'done' || job.status === 'failed') {
    // Settled in an earlier run: report what it left rather than wait for a job that will not run.
    const media = await archive.catalog.media.get(mediaId);
    return media?.status === 'ready'
      ? { status: 'skipped', mediaId, reason: 'already ingested' }
      : { status: 'failed', mediaId, code: 'failed-before', reason: media?.error ?? job.lastError ?? 'failed in an earlier run' };
  }
  return { status: 'queued', mediaId, jobId: job.id };
}

/**
 * Hands `work` the original as a local file with its SHA-256: a file already here is
 * hashed in place; a stream is hashed as it is spooled into a private folder under
 * the data folder (not /tmp, often a small RAM disk), removed afterwards.
 */
async function withLocalCopy<T>(archive: Archive, original: IncomingOriginal, work: (path: string | Buffer, sha256: string) => Promise<T>): Promise<T> {
  if ('path' in original) return work(original.path, await sha256File(original.path));
  const spoolRoot = join(archive.config.dataDir, 'tmp');
  await mkdir(spoolRoot, { recursive: true });
  const dir = await mkdtemp(join(spoolRoot, 'incoming-'));
  try {
    const path = join(dir, 'original');
    const hash = createHash('sha256');
    let received = 0;
    await pipeline(
      original.stream,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          received += chunk.length;
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
    if (received !== original.size) throw new IncompleteOriginalError(original.name, received, original.size);
    return await work(path, hash.digest('hex'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The stream ended before (or went past) the size its sender announced: nothing is stored. */
export class IncompleteOriginalError extends ValidationError {
  constructor(name: string, received: number, expected: number) {
    super(`${name}: received ${received} bytes where ${expected} were announced; nothing was stored, send it again`);
  }
}

/**
 * libvips opens files by name as text; a name that is not UTF-8 (kept as bytes since the
 * walk) is reached through a symbolic link with a plain name instead.
 */
async function withTextPath<T>(path: string | Buffer, work: (path: string) => Promise<T>): Promise<T> {
  if (typeof path === 'string') return work(path);
  const dir = await mkdtemp(join(tmpdir(), 'disan-name-'));
  try {
    const link = join(dir, 'original');
    await symlink(path, link);
    return await work(link);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
