import type { Readable } from 'node:stream';

export interface ObjectInfo {
  key: string;
  size: number;
  /** Strong validator for HTTP ETag (quoted by the API, not here). */
  etag: string;
  lastModified: Date;
  contentType: string;
}

/** Inclusive byte range, as in HTTP: bytes=start-end. `end` defaults to the last byte. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface PutOptions {
  contentType: string;
  /** Known length, if any; lets the S3 adapter choose single-part or multipart. */
  size?: number;
}

/**
 * Object storage. Keys are '/'-separated, never start with '/', never contain '..'.
 * A write is atomic: until `put` resolves, readers see the old object or none,
 * never a part. Originals are written once under their SHA-256 and never modified.
 */
export interface ObjectStorage {
  readonly kind: 'filesystem' | 's3';
  put(key: string, body: Readable | Uint8Array, options: PutOptions): Promise<ObjectInfo>;
  /** Throws ObjectNotFoundError, or RangeNotSatisfiableError for a range past the end. */
  get(key: string, range?: ByteRange): Promise<{ info: ObjectInfo; body: Readable }>;
  head(key: string): Promise<ObjectInfo | null>;
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<ObjectInfo>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
