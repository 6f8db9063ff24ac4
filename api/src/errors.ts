import { DisanError } from '@disan/ingest';

/** Errors only the HTTP door raises; the rest come from ingest/src/errors.ts. */
export class UnauthorizedError extends DisanError {
  override readonly status: number = 401;
  override readonly code: string = 'unauthorized';
}

export class RateLimitedError extends DisanError {
  override readonly status: number = 429;
  override readonly code: string = 'rate_limited';
}
