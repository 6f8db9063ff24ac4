import { BROWSE_ORDERS, DICTIONARY_LANGUAGES, ENTRY_RELATIONS, HEADWORD_SCRIPTS, PARTS_OF_SPEECH, ROMANISATION_SYSTEMS, SENSE_DOMAINS, type BrowseOrder, type EntryView, type Headword, type RecordingView } from '@disan/schemas';
import type { Lang } from '../i18n/langs.ts';
import { pickLocalized, type LocalizedValue, type Picked } from '../i18n/pick.ts';
import type { Translate } from '../i18n/translate.ts';
import type { MessageId } from '../i18n/vi.ts';

/**
 * The `lang` of a headword, so a screen reader picks the voice and the browser the font:
 * Khmer script is `km`, Han characters `zh-Hant` or `zh-Hans` (the fonts are chosen by
 * `:lang(zh)`), Cham script `cjm`, Latin letters the entry's language in Latin (`cjm-Latn`).
 * @example headwordLang({ value: 'ទូកង', script: 'Khmr' }, 'km') // 'km'
 * @example headwordLang({ value: '龍舟', script: 'Hant' }, 'yue') // 'zh-Hant'
 * @example headwordLang({ value: 'ghe', script: 'Latn' }, 'cjm') // 'cjm-Latn'
 */
export function headwordLang(headword: Headword, language: string): string {
  switch (headword.script) {
    case 'Khmr': return 'km';
    case 'Hant': return 'zh-Hant';
    case 'Hans': return 'zh-Hans';
    case 'Cham': return 'cjm';
    case 'Latn': return `${baseLanguage(language)}-Latn`;
  }
}

/**
 * The `lang` of a romanisation: the entry's language written in Latin letters.
 * @example romanisationLang('km') // 'km-Latn'
 * @example romanisationLang('zh-Hant') // 'zh-Latn'
 */
export function romanisationLang(language: string): string {
  return `${baseLanguage(language)}-Latn`;
}

/** The primary subtag of a BCP 47 tag, lower-cased; a Chinese tag keeps its own (yue, nan…). */
function baseLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/**
 * A word's recording as `<source>` elements: Opus first (small), MP3 for the browsers
 * without it (older iPhones); a rendition still being made is left out.
 */
export function recordingSources(recording: RecordingView): { src: string; type: string }[] {
  const sources: { src: string; type: string }[] = [];
  if (recording.opus) sources.push({ src: recording.opus, type: 'audio/ogg; codecs=opus' });
  if (recording.mp3) sources.push({ src: recording.mp3, type: 'audio/mpeg' });
  return sources;
}

const inList = <T extends string>(list: readonly T[], code: string): code is T => (list as readonly string[]).includes(code);

/** A code's label through the dictionaries, or the code itself when the data holds one the site does not know. */
function label<T extends string>(list: readonly T[], code: string, id: (known: T) => MessageId, t: Translate): string {
  return inList(list, code) ? t(id(code)) : code;
}

/** Labels of the dictionary's codes in the reader's language; unknown codes are shown as written. */
export const dictionaryLabels = (t: Translate) => ({
  language: (code: string) => label(DICTIONARY_LANGUAGES, code, (c) => `dictionary.language.${c}`, t),
  partOfSpeech: (code: string) => label(PARTS_OF_SPEECH, code, (c) => `dictionary.pos.${c}`, t),
  domain: (code: string) => label(SENSE_DOMAINS, code, (c) => `dictionary.domain.${c}`, t),
  script: (code: string) => label(HEADWORD_SCRIPTS, code, (c) => `dictionary.script.${c}`, t),
  romanisation: (code: string) => label(ROMANISATION_SYSTEMS, code, (c) => `dictionary.romanisation.${c}`, t),
  order: (code: string) => label(BROWSE_ORDERS, code, (c) => `dictionary.order.${c}`, t),
  /** A relation as the reader sees it from this entry: "compound of" forward, "compounds with this word" seen from the other side. */
  relation: (code: string, direction: 'forward' | 'inverse') =>
    direction === 'inverse' && code === 'compound-of' ? t('dictionary.relationInverse.compound-of') : label(ENTRY_RELATIONS, code, (c) => `dictionary.relation.${c}`, t),
});

/** @example isBrowseOrder('khmer') // true; isBrowseOrder('klingon') // false */
export const isBrowseOrder = (value: string): value is BrowseOrder => inList(BROWSE_ORDERS, value);

/**
 * The languages a search is narrowed to, from the form's repeated `language` fields:
 * known codes only, each once, so a crafted address cannot send the API anything else.
 * @example selectedLanguages(new URLSearchParams('language=km&language=xx&language=km')) // ['km']
 */
export function selectedLanguages(params: URLSearchParams): string[] {
  return [...new Set(params.getAll('language').filter((code) => inList(DICTIONARY_LANGUAGES, code)))];
}

/** What a DefinedTerm's page knows beside the entry: where it lives and the dictionary's own page and name. */
export interface TermContext {
  pageUrl: string;
  termSetUrl: string;
  termSetName: string;
  /** The first sense's definition or glosses, in the reader's language. */
  description: string | null;
}

/**
 * schema.org `DefinedTerm` JSON-LD for an entry page: the main headword as `name`, its
 * other spellings and romanisations as `alternateName`, the id as `termCode`, within the
 * dictionary's `DefinedTermSet`.
 * @example entryJsonLd(view, { pageUrl: 'https://d.org/dictionary/tuk-ngo', termSetUrl: 'https://d.org/dictionary', termSetName: 'Disan', description: 'racing boat' })['@type'] // 'DefinedTerm'
 */
export function entryJsonLd(view: EntryView, context: TermContext): Record<string, unknown> {
  const [main, ...others] = view.entry.headwords;
  const alternateNames = [...others.map((h) => h.value), ...(view.entry.romanisations ?? []).map((r) => r.value)];
  const term: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'DefinedTerm',
    name: main?.value ?? view.id,
    termCode: view.id,
    url: context.pageUrl,
    inLanguage: view.entry.language,
    inDefinedTermSet: { '@type': 'DefinedTermSet', name: context.termSetName, url: context.termSetUrl },
  };
  if (alternateNames.length > 0) term.alternateName = [...new Set(alternateNames)];
  if (context.description) term.description = context.description;
  return term;
}

/**
 * A sense's glosses in the reader's language (all of them in that language, joined), or in
 * the fallback language `pickLocalized` chooses, marked as a fallback.
 * @example glossesFor([{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'racing boat' }, { lang: 'en', value: 'long boat' }], 'en') // { value: 'racing boat; long boat', lang: 'en', fallback: false }
 */
export function glossesFor(glosses: readonly LocalizedValue[], lang: Lang): Picked | null {
  const picked = pickLocalized(glosses, lang);
  if (!picked) return null;
  const same = glosses.filter((g) => g.lang === picked.lang).map((g) => g.value);
  return { ...picked, value: [...new Set(same)].join('; ') };
}

/**
 * A browse page's entries cut where their section changes, for one heading per letter or
 * radical; `index` numbers the runs (a section may start again on a later page).
 * @example sectionRuns([{ section: 'ក' }, { section: 'ក' }, { section: 'ខ' }]).map((r) => r.section) // ['ក', 'ខ']
 */
export function sectionRuns<T extends { section: string }>(entries: readonly T[]): { index: number; section: string; entries: T[] }[] {
  const runs: { index: number; section: string; entries: T[] }[] = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if (last?.section === entry.section) last.entries.push(entry);
    else runs.push({ index: runs.length, section: entry.section, entries: [entry] });
  }
  return runs;
}
