import { setTimeout as sleep } from 'node:timers/promises';
import { DisanError } from '../../errors.ts';
import { OaiXmlError, parseOaiResponse, type OaiHeader, type OaiRecord, type OaiResponse, type ResumptionToken } from './oai-xml.ts';

/**
 * An OAI-PMH 2.0 client on the global fetch: Identify, and ListRecords following
 * resumption tokens. Network errors and 5xx answers are retried with exponential
 * back-off; a 503's Retry-After is honoured (the protocol's way of saying "later");
 * requests are spaced by a polite delay and carry a User-Agent naming Disan, so the
 * other library's administrators know who harvests them.
 */
export interface OaiClientOptions {
  /** Wait between two requests to the server (default 1 s; 0 in tests). */
  delayMs?: number;
  /** Attempts per request before giving up (default 5). */
  maxAttempts?: number;
  /** First back-off wait, doubled at each retry (default 2 s). */
  backoffMs?: number;
  /** Longest Retry-After honoured; a server asking for more gets this (default 5 min). */
  maxRetryAfterMs?: number;
  /** Per request (default 60 s). */
  timeoutMs?: number;
  userAgent?: string;
  /** Told before each wait, for the command line's progress. */
  onRetry?: (event: { attempt: number; waitMs: number; reason: string }) => void;
  signal?: AbortSignal;
}

export const DISAN_USER_AGENT = 'Disan-OAI-harvester/0.1 (+https://github.com/disan-archive/disan)';

/** The server answered with an OAI-PMH error (other than noRecordsMatch, which is an empty list). */
export class OaiProtocolErrorResponse extends DisanError {
  override readonly status: number = 502;
  override readonly code: string = 'oai_error';
  readonly oaiCode: string;
  constructor(oaiCode: string, message: string) {
    super(`the OAI-PMH server answered ${oaiCode}${message ? `: ${message}` : ''}`);
    this.oaiCode = oaiCode;
  }
}

/** The server could not be reached, or kept failing, or did not answer OAI-PMH. */
export class HarvestFetchError extends DisanError {
  override readonly status: number = 502;
  override readonly code: string = 'harvest_fetch';
}

export interface ListRecordsRequest {
  metadataPrefix: string;
  set?: string | undefined;
  from?: string | undefined;
  until?: string | undefined;
}

export interface RecordsPage {
  records: OaiRecord[];
  responseDate: string;
  resumptionToken: ResumptionToken | undefined;
}

export interface HeadersPage {
  headers: OaiHeader[];
  responseDate: string;
  resumptionToken: ResumptionToken | undefined;
}

export interface OaiClient {
  identify(): Promise<NonNullable<OaiResponse['identify']>>;
  /** Every page of the list, the resumption tokens followed; none when the server answers noRecordsMatch. */
  listRecords(request: ListRecordsRequest): AsyncGenerator<RecordsPage>;
  /** Every page of headers (ListIdentifiers), the resumption tokens followed. */
  listIdentifiers(request: ListRecordsRequest): AsyncGenerator<HeadersPage>;
  /** Requests sent so far, retries included. */
  readonly requests: number;
}

interface FetchOutcome {
  retryAfterMs?: number;
  failure?: string;
  body?: string;
  status?: number;
}

export function createOaiClient(baseUrl: string, options: OaiClientOptions = {}): OaiClient {
  const delayMs = options.delayMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffMs = options.backoffMs ?? 2_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 300_000;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const userAgent = options.userAgent ?? DISAN_USER_AGENT;
  let requests = 0;
  let lastAnswerAt = 0;

  /** The polite delay counts from the end of the previous answer: a slow server gets the whole pause. */
  async function fetchOnce(url: URL): Promise<FetchOutcome> {
    const wait = lastAnswerAt + delayMs - Date.now();
    if (wait > 0) await sleep(wait, undefined, { signal: options.signal });
    try {
      return await fetchUnspaced(url);
    } finally {
      lastAnswerAt = Date.now();
    }
  }

  async function fetchUnspaced(url: URL): Promise<FetchOutcome> {
    requests++;
    const signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { headers: { 'user-agent': userAgent, accept: 'text/xml, application/xml' }, signal, redirect: 'follow' });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      return { failure: describeFetchError(error) };
    }
    const body = await response.text().catch((error: unknown) => {
      throw new HarvestFetchError(`the answer from ${url.origin} broke off: ${describeFetchError(error)}`, { cause: error });
    });
    if (response.status >= 500) {
      const retryAfterMs = response.status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      return { failure: `HTTP ${response.status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    }
    return { body, status: response.status };
  }

  async function request(params: Record<string, string | undefined>): Promise<OaiResponse> {
    const url = new URL(baseUrl);
    for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
    for (let attempt = 1; ; attempt++) {
      const outcome = await fetchOnce(url);
      if (outcome.body !== undefined) return readBody(url, outcome.body, outcome.status ?? 200);
      if (attempt >= maxAttempts) {
        throw new HarvestFetchError(`${url.origin}${url.pathname} failed ${attempt} times; last: ${outcome.failure ?? 'unknown'}`);
      }
      const waitMs = outcome.retryAfterMs === undefined ? backoffMs * 2 ** (attempt - 1) : Math.min(outcome.retryAfterMs, maxRetryAfterMs);
      options.onRetry?.({ attempt, waitMs, reason: outcome.failure ?? 'unknown' });
      await sleep(waitMs, undefined, { signal: options.signal });
    }
  }

  async function* pages(verb: 'ListRecords' | 'ListIdentifiers', list: ListRecordsRequest): AsyncGenerator<OaiResponse> {
    let response = await request({ verb, metadataPrefix: list.metadataPrefix, set: list.set, from: list.from, until: list.until });
    for (;;) {
      if (response.errors.some((error) => error.code === 'noRecordsMatch')) return;
      throwOnErrors(response);
      yield response;
      const token = response.resumptionToken?.value;
      if (!token) return;
      // Only the token goes with a resumed request: the server keeps the rest of the request in it.
      response = await request({ verb, resumptionToken: token });
    }
  }

  return {
    get requests() {
      return requests;
    },

    async identify() {
      const response = await request({ verb: 'Identify' });
      throwOnErrors(response);
      if (!response.identify) throw new HarvestFetchError(`${baseUrl} answered Identify without an Identify element`);
      return response.identify;
    },

    async *listRecords(list) {
      for await (const response of pages('ListRecords', list)) yield { records: response.records, responseDate: response.responseDate, resumptionToken: response.resumptionToken };
    },

    async *listIdentifiers(list) {
      for await (const response of pages('ListIdentifiers', list)) yield { headers: response.headers, responseDate: response.responseDate, resumptionToken: response.resumptionToken };
    },
  };
}

function readBody(url: URL, body: string, status: number): OaiResponse {
  try {
    return parseOaiResponse(body);
  } catch (error) {
    if (error instanceof OaiXmlError) throw new HarvestFetchError(`${url.origin}${url.pathname} (HTTP ${status}) did not answer OAI-PMH: ${error.message}`, { cause: error });
    throw error;
  }
}

function throwOnErrors(response: OaiResponse): void {
  const [first] = response.errors;
  if (first) throw new OaiProtocolErrorResponse(first.code, response.errors.map((error) => error.message).filter(Boolean).join('; '));
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message}` : '';
  return `${error.name === 'TimeoutError' ? 'timed out' : error.message}${cause}`;
}
