import { ETHNIC_GROUPS, ITEM_KINDS, MEDIA_KINDS } from '@disan/schemas';
import { HTML_LANG, type Lang } from '../i18n/langs.ts';
import type { Picked } from '../i18n/pick.ts';
import type { Translate } from '../i18n/translate.ts';

/** Peoples the dictionaries name in all four languages; the other groups have official vi/en names only. */
const TRANSLATED_PEOPLES = ['kinh', 'khmer', 'hoa', 'cham'] as const;
type TranslatedPeople = (typeof TRANSLATED_PEOPLES)[number];

function isTranslatedPeople(code: string): code is TranslatedPeople {
  return (TRANSLATED_PEOPLES as readonly string[]).includes(code);
}

/**
 * The name of an ethnic group for a reader, marked as a fallback when only the
 * Vietnamese or English official name exists.
 * @example peopleName('khmer', 'km', t) // { value: 'ខ្មែរ', lang: 'km', fallback: false }
 * @example peopleName('tay', 'zh', t) // { value: 'Tay', lang: 'en', fallback: true }
 */
export function peopleName(code: string, lang: Lang, t: Translate): Picked {
  if (isTranslatedPeople(code)) return { value: t(`people.${code}`), lang: HTML_LANG[lang], fallback: false };
  const official = (ETHNIC_GROUPS as Record<string, { vi: string; en: string } | undefined>)[code];
  if (!official) return { value: code, lang: 'und', fallback: true };
  if (lang === 'vi') return { value: official.vi, lang: 'vi', fallback: false };
  return { value: official.en, lang: 'en', fallback: lang !== 'en' };
}

/** @example kindLabel('festival', t) // 'Festivals' */
export function kindLabel(kind: string, t: Translate): string {
  return (ITEM_KINDS as readonly string[]).includes(kind) ? t(`kind.${kind as (typeof ITEM_KINDS)[number]}`) : kind;
}

export function mediaKindLabel(kind: string, t: Translate): string {
  return (MEDIA_KINDS as readonly string[]).includes(kind) ? t(`mediaKind.${kind as (typeof MEDIA_KINDS)[number]}`) : kind;
}

export { ITEM_KINDS };
