import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { ApiNotFoundError, ApiRefusal, ApiUnavailableError } from './errors.ts';

/** Filters and paging the site passes to list and search routes; arrays become repeated parameters. */
export type ListParams = Record<string, string | number | readonly string[] | undefined>;

/**
 * Who the site asks for: the visitor's own headers, forwarded so the API sees the
 * person, not the site. `cookie` carries the session; `origin`, `secFetchSite` and
 * `csrfToken` let the API check that a change comes from the site's own form.
 */
export interface Visitor {
  forwardedFor?: string | undefined;
  /** The Host the visitor asked for, as the /api proxy forwards it: the API compares a form's Origin with it. */
  forwardedHost?: string | undefined;
  /** The scheme the visitor used: that of DISAN_PUBLIC_URL (a TLS proxy in front speaks https), never a header a visitor sends. */
  forwardedProto?: 'http' | 'https' | undefined;
  cookie?: string | undefined;
  userAgent?: string | undefined;
  origin?: string | undefined;
  secFetchSite?: string | undefined;
  csrfToken?: string | undefined;
}

/**
 * @example queryString({ q: 'le hoi', kind: ['festival', 'ritual'], page: 2 }) // 'q=le+hoi&kind=festival&kind=ritual&page=2'
 */
export function queryString(params: ListParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (typeof value === 'object') for (const v of value) search.append(name, v);
    else search.append(name, String(value));
  }
  return search.toString();
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  visitor?: Visitor;
  /** Called with each Set-Cookie the API answers (sign-in, sign-out, a cleared stale cookie): the page passes them to the browser. */
  onSetCookie?: (cookie: string) => void;
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SendOptions {
  ifMatch?: string | undefined;
}

/** A body sent as it is, not as JSON: a sheet (CSV or XLSX) for the sheet routes. */
export class RawBody {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
  constructor(bytes: Uint8Array<ArrayBuffer>, contentType: string) {
    this.bytes = bytes;
    this.contentType = contentType;
  }
}

export interface Transport {
  /** A read: the answer must match `shape`. */
  get: <S extends TSchema>(shape: S, path: string, params?: ListParams) => Promise<Static<S>>;
  /**
   * A change: JSON body, the answer checked against `shape` (null: no body expected, e.g. 204).
   * `options.ifMatch`: the ETag of the version the change was made on (the workspace's `"v<n>"`).
   */
  send: {
    <S extends TSchema>(method: Method, path: string, body: unknown, shape: S, options?: SendOptions): Promise<Static<S>>;
    (method: Method, path: string, body: unknown, shape: null, options?: SendOptions): Promise<void>;
  };
}

function visitorHeaders(visitor: Visitor, unsafe: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (visitor.forwardedFor) headers['x-forwarded-for'] = visitor.forwardedFor;
  if (visitor.forwardedHost) {
    headers['x-forwarded-host'] = visitor.forwardedHost;
    headers['x-forwarded-proto'] = visitor.forwardedProto ?? 'http';
  }
  if (visitor.cookie) headers.cookie = visitor.cookie;
  if (visitor.userAgent) headers['user-agent'] = visitor.userAgent;
  if (unsafe) {
    if (visitor.origin) headers.origin = visitor.origin;
    if (visitor.secFetchSite) headers['sec-fetch-site'] = visitor.secFetchSite;
    if (visitor.csrfToken) headers['x-csrf-token'] = visitor.csrfToken;
  }
  return headers;
}

/**
 * The one place the site speaks HTTP to the API. Every answer is used only once it
 * matches its shape in @disan/schemas (this module runs on the server only, so TypeBox
 * never reaches a browser); refusals (4xx) keep the API's code and message.
 */
export function createTransport(options: TransportOptions): Transport {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const visitor = options.visitor ?? {};

  async function call(method: string, path: string, body: unknown, sendOptions: SendOptions = {}): Promise<Response> {
    const headers = visitorHeaders(visitor, method !== 'GET');
    if (body instanceof RawBody) headers['content-type'] = body.contentType;
    else if (body !== undefined) headers['content-type'] = 'application/json';
    if (sendOptions.ifMatch !== undefined) headers['if-match'] = sendOptions.ifMatch;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? null : body instanceof RawBody ? body.bytes : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new ApiUnavailableError(`The API at ${base} did not answer ${method} ${path} within ${options.timeoutMs} ms`, { cause: error });
    }
    for (const cookie of response.headers.getSetCookie()) options.onSetCookie?.(cookie);
    if (response.status === 404) {
      await response.body?.cancel();
      throw new ApiNotFoundError(path);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      if (response.status >= 500) throw new ApiUnavailableError(`The API answered ${response.status} to ${method} ${path}`, { cause: text });
      throw ApiRefusal.from(response.status, text, response.headers.get('retry-after'), `The API refused ${method} ${path} with ${response.status}`);
    }
    return response;
  }

  async function checked<S extends TSchema>(shape: S, path: string, response: Response): Promise<Static<S>> {
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new ApiUnavailableError(`The API's answer to ${path} is not JSON`, { cause: error });
    }
    if (!Value.Check(shape, body)) {
      const problems = Value.Errors(shape, body).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
      // An API of another version, or a bug: the page says "try again" and the log says why.
      console.error(`site: the API's answer to ${path} does not match its shape: ${problems.join('; ')}`);
      throw new ApiUnavailableError(`The API's answer to ${path} does not match its shape`, { cause: problems });
    }
    return body;
  }

  async function get<S extends TSchema>(shape: S, path: string, params: ListParams = {}): Promise<Static<S>> {
    const qs = queryString(params);
    const response = await call('GET', `${path}${qs ? `?${qs}` : ''}`, undefined);
    return checked(shape, path, response);
  }

  async function send<S extends TSchema>(method: Method, path: string, body: unknown, shape: S | null, sendOptions?: SendOptions): Promise<Static<S> | undefined> {
    const response = await call(method, path, body, sendOptions);
    if (shape === null) {
      await response.body?.cancel();
      return undefined;
    }
    return checked(shape, path, response);
  }

  return { get, send: send as Transport['send'] };
}
