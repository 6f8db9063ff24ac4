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
