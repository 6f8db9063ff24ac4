import { DEFAULT_LANG, HTML_LANG, LANGS, type Lang } from '../i18n/langs.ts';
import { localizedPath } from '../i18n/paths.ts';

export interface Alternate {
  hreflang: string;
  href: string;
}

/**
 * Absolute URL of a path on the public site.
 * @example absoluteUrl('https://disan.example.org', '/en/') // 'https://disan.example.org/en/'
 */
export function absoluteUrl(base: string, path: string): string {
  return new URL(path, `${base.replace(/\/+$/, '')}/`).href;
}

/**
 * The canonical URL of a page and its alternates in every language, plus x-default
 * (the Vietnamese page, the archive's default).
 * @example pageUrls('https://d.org', 'en', '/about').canonical // 'https://d.org/en/about'
 */
export function pageUrls(base: string, lang: Lang, path: string): { canonical: string; alternates: Alternate[] } {
  const alternates = LANGS.map((l) => ({ hreflang: HTML_LANG[l], href: absoluteUrl(base, localizedPath(l, path)) }));
  alternates.push({ hreflang: 'x-default', href: absoluteUrl(base, localizedPath(DEFAULT_LANG, path)) });
  return { canonical: absoluteUrl(base, localizedPath(lang, path)), alternates };
}

/** Open Graph locale names (language_TERRITORY). */
export const OG_LOCALE: Record<Lang, string> = { vi: 'vi_VN', en: 'en_US', km: 'km_KH', zh: 'zh_CN' };
