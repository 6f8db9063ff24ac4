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

/** A change refused because it does not come from the archive's own site (CSRF). */
export class ForbiddenError extends DisanError {
  override readonly status: number = 403;
  override readonly code: string = 'forbidden';
}

/** Sign-in refused: the codes are the contract with the site, which words each for a person. */
export class SignInError extends DisanError {
  override readonly status: number;
  override readonly code: string;
  constructor(status: 401 | 403 | 429, code: 'invalid_credentials' | 'second_factor_required' | 'second_factor_setup_required' | 'rate_limited', message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
