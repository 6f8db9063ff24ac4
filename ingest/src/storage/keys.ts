import { ValidationError } from '../errors.ts';

/** S3's own limit on key length, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Ids and rendition names become one path segment each: keep them to a portable alphabet. */
const SEGMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const EXTENSION = /^[a-z0-9]{1,10}$/;
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Content-addressed key of an original: two levels of fan-out keep folders small on disk.
 * @example originalKey('ab12…') // 'originals/ab/12/ab12…'
 */
export function originalKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new ValidationError(`"${sha256}" is not a lowercase hex SHA-256 (64 characters)`);
  return `originals/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/**
 * Deterministic key of a derivative, so re-running a job overwrites instead of duplicating.
 * @example derivativeKey('m-42', 'thumb', 'webp') // 'derivatives/m-42/thumb.webp'
 */
export function derivativeKey(mediaId: string, renditionName: string, extension: string): string {
  if (!SEGMENT_NAME.test(mediaId)) throw new ValidationError(`Media id "${mediaId}" must be letters, digits, "-" or "_"`);
  if (!SEGMENT_NAME.test(renditionName)) throw new ValidationError(`Rendition "${renditionName}" must be letters, digits, "-" or "_"`);
  if (!EXTENSION.test(extension)) throw new ValidationError(`Extension "${extension}" must be 1 to 10 lowercase letters or digits`);
  return `derivatives/${mediaId}/${renditionName}.${extension}`;
}

/**
 * Rejects keys that could escape the storage root or mean different objects on different
 * adapters. Beyond the obvious ('..', leading '/', backslash, NUL), empty and dot segments
 * are rejected: a filesystem folds 'a//b' and 'a/./b' into 'a/b' while S3 does not, and
 * names starting with '.' are reserved for the filesystem adapter's bookkeeping.
 * @example assertSafeKey('originals/ab/cd/abcd…') // ok
 * @example assertSafeKey('a/../b') // throws ValidationError
 */
export function assertSafeKey(key: string): void {
  const problem = keyProblem(key);
  if (problem !== undefined) throw new ValidationError(`Storage key ${JSON.stringify(key)} is not allowed: ${problem}`);
}

/** A list prefix is a key, a folder ('a/b/') or '' (everything). */
export function assertSafePrefix(prefix: string): void {
  if (prefix === '') return;
  const asKey = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const problem = keyProblem(asKey);
  if (problem !== undefined) throw new ValidationError(`Storage prefix ${JSON.stringify(prefix)} is not allowed: ${problem}`);
}

function keyProblem(key: string): string | undefined {
  if (key === '') return 'it is empty';
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return `it is longer than ${MAX_KEY_BYTES} bytes`;
  if (key.startsWith('/')) return 'it starts with "/"';
  if (key.includes('\\')) return 'it contains a backslash';
  if (CONTROL_CHARS.test(key)) return 'it contains a control character';
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty segment';
    if (segment === '..') return 'it has a ".." segment';
    if (segment.startsWith('.')) return 'a segment starts with "."';
  }
  return undefined;
}
