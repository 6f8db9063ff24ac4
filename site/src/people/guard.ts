import type { Account } from '@disan/schemas';
import type { Lang } from '../i18n/langs.ts';
import { localizedPath } from '../i18n/paths.ts';

/**
 * The sign-in page, asked to come back here afterwards: what the API's own refusal of the
 * anonymous means on a page.
 * @example signInRedirect('en', new URL('http://site/en/account/tokens?x=1')).headers.get('location') // '/en/sign-in?next=%2Fen%2Faccount%2Ftokens%3Fx%3D1'
 */
export function signInRedirect(lang: Lang, url: URL): Response {
  const next = encodeURIComponent(`${url.pathname}${url.search}`);
  return new Response(null, { status: 303, headers: { location: `${localizedPath(lang, '/sign-in')}?next=${next}`, 'cache-control': 'no-store' } });
}

/** Whether the header offers the administration pages (the API decides what they show). */
export const isAdmin = (account: Account | null): boolean => account?.roles.includes('admin') ?? false;

/** The communities whose members the account decides, for the header's links. */
export const stewardships = (account: Account | null): string[] => account?.memberships.filter((m) => m.steward).map((m) => m.community) ?? [];
