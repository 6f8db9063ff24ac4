import { FieldProblem } from '@disan/schemas';
import { Value } from 'typebox/value';

/**
 * Failures of the API as the site sees them. Pages map them to the 404 page or the
 * friendly 5xx page; the upstream answer or network error is kept as `cause`.
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(message: string, status: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.status = status;
  }
}

/** The API answered 404: the record does not exist or the public may not see it. */
export class ApiNotFoundError extends ApiError {
  constructor(path: string, options?: { cause?: unknown }) {
    super(`The API has nothing public at ${path}`, 404, options);
  }
}

/** The API did not answer in time, could not be reached, or failed (5xx, or an answer of the wrong shape). */
export class ApiUnavailableError extends ApiError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 503, options);
  }
}

/**
 * The API said no (4xx other than 404) with its stable `code`: `invalid_credentials`,
 * `second_factor_required`, `rate_limited`, `invalid`... Pages turn the code into a
 * message of their own; `problems` are the password policy's, `retryAfterSeconds` the
 * throttle's.
 */
export class ApiRefusal extends ApiError {
  readonly code: string;
  readonly problems: readonly string[];
  /** A refused record's problems at their fields (the body's `fields`). */
  readonly fields: readonly FieldProblem[];
  readonly retryAfterSeconds: number | null;
  constructor(
    message: string,
    status: number,
    details: { code: string; problems?: readonly string[]; fields?: readonly FieldProblem[]; retryAfterSeconds?: number | null },
    options?: { cause?: unknown },
  ) {
    super(message, status, options);
    this.code = details.code;
    this.problems = details.problems ?? [];
    this.fields = details.fields ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }

  /**
   * Reads the API's error body (`{ error: { code, message, problems? } }`) leniently: a
   * refusal is still a refusal when its body is not what was expected.
   * @example ApiRefusal.from(429, '{"error":{"code":"rate_limited"}}', '30', 'refused').retryAfterSeconds // 30
   */
  static from(status: number, body: string, retryAfter: string | null, message: string): ApiRefusal {
    let error: { code?: unknown; problems?: unknown; details?: unknown; fields?: unknown } = {};
    try {
      const parsed = JSON.parse(body) as { error?: typeof error };
      if (typeof parsed.error === 'object') error = parsed.error;
    } catch {
      // not JSON: the status alone speaks
    }
    const listed = Array.isArray(error.problems) ? error.problems : (error.details as { problems?: unknown } | undefined)?.problems;
    const problems = Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string') : [];
    const fields = Array.isArray(error.fields) ? error.fields.filter((f): f is FieldProblem => Value.Check(FieldProblem, f)) : [];
    const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
    return new ApiRefusal(message, status, { code: typeof error.code === 'string' ? error.code : String(status), problems, fields, retryAfterSeconds: seconds }, { cause: body });
  }
}
