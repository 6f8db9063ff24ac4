import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, FieldProblem } from '@disan/schemas';
import { DisanError, VersionConflictError } from '@disan/ingest';
import { TooManyAttemptsError } from '@disan/ingest/accounts';
import { RecordValidationError } from '@disan/ingest/catalog';

/** Codes for the 4xx errors Fastify and its plugins raise themselves. */
const CODES: Record<number, string> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'too_large',
  414: 'uri_too_long',
  415: 'unsupported_media',
  416: 'range_not_satisfiable',
  422: 'invalid',
  429: 'rate_limited',
};

/**
 * The one error handler. A DisanError keeps its status and message; a Fastify 4xx
 * (validation, body too large...) gets a message naming what was wrong; anything
 * else, and every 5xx, is logged with the request id and answered "internal error".
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: unknown, request, reply) => {
    const { status, code, message, problems, fields } = describe(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, code }, message);
    if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    // A conflict carries the head someone else saved, for the side-by-side (VersionConflictBody), and its ETag.
    if (error instanceof VersionConflictError) {
      reply.header('etag', `"v${error.current.version}"`);
      return sendError(request, reply, status, code, message, undefined, { current: error.current });
    }
    if (status >= 500) return sendError(request, reply, status, code, 'internal error');
    return sendError(request, reply, status, code, message, problems, {}, fields);
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendError(request, reply, 404, 'not_found', `There is no route ${request.method} ${request.url.split('?')[0] ?? ''}; see /api/docs`),
  );
}

/**
 * Errors the router raises before any hook runs (a path that is not valid UTF-8, a path
 * parameter past `maxParamLength`): Fastify answers these in a shape of its own unless
 * it is given this. No hook has run, so the request id is set here.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, code } = describe(error);
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : 'The path is not a valid URL';
  request.log.info({ status, code: error.code }, message);
  void sendError(request, reply.header('x-request-id', request.id), status, code, message);
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  problems?: string[],
  extra: Record<string, unknown> = {},
  fields?: FieldProblem[],
): FastifyReply {
  const listed = {
    ...(problems && problems.length > 0 ? { problems } : {}),
    ...(fields && fields.length > 0 ? { fields } : {}),
  };
  const body: ErrorBody & Record<string, unknown> = { error: { status, code, message, requestId: request.id, ...listed }, ...extra };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/**
 * The CSRF plugin's own refusals, reworded for the person who meets them: the plugin's
 * "Invalid csrf token" tells nobody what to do.
 */
const CSRF_REFUSAL = {
  code: 'csrf',
  message:
    'This change was refused because it did not carry the x-csrf-token of your session. Reload the page and try again; a script should read csrfToken from GET /api/auth/session, or use a personal API token instead of the cookie.',
};
const FRAMEWORK_CODES: Record<string, { code: string; message: string }> = {
  FST_CSRF_INVALID_TOKEN: CSRF_REFUSAL,
  FST_CSRF_MISSING_SECRET: CSRF_REFUSAL,
};

/** Problems listed one by one (a password's, under the policy), carried by a 4xx DisanError that has them. */
const problemsOf = (error: DisanError): string[] | undefined => {
  const problems = (error as DisanError & { problems?: unknown }).problems;
  return Array.isArray(problems) && problems.every((p) => typeof p === 'string') ? problems : undefined;
};

/** A refused record's problems at their fields (JSON Pointer, stable code), for a form to show each beside its input. */
const fieldsOf = (error: DisanError): FieldProblem[] | undefined =>
  error instanceof RecordValidationError ? error.problems.map(({ path, code, message }) => ({ path, code, message })) : undefined;

interface Described {
  status: number;
  code: string;
  message: string;
  problems?: string[] | undefined;
  fields?: FieldProblem[] | undefined;
}

function describe(error: unknown): Described {
  if (error instanceof DisanError) {
    // A 4xx class that kept DisanError's default code would tell the client `internal`.
    const code = error.status < 500 && error.code === 'internal' ? (CODES[error.status] ?? 'invalid') : error.code;
    return { status: error.status, code, message: error.message, problems: problemsOf(error), fields: fieldsOf(error) };
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = FRAMEWORK_CODES[fastifyError.code ?? ''];
  if (known) return { status: fastifyError.statusCode ?? 403, ...known };
  const status = fastifyError.statusCode ?? 500;
  if (status < 400 || status >= 500) return { status: status < 400 ? 500 : status, code: 'internal', message: 'internal error' };
  if (fastifyError.validation) return { status: 400, code: 'invalid', message: validationMessage(fastifyError as FastifyError) };
  return { status, code: CODES[status] ?? 'invalid', message: fastifyError.message ?? 'bad request' };
}

const WHERE: Record<string, string> = { querystring: 'query parameter', params: 'path parameter', headers: 'header', body: 'body field' };

/** "query parameter "q" must NOT have more than 500 characters", for each problem. */
function validationMessage(error: FastifyError): string {
  const where = WHERE[error.validationContext ?? ''] ?? 'request field';
  return (error.validation ?? [])
    .map((problem) => {
      const missing = (problem.params as { missingProperty?: string }).missingProperty;
      const name = missing ?? problem.instancePath.replace(/^\//, '').replace(/\/(\d+)$/, '[$1]').replace(/\//g, '.');
      return `${where} "${name || '(whole)'}" ${problem.message ?? 'is invalid'}`;
    })
    .join('; ');
}
