/**
 * Typed errors. Each has an HTTP status and a message a person can act on; the API's
 * one error handler maps them, and hides the message of anything that is not a
 * DisanError (or is a 5xx). The upstream error, when there is one, is kept as `cause`.
 */
export class DisanError extends Error {
  readonly status: number = 500;
  readonly code: string = 'internal';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A problem with the input itself (a damaged file, a bad row): a 4xx DisanError. Trying
 * again will not help, so pipelines record it as the reason; anything else (storage
 * or database unreachable, a bug) may pass and is retried.
 */
export function isPermanent(error: unknown): error is DisanError {
  return error instanceof DisanError && error.status < 500 && !isOutOfSpace(error);
}

const OUT_OF_SPACE = new Set(['ENOSPC', 'EDQUOT']);

/**
 * A full disk, seen anywhere in an error's causes: a tool that failed to write its
 * output (libvips, ffmpeg) may report it as damaged input, which it is not.
 */
export function isOutOfSpace(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    if (current instanceof StorageFullError) return true;
    const code = (current as NodeJS.ErrnoException).code;
    if (code !== undefined && OUT_OF_SPACE.has(code)) return true;
    if (/\b(ENOSPC|No space left on device|XMinioStorageFull)\b/.test(current.message)) return true;
  }
  return false;
}

export class NotFoundError extends DisanError {
  override readonly status: number = 404;
  override readonly code: string = 'not_found';
}

export class ValidationError extends DisanError {
  override readonly status: number = 400;
  override readonly code: string = 'invalid';
}

export class ConflictError extends DisanError {
  override readonly status: number = 409;
  override readonly code: string = 'conflict';
}

export class PayloadTooLargeError extends DisanError {
  override readonly status: number = 413;
  override readonly code: string = 'too_large';
}

export class UnsupportedMediaError extends DisanError {
  override readonly status: number = 415;
  override readonly code: string = 'unsupported_media';
}

export class RangeNotSatisfiableError extends DisanError {
  override readonly status: number = 416;
  override readonly code: string = 'range_not_satisfiable';
}

/** A backing system (database, storage, search) failed or could not be reached. */
export class UpstreamError extends DisanError {
  override readonly status: number = 503;
  override readonly code: string = 'upstream';
}

/**
 * A disk or bucket is full. Transient by nature (space comes back when someone frees
 * it), so jobs keep retrying it without using up their attempts, and a file refused
 * for it is taken again by the next run.
 */
export class StorageFullError extends UpstreamError {
  override readonly status: number = 507;
  override readonly code: string = 'storage_full';
}

export class ConfigError extends DisanError {
  override readonly code: string = 'config';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration is invalid:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
  }
}

/** A stored object (original, derivative) does not exist under the given key. */
export class ObjectNotFoundError extends NotFoundError {
  override readonly code: string = 'object_not_found';
}
