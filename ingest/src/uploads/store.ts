import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import type { DataStore, Upload } from '@tus/utils';
import type { Config } from '../config.ts';
import type { ObjectStorage } from '../storage/storage.ts';

/**
 * The one adapter for where unfinished uploads wait: tus's file store in a folder of
 * the data directory (embedded mode) or its S3 store in the archive's bucket under a
 * prefix (production). The API hands `datastore` to the tus server; the worker reads a
 * finished upload and removes it through the same object, so both agree on names.
 *
 * An upload's public id (in URLs and the uploads table) is 32 hex characters; its tus
 * id is that id with the store's prefix (`uploads/` in S3, none in the folder).
 */
export interface UploadStore {
  readonly kind: 'filesystem' | 's3';
  readonly datastore: DataStore;
  /** A fresh public id. */
  newId(): string;
  tusIdOf(id: string): string;
  /** The public id of a tus id, or undefined when it is not one of ours. */
  idOf(tusId: string): string | undefined;
  /** How far an upload got, or undefined when the store no longer has it. */
  progress(id: string): Promise<Pick<Upload, 'offset' | 'size'> | undefined>;
  /** A finished upload: a local file read in place (folder), or its bytes as a stream (S3). */
  open(id: string): Promise<{ path: string } | { stream: Readable }>;
  /** Removes the bytes and what tus knows of an upload; nothing when it is gone already. */
  remove(id: string): Promise<void>;
}

const ID = /^[0-9a-f]{32}$/;

/**
 * tus's S3 store, forgetting what it cached of an upload however its removal ends: it gives
 * up on a finished upload (no multipart left to abort: NoSuchUpload) before clearing its
 * cache, and would then report the removed upload as whole from memory.
 */
class ArchiveS3Store extends S3Store {
  override async remove(id: string): Promise<void> {
    try {
      await super.remove(id);
    } finally {
      await this.clearCache(id);
    }
  }
}

/**
 * `objects`: the archive's storage, the same bucket in S3 mode, through which what tus
 * leaves of a finished upload (its object, `.info` and `.part`) is deleted: tus's own
 * removal gives up on a finished upload (no multipart left to abort) before deleting them.
 */
export function createUploadStore(config: Pick<Config, 'storage' | 'uploads'>, objects: Pick<ObjectStorage, 'delete'>): UploadStore {
  const { uploads } = config;
  const prefix = config.storage.driver === 's3' ? uploads.s3Prefix : '';
  const s3 =
    config.storage.driver === 's3'
      ? new ArchiveS3Store({
          partSize: uploads.s3PartBytes,
          // Equal parts: some S3-compatible services refuse a multipart upload whose parts differ.
          minPartSize: uploads.s3PartBytes,
          expirationPeriodInMilliseconds: uploads.expiryMs,
          // Expiry is the uploads table's (the expiry job), not object tags some services lack.
          useTags: false,
          s3ClientConfig: {
            bucket: config.storage.bucket,
            region: config.storage.region,
            forcePathStyle: config.storage.forcePathStyle,
            ...(config.storage.endpoint === undefined ? {} : { endpoint: config.storage.endpoint }),
            ...(config.storage.accessKeyId !== undefined && config.storage.secretAccessKey !== undefined
              ? { credentials: { accessKeyId: config.storage.accessKeyId, secretAccessKey: config.storage.secretAccessKey } }
              : {}),
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
          },
        })
      : undefined;
  const datastore: DataStore = s3 ?? new FileStore({ directory: uploads.directory, expirationPeriodInMilliseconds: uploads.expiryMs });
  const tusIdOf = (id: string) => `${prefix}${id}`;
  return {
    kind: config.storage.driver,
    datastore,
    newId: () => randomBytes(16).toString('hex'),
    tusIdOf,
    idOf(tusId) {
      const id = tusId.startsWith(prefix) ? tusId.slice(prefix.length) : undefined;
      return id !== undefined && ID.test(id) ? id : undefined;
    },
    async progress(id) {
      try {
        const upload = await datastore.getUpload(tusIdOf(id));
        return { offset: upload.offset, size: upload.size };
      } catch {
        return undefined;
      }
    },
    async open(id) {
      if (s3 === undefined) return { path: join(uploads.directory, id) };
      return { stream: await s3.read(tusIdOf(id)) };
    },
    async remove(id) {
      try {
        await datastore.remove(tusIdOf(id));
      } catch (error) {
        // tus answers FILE_NOT_FOUND (a plain object with status_code 404) for what is gone already.
        if (!(typeof error === 'object' && error !== null && 'status_code' in error && error.status_code === 404)) throw error;
      }
      if (s3 !== undefined) for (const key of [tusIdOf(id), `${tusIdOf(id)}.info`, `${tusIdOf(id)}.part`]) await objects.delete(key);
    },
  };
}
