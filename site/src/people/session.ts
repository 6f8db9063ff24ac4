import type { Account } from '@disan/schemas';
import type { AccountClient } from '../api/account-client.ts';
import { ApiError } from '../api/errors.ts';

/** The session cookie the API sets: `__Host-` prefixed behind HTTPS. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?disan_session=[^;]/;

/**
 * Whether the visitor's cookies hold an API session: without one the visitor is the
 * public, and the site asks the API nothing about them.
 * @example hasSessionCookie('lang=vi; disan_session=abc') // true
 * @example hasSessionCookie('other_session=abc') // false
 */
export function hasSessionCookie(cookie: string | null | undefined): boolean {
  return cookie !== null && cookie !== undefined && SESSION_COOKIE.test(cookie);
}

export interface SignedIn {
  account: Account | null;
  csrfToken: string | null;
}

/**
 * Who the visitor is, asked once per request (`GET /api/auth/session`) and only when
 * they send a session cookie. A failing API makes them the public for this page (the
 * page itself then shows the API's trouble); the log says why.
 */
export async function learnSession(accounts: AccountClient, cookie: string | null): Promise<SignedIn> {
  if (!hasSessionCookie(cookie)) return { account: null, csrfToken: null };
  try {
    const { account, csrfToken } = await accounts.session();
    return { account, csrfToken };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    console.error('site: could not learn the visitor\'s session', error);
    return { account: null, csrfToken: null };
  }
}

/**
 * The caching of a page: anything a signed-in visitor sees, or anything answered to a
 * request carrying a session cookie, is theirs alone. Every page varies on Cookie, so
 * no shared cache can hand one person's page to another.
 * @example pageCaching({ signedIn: true, sentSession: true, cacheControl: null }) // 'private, no-store'
 */
export function pageCaching(options: { signedIn: boolean; sentSession: boolean; cacheControl: string | null }): string | null {
  if (options.signedIn || options.sentSession) return 'private, no-store';
  return options.cacheControl;
}
