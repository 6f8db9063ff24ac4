import { KNOWN_LANGUAGES, type LocalizedText } from '@disan/schemas';
import { indexText } from '../analyzer/index.ts';

/** Key of the title sort key used when the reader's language has no title. */
export const FALLBACK_SORT_KEY = 'any';

/**
 * Sort keys are precomputed per known language (Meilisearch can only sort by declared
 * attributes), so sorting by title means the same in both engines.
 * @example sortLanguageKey('zh-Hans') === 'zh_Hans'; sortLanguageKey('xx') === 'any'
 */
export function sortLanguageKey(lang: string | undefined): string {
  return lang !== undefined && (KNOWN_LANGUAGES as readonly string[]).includes(lang) ? lang.replace('-', '_') : FALLBACK_SORT_KEY;
}

/** Title sort keys: one per known language (that language's title, else the first title). */
export function titleSortKeys(titles: readonly LocalizedText[]): Record<string, string> {
  const fallback = indexText(titles[0]?.value ?? '');
  const keys: Record<string, string> = { [FALLBACK_SORT_KEY]: fallback };
  for (const lang of KNOWN_LANGUAGES) {
    const title = titles.find((candidate) => candidate.lang === lang);
    keys[sortLanguageKey(lang)] = title === undefined ? fallback : title === titles[0] ? fallback : indexText(title.value);
  }
  return keys;
}
