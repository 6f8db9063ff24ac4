import type { LinkPurpose } from '@disan/schemas';

/** The site's own address when DISAN_PUBLIC_URL is not set (its default port; see api/src/launcher). */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

const PAGES: Record<LinkPurpose, string> = { invitation: 'welcome', reset: 'reset-password' };

/**
 * The site page that opens a one-time link, in the account's language (Vietnamese, the
 * default, has no prefix). The CLI, the API and the mails all build links here, so they agree.
 * @example linkUrl('https://heritage.example.org', 'en', 'reset', 'abc') // 'https://heritage.example.org/en/reset-password/abc'
 * @example linkUrl(undefined, 'vi', 'invitation', 'abc') // 'http://localhost:4321/welcome/abc'
 */
export function linkUrl(publicUrl: string | undefined, language: string, purpose: LinkPurpose, token: string): string {
  const base = (publicUrl ?? DEFAULT_SITE_URL).replace(/\/+$/, '');
  const prefix = language === 'vi' ? '' : `/${encodeURIComponent(language)}`;
  return `${base}${prefix}/${PAGES[purpose]}/${encodeURIComponent(token)}`;
}
