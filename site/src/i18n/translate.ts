import { en } from './en.ts';
import { km } from './km.ts';
import type { Lang } from './langs.ts';
import { HTML_LANG } from './langs.ts';
import { vi, type Dictionary, type MessageId } from './vi.ts';
import { zh } from './zh.ts';

export const DICTIONARIES: Record<Lang, Dictionary> = { vi, en, km, zh };

export type Translate = (id: MessageId, values?: Record<string, string | number>) => string;

/**
 * The interface strings of a language; `{name}` placeholders are filled from `values`,
 * numbers formatted for the language.
 * @example useTranslations('en')('search.results', { total: 3 }) // '3 results'
 */
export function useTranslations(lang: Lang): Translate {
  const dictionary = DICTIONARIES[lang];
  const numbers = new Intl.NumberFormat(HTML_LANG[lang]);
  return (id, values) =>
    dictionary[id].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
}

type PluralId = 'count.items' | 'item.pages';

/**
 * A counted phrase with the language's plural rule (only English distinguishes here).
 * @example plural('en', 'count.items', 1) // '1 item'
 */
export function plural(lang: Lang, id: PluralId, count: number): string {
  const category = new Intl.PluralRules(HTML_LANG[lang]).select(count) === 'one' ? 'one' : 'other';
  return useTranslations(lang)(`${id}.${category}`, { count });
}
