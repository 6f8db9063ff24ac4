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
  /**
   * The object as a plain file on this machine, for tools that need a path (ffmpeg
   * seeks in its input), or null when there is none. Only for objects never
   * rewritten (originals): the file is read in place, with no consistency check.
   * S3 keeps no local files; its callers copy the object to a temp file instead.
   */
  localFile?(key: string): Promise<string | null>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
