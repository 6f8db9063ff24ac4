import { DisanError, NotFoundError } from '../errors.ts';

/** A new password the policy refuses; `problems` are sentences a person can act on. */
export class PasswordPolicyError extends DisanError {
  override readonly status: number = 422;
  override readonly code: string = 'password_policy';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The password cannot be used: ${problems.join(' ')}`);
    this.problems = problems;
  }
}

/** The current password given to confirm a change is not the account's. */
export class WrongPasswordError extends DisanError {
  override readonly status: number = 403;
  override readonly code: string = 'wrong_password';
  constructor() {
    super('The current password is not right.');
  }
}

/** Too many wrong passwords for this account or from this address: try again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends DisanError {
  override readonly status: number = 429;
  override readonly code: string = 'rate_limited';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`Too many wrong passwords for this account or from this address. Try again in ${retryAfterSeconds} s.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A second-factor code that does not match (or was already used). */
export class WrongCodeError extends DisanError {
  override readonly status: number = 422;
  override readonly code: string = 'wrong_code';
  constructor() {
    super('That code is not right or was already used: type the code your authenticator app shows now.');
  }
}

/** A one-time link that is unknown, used, expired or replaced by a newer one. */
export class LinkNotUsableError extends NotFoundError {
  constructor() {
    super('This link is no longer valid: it was used, it expired, or a newer one was sent. Ask for a new one.');
  }
}
