/** The interface languages. Vietnamese is the default and lives at `/`; the others under `/{lang}/`. */
export const LANGS = ['vi', 'en', 'km', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'vi';

/** The `lang` attribute of a page and the locale of Intl formatting, per interface language. */
export const HTML_LANG: Record<Lang, string> = { vi: 'vi', en: 'en', km: 'km', zh: 'zh-Hans' };

/** Each language's own name, for the switcher (a reader looks for their language written their way). */
export const ENDONYM: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English', km: 'ភាសាខ្មែរ', zh: '中文' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
