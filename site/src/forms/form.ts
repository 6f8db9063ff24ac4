import type { Visitor } from '../api/transport.ts';
import { ApiNotFoundError, ApiRefusal } from '../api/errors.ts';
import type { MessageId } from '../i18n/vi.ts';

/** A form posted to a page, read on the server: every value as text, trimmed unless told not to. */
export interface PostedForm {
  text(name: string): string;
  /** As typed (passwords: spaces are part of them). */
  raw(name: string): string;
  all(name: string): string[];
  has(name: string): boolean;
}

/** A posted form with its chosen files (`multipart/form-data`): a file field left empty is null. */
export interface PostedFiles extends PostedForm {
  file(name: string): File | null;
}

/**
 * Reads an `application/x-www-form-urlencoded` (or multipart) form and hands its CSRF
 * token (hidden field `csrf`) to the visitor, so the API calls that follow carry it in
 * `x-csrf-token`: the token must come from the page the person was shown, not from the
 * session alone.
 */
export async function readForm(request: Request, visitor: Visitor): Promise<PostedFiles> {
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    data = new FormData();
  }
  const values = (name: string) => data.getAll(name).filter((v): v is string => typeof v === 'string');
  const raw = (name: string) => values(name)[0] ?? '';
  const csrf = raw('csrf');
  if (csrf !== '') visitor.csrfToken = csrf;
  const file = (name: string) => data.getAll(name).find((v): v is File => v instanceof File && v.size > 0) ?? null;
  return { raw, text: (name) => raw(name).trim(), all: values, has: (name) => values(name).length > 0, file };
}

/** A message for a field (or for the form, under `form`), by dictionary id with its values. */
export interface FormMessage {
  id: MessageId;
  values?: Record<string, string | number>;
}
/** Problems by field name (`form`: the whole form); a field may have several (a password's policy). */
export type FormErrors = Partial<Record<string, FormMessage | readonly FormMessage[]>>;

/** @example messagesOf({ id: 'form.required' }) // [{ id: 'form.required' }] */
export function messagesOf(error: FormMessage | readonly FormMessage[] | undefined): readonly FormMessage[] {
  if (error === undefined) return [];
  return 'id' in error ? [error] : error;
}

/**
 * The answer to a form that worked: 303 to a page that says so (`?done=<key>`, a key
 * of `DONE_MESSAGES`), so reloading does not post again.
 * @example seeOther('/en/account', 'saved').headers.get('location') // '/en/account?done=saved'
 */
export function seeOther(path: string, done?: DoneKey): Response {
  const location = done === undefined ? path : `${path}${path.includes('?') ? '&' : '?'}done=${done}`;
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

/** The status messages a page shows after a redirect: only these keys, never text from the address. */
export const DONE_MESSAGES = {
  saved: 'done.saved',
  password: 'done.password',
  signedOut: 'done.signedOut',
  passwordSet: 'done.passwordSet',
  resetSent: 'done.resetSent',
  sessionEnded: 'done.sessionEnded',
  everywhere: 'done.everywhere',
  tokenRevoked: 'done.tokenRevoked',
  secondFactorOff: 'done.secondFactorOff',
  communityCreated: 'done.communityCreated',
  memberAdded: 'done.memberAdded',
  memberRemoved: 'done.memberRemoved',
  harvestCreated: 'harvest.done.created',
  harvestQueued: 'harvest.done.queued',
  harvestAlreadyQueued: 'harvest.done.alreadyQueued',
  harvestDeleted: 'harvest.done.deleted',
  coverageCreated: 'coverage.done.created',
  coverageDeleted: 'coverage.done.deleted',
} as const satisfies Record<string, MessageId>;
export type DoneKey = keyof typeof DONE_MESSAGES;

/** @example doneMessage(new URLSearchParams('done=saved')) // 'done.saved' */
export function doneMessage(params: URLSearchParams): MessageId | null {
  const key = params.get('done');
  return key !== null && Object.hasOwn(DONE_MESSAGES, key) ? DONE_MESSAGES[key as DoneKey] : null;
}

/**
 * Where to go after signing in: a path on this site only (`/…`, never `//host` or
 * `/\host`, which browsers read as another site), else the fallback.
 * @example safeNext('/en/account?tab=1', '/') // '/en/account?tab=1'
 * @example safeNext('//evil.example/x', '/') // '/'
 * @example safeNext('https://evil.example/', '/') // '/'
 */
export function safeNext(raw: string | null | undefined, fallback: string): string {
  if (raw === null || raw === undefined || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\\]/.test(raw)) return fallback;
  const probe = new URL(raw, 'http://site.invalid');
  if (probe.origin !== 'http://site.invalid') return fallback;
  return `${probe.pathname}${probe.search}`;
}

/** The outcome of an API call a form makes: the answer, or the refusal to show beside the form. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: ApiRefusal | ApiNotFoundError };

/** Runs a form's API call; a refusal (4xx) is returned to be shown, anything else (the API down) is thrown to the error page. */
export async function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ApiRefusal || error instanceof ApiNotFoundError) return { ok: false, error };
    throw error;
  }
}

/**
 * What a refusal means to the person, by status: the same words whatever the route.
 * @example refusalMessage(new ApiRefusal('x', 429, { code: 'rate_limited', retryAfterSeconds: 90 })) // { id: 'form.rateLimited', values: { minutes: 2 } }
 */
export function refusalMessage(error: ApiRefusal | ApiNotFoundError): FormMessage {
  if (error instanceof ApiNotFoundError) return { id: 'form.gone' };
  switch (error.status) {
    case 401:
      return { id: 'signIn.invalid' };
    case 403:
      return { id: 'form.expired' };
    case 409:
      return { id: 'form.conflict' };
    case 429:
      return { id: 'form.rateLimited', values: { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) } };
    default:
      return { id: 'form.invalid' };
  }
}

/**
 * The errors for a refused action that asked for the current password: a wrong one beside
 * that field, anything else (throttled, expired form) above the form.
 * @example refusalErrors(new ApiRefusal('x', 403, { code: 'wrong_password' })) // { password: { id: 'password.currentWrong' } }
 */
export function refusalErrors(error: ApiRefusal | ApiNotFoundError, passwordField = 'password'): FormErrors {
  return error instanceof ApiRefusal && error.code === 'wrong_password' ? { [passwordField]: { id: 'password.currentWrong' } } : { form: refusalMessage(error) };
}
