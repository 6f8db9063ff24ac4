import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { Config } from '../config.ts';
import { DisanError, isOutOfSpace, ObjectNotFoundError, RangeNotSatisfiableError, StorageFullError, UpstreamError } from '../errors.ts';
import { guardPut } from './body.ts';
import { assertSafeKey, assertSafePrefix } from './keys.ts';
import { assertValidRange, cutToRange, parseContentRange, rangeHeader, resolveRange } from './range.ts';
import type { ByteRange, ObjectInfo, ObjectStorage, PutOptions } from './storage.ts';

export type S3StorageConfig = Extract<Config['storage'], { driver: 's3' }>;

export interface S3Tuning {
  /** Multipart part size; S3 requires at least 5 MiB. Memory used by one put ≈ partSize × queueSize. */
  partSize?: number;
  /** Parts uploaded at once per put. */
  queueSize?: number;
  /** Keys per ListObjectsV2 page (S3's maximum is 1000). */
  listPageSize?: number;
}

const DEFAULTS = { partSize: 8 * 1024 * 1024, queueSize: 2, listPageSize: 1000 } as const;
/** HEAD requests in flight while listing, to fill in content types that ListObjectsV2 omits. */
const LIST_HEAD_CONCURRENCY = 8;

/**
 * Objects in an S3 bucket (AWS, MinIO or any S3-compatible server). The only module that
 * imports the AWS SDK. Bodies stream both ways; large puts go multipart through lib-storage,
 * whose completion is atomic on the server and which aborts the upload when a part fails.
 */
export class S3Storage implements ObjectStorage {
  readonly kind = 's3';
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #tuning: Required<S3Tuning>;

  constructor(config: S3StorageConfig, tuning: S3Tuning = {}) {
    this.#bucket = config.bucket;
    this.#tuning = { ...DEFAULTS, ...tuning };
    this.#client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      // Unset keys fall back to the SDK's default chain (environment, profile, instance role).
      credentials:
        config.accessKeyId !== undefined && config.secretAccessKey !== undefined
          ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
          : undefined,
      // The SDK's default CRC32 trailers (aws-chunked bodies) are not understood by many
      // S3-compatible servers; send checksums only where the API requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Creates the bucket if it does not exist yet (for first start-up and tests, not every boot). */
  async ensureBucket(): Promise<void> {
    try {
      await this.#client.send(new HeadBucketCommand({ Bucket: this.#bucket }));
    } catch (error) {
      if (statusOf(error) !== 404) throw upstream(`reach bucket "${this.#bucket}"`, error);
      await this.#client.send(new CreateBucketCommand({ Bucket: this.#bucket })).catch((cause: unknown) => {
        throw upstream(`create bucket "${this.#bucket}"`, cause);
      });
    }
  }

  async put(key: string, body: Readable | Uint8Array, options: PutOptions): Promise<ObjectInfo> {
    const guarded = guardPut(key, body, options.size);
    const upload = new Upload({
      client: this.#client,
      params: { Bucket: this.#bucket, Key: key, Body: Readable.from(guarded.chunks), ContentType: options.contentType },
      partSize: this.#tuning.partSize,
      queueSize: this.#tuning.queueSize,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      // lib-storage may replace the body's error with a failed abort's; the body's comes first.
      if (guarded.failure) throw guarded.failure.error;
      throw upstream(`write "${key}"`, error);
    }
    const info = await this.head(key);
    if (info === null) throw new UpstreamError(`Storage accepted "${key}" but does not show it`);
    return info;
  }

  async get(key: string, range?: ByteRange): Promise<{ info: ObjectInfo; body: Readable }> {
    assertSafeKey(key);
    if (range !== undefined) assertValidRange(range);
    try {
      const response = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: key, Range: range === undefined ? undefined : rangeHeader(range) }),
      );
      if (!(response.Body instanceof Readable)) throw new UpstreamError(`Storage returned no body for "${key}"`);
      const served = parseContentRange(response.ContentRange);
      const info = toInfo(key, { ...response, ContentLength: served?.total ?? response.ContentLength });
      if (range === undefined) return { info, body: response.Body };
      return { info, body: this.#checkRange(key, response.Body, range, served ?? { start: 0, end: info.size - 1 }, info.size) };
    } catch (error) {
      if (isMissingObject(error)) throw new ObjectNotFoundError(`No object under "${key}"`, { cause: error });
      if (statusOf(error) === 416) throw new RangeNotSatisfiableError(`Range is past the end of "${key}"`, { cause: error });
      throw upstream(`read "${key}"`, error);
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    assertSafeKey(key);
    try {
      return toInfo(key, await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: key })));
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw upstream(`read "${key}"`, error);
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    // S3 answers 204 whether or not the key existed, which makes delete idempotent for free.
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key })).catch((error: unknown) => {
      throw upstream(`delete "${key}"`, error);
    });
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertSafePrefix(prefix);
    const pages = paginateListObjectsV2(
      { client: this.#client, pageSize: this.#tuning.listPageSize },
      { Bucket: this.#bucket, Prefix: prefix },
    );
    try {
      for await (const page of pages) {
        const keys = (page.Contents ?? []).flatMap((object) => (object.Key === undefined ? [] : [object.Key]));
        yield* await this.#headAll(keys);
      }
    } catch (error) {
      throw upstream(`list "${prefix}"`, error);
    }
  }

  async ping(): Promise<void> {
    await this.#client.send(new HeadBucketCommand({ Bucket: this.#bucket })).catch((error: unknown) => {
      throw upstream(`reach bucket "${this.#bucket}"`, error);
    });
  }

  async close(): Promise<void> {
    this.#client.destroy();
    return Promise.resolve();
  }

  #checkRange(key: string, body: Readable, range: ByteRange, served: { start: number; end: number }, size: number): Readable {
    try {
      const cut = cutToRange(body, served, resolveRange(range, size));
      if (cut === undefined) throw new UpstreamError(`Storage served bytes ${served.start}-${served.end} of "${key}" for ${rangeHeader(range)}`);
      return cut;
    } catch (error) {
      body.destroy();
      throw error;
    }
  }

  /**
   * ListObjectsV2 does not return content types, and ObjectInfo promises one: HEAD each key,
   * a few at a time. Keys deleted since the listing are skipped.
   */
  async #headAll(keys: string[]): Promise<ObjectInfo[]> {
    const infos: ObjectInfo[] = [];
    for (let i = 0; i < keys.length; i += LIST_HEAD_CONCURRENCY) {
      const batch = await Promise.all(keys.slice(i, i + LIST_HEAD_CONCURRENCY).map((key) => this.head(key)));
      for (const info of batch) if (info !== null) infos.push(info);
    }
    return infos;
  }
}

interface ObjectHeaders {
  ContentLength?: number | undefined;
  ETag?: string | undefined;
  LastModified?: Date | undefined;
  ContentType?: string | undefined;
}

function toInfo(key: string, headers: ObjectHeaders): ObjectInfo {
  return {
    key,
    size: headers.ContentLength ?? 0,
    // S3 sends the ETag quoted; the interface keeps it bare and the API quotes it.
    etag: (headers.ETag ?? '').replaceAll('"', ''),
    lastModified: headers.LastModified ?? new Date(0),
    contentType: headers.ContentType ?? 'application/octet-stream',
  };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

/** A missing bucket is also a 404, but it is a misconfiguration, not a missing object. */
function isMissingObject(error: unknown): boolean {
  return statusOf(error) === 404 && (error as Error).name !== 'NoSuchBucket';
}

function upstream(action: string, error: unknown): DisanError {
  if (error instanceof DisanError) return error;
  // 507 Insufficient Storage: MinIO's XMinioStorageFull, and other S3 services' full disks.
  if (statusOf(error) === 507 || isOutOfSpace(error)) {
    return new StorageFullError(`the storage service has no space left: could not ${action}; it is tried again once space is freed`, { cause: error });
  }
  return new UpstreamError(`Storage could not ${action}`, { cause: error });
}
