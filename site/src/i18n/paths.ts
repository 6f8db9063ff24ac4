import { DEFAULT_LANG, isLang, type Lang } from './langs.ts';

/**
 * The URL of a site path in a language: the default language has no prefix.
 * @example localizedPath('en', '/item/chua-doi') // '/en/item/chua-doi'
 * @example localizedPath('vi', '/item/chua-doi') // '/item/chua-doi'
 * @example localizedPath('km', '/') // '/km/'
 */
export function localizedPath(lang: Lang, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (lang === DEFAULT_LANG) return clean;
  return clean === '/' ? `/${lang}/` : `/${lang}${clean}`;
}

/**
 * Splits a pathname into its language and the path inside that language.
 * @example splitLangPath('/zh/search') // { lang: 'zh', path: '/search' }
 * @example splitLangPath('/search') // { lang: 'vi', path: '/search' }
 */
export function splitLangPath(pathname: string): { lang: Lang; path: string } {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
  const prefix = match?.[1];
  if (prefix !== undefined && prefix !== DEFAULT_LANG && isLang(prefix)) return { lang: prefix, path: match?.[2] ?? '/' };
  return { lang: DEFAULT_LANG, path: pathname === '' ? '/' : pathname };
}

/**
 * The language named by the `[...lang]` route parameter, or null when the URL is
 * not a page of this site (an unknown or explicit default prefix).
 * @example langFromParam(undefined) // 'vi'
 * @example langFromParam('en') // 'en'
 * @example langFromParam('vi') // null: Vietnamese lives at '/'
 */
export function langFromParam(param: string | undefined): Lang | null {
  if (param === undefined || param === '') return DEFAULT_LANG;
  return isLang(param) && param !== DEFAULT_LANG ? param : null;
}
