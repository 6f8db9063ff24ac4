import { HTML_LANG, type Lang } from './langs.ts';
import { useTranslations } from './translate.ts';

/** Languages of the archive that the runtime's locale data (ICU) does not name in every reader's language. */
const NAMED_BY_DICTIONARY = ['cjm', 'cja', 'nan', 'hak'] as const;
type NamedByDictionary = (typeof NAMED_BY_DICTIONARY)[number];

function isNamedByDictionary(tag: string): tag is NamedByDictionary {
  return (NAMED_BY_DICTIONARY as readonly string[]).includes(tag);
}

/**
 * The name of a language in the reader's language, lower-cased where the language
 * writes it so mid-sentence ("tiếng Việt"). Cham and the Chinese languages of the
 * Hoa that ICU lacks come from the dictionaries; an unknown tag is shown as written.
 * @example languageName('vi', 'vi') // 'tiếng Việt'
 * @example languageName('km', 'en') // 'Khmer'
 * @example languageName('cjm', 'vi') // 'tiếng Chăm'
 */
export function languageName(tag: string, lang: Lang): string {
  if (isNamedByDictionary(tag)) return useTranslations(lang)(`language.${tag}`);
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([HTML_LANG[lang]], { type: 'language' }).of(tag);
  } catch {
    name = undefined;
  }
  if (name === undefined || name === '') return tag;
  return lang === 'vi' ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}
