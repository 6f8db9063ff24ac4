import type { Lang } from './langs.ts';

export interface LocalizedValue {
  lang: string;
  value: string;
}

/** A value chosen for a reader: its own language tag, and whether it is a fallback. */
export interface Picked {
  value: string;
  lang: string;
  fallback: boolean;
}

/**
 * Tags a reader of each interface language reads best, best first. Khmer readers get
 * Khmer script before a romanisation; Chinese readers simplified before traditional.
 */
const PREFERRED: Record<Lang, string[]> = {
  vi: ['vi'],
  en: ['en'],
  km: ['km', 'km-khmr'],
  zh: ['zh-hans', 'zh', 'zh-cn', 'zh-sg', 'zh-hant', 'zh-tw', 'zh-hk'],
};

/** When the reader's language is missing: Vietnamese (the archive's working language), then English. */
const FALLBACK_ORDER: Lang[] = ['vi', 'en'];

function findIn(values: readonly LocalizedValue[], lang: Lang): LocalizedValue | undefined {
  for (const tag of PREFERRED[lang]) {
    const exact = values.find((v) => v.lang.toLowerCase() === tag);
    if (exact) return exact;
  }
  // Any other region or script of the language, except a Latin romanisation of a non-Latin one.
  return values.find((v) => {
    const [primary, ...rest] = v.lang.toLowerCase().split('-');
    return primary === lang && !(lang !== 'vi' && lang !== 'en' && rest.includes('latn'));
  });
}

/**
 * The value to show a reader of `lang`, saying whether it is in another language.
 * @example pickLocalized([{ lang: 'vi', value: 'Chùa' }], 'en') // { value: 'Chùa', lang: 'vi', fallback: true }
 * @example pickLocalized([{ lang: 'zh-Hant', value: '關帝廟' }], 'zh') // { value: '關帝廟', lang: 'zh-Hant', fallback: false }
 */
export function pickLocalized(values: readonly LocalizedValue[] | undefined, lang: Lang): Picked | null {
  if (!values || values.length === 0) return null;
  const own = findIn(values, lang);
  if (own) return { value: own.value, lang: own.lang, fallback: false };
  for (const other of FALLBACK_ORDER) {
    const found = findIn(values, other);
    if (found) return { value: found.value, lang: found.lang, fallback: true };
  }
  const first = values[0]!;
  return { value: first.value, lang: first.lang, fallback: true };
}
