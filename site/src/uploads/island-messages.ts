import type { Lang } from '../i18n/langs.ts';
import { DICTIONARIES } from '../i18n/translate.ts';

/**
 * The strings the uploader islands use, for the page to hand them over in a data attribute.
 * @example Object.keys(islandMessages('en')).every((id) => id.startsWith('uploads.') || id.startsWith('import.')) // true
 */
export function islandMessages(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(DICTIONARIES[lang]).filter(([id]) => id.startsWith('uploads.') || id.startsWith('import.')));
}
