import type { HeadwordScript, RomanisationSystem } from '@disan/schemas';

/**
 * Writing systems as LIFT names them (BCP 47 tags, as FieldWorks and WeSay write them)
 * and what each form is in an entry. One table, read both ways:
 *
 * | writing system                          | read as                         | written for          |
 * |-----------------------------------------|---------------------------------|----------------------|
 * | `km`, `km-Khmr`, `<lang>-Khmr`          | headword, Khmer script          | Khmr (`km` for km)   |
 * | `zh-Hant`, `yue-Hant`, `zh-TW`, `zh-HK` | headword, Han traditional       | `<lang>-Hant`        |
 * | `zh-Hans`, `cmn-Hans`, `zh-CN`, `zh`    | headword, Han simplified        | `<lang>-Hans`        |
 * | `cjm`, `cjm-Cham`, `<lang>-Cham`        | headword, Akhar Thrah           | Cham (`cjm` for cjm) |
 * | `cjm-Latn`, `<lang>-Latn`               | headword, Latin (Cham Rumi...)  | `<lang>-Latn`        |
 * | `<lang>-fonipa`, `<lang>-*-fonipa`      | IPA (pronunciation forms)       | `<lang>-fonipa`      |
 * | `<lang>-Latn-pinyin`                    | romanisation, Hanyu Pinyin      | same                 |
 * | `<lang>-Latn-jyutping`                  | romanisation, Jyutping          | same                 |
 * | `<lang>-Latn-alalc97`                   | romanisation, ALA-LC            | same                 |
 * | `<lang>-Latn-x-ungegn`                  | romanisation, UNGEGN            | same                 |
 * | `<lang>-Latn-x-pengim`, `-x-pengim`     | romanisation, Teochew Peng'im   | `<lang>-Latn-x-pengim` |
 * | `<lang>-Latn-x-pfs`                     | romanisation, Pha̍k-fa-sṳ        | same                 |
 * | `<lang>-Latn-x-rumi`                    | romanisation, Cham Rumi         | same                 |
 * | `<lang>-Latn-x-<other>`                 | romanisation, other             | `<lang>-Latn-x-other`|
 *
 * `pinyin`, `jyutping`, `alalc97` and `fonipa` are registered BCP 47 variants; the others
 * have none, so they are private-use (`x-`) subtags, as FieldWorks makes them.
 */
export type FormRole = { role: 'headword'; script: HeadwordScript } | { role: 'romanisation'; system: RomanisationSystem } | { role: 'ipa' } | { role: 'unknown' };

const REGISTERED_VARIANTS: Record<string, RomanisationSystem> = { pinyin: 'pinyin', jyutping: 'jyutping', alalc97: 'ala-lc' };
const PRIVATE_SYSTEMS: Record<string, RomanisationSystem> = { ungegn: 'ungegn', pengim: 'pengim', pfs: 'pfs', rumi: 'rumi' };
const SCRIPT_SUBTAGS: Record<string, HeadwordScript> = { khmr: 'Khmr', hant: 'Hant', hans: 'Hans', cham: 'Cham', latn: 'Latn' };
/** A bare language tag's script: the script its speakers write by default. */
const DEFAULT_SCRIPT: Record<string, HeadwordScript> = { km: 'Khmr', cjm: 'Cham', zh: 'Hans', cmn: 'Hans', yue: 'Hant', nan: 'Hant', hak: 'Hant' };
const REGION_SCRIPT: Record<string, HeadwordScript> = { tw: 'Hant', hk: 'Hant', mo: 'Hant', cn: 'Hans', sg: 'Hans' };

/**
 * What a form in a writing system is.
 * @example formRole('zh-Latn-pinyin') // { role: 'romanisation', system: 'pinyin' }
 * @example formRole('km-fonipa') // { role: 'ipa' }
 * @example formRole('zh-TW') // { role: 'headword', script: 'Hant' }
 */
export function formRole(writingSystem: string): FormRole {
  const subtags = writingSystem.toLowerCase().split('-');
  const language = subtags[0] ?? '';
  if (subtags.includes('fonipa')) return { role: 'ipa' };
  const privateAt = subtags.indexOf('x');
  if (privateAt >= 0) {
    const name = subtags[privateAt + 1] ?? '';
    if (name === 'ipa' || name === 'fonipa') return { role: 'ipa' };
    return { role: 'romanisation', system: PRIVATE_SYSTEMS[name] ?? 'other' };
  }
  for (const subtag of subtags.slice(1)) {
    const system = REGISTERED_VARIANTS[subtag];
    if (system) return { role: 'romanisation', system };
  }
  const script = subtags.slice(1).map((subtag) => SCRIPT_SUBTAGS[subtag]).find((found) => found !== undefined);
  if (script) return { role: 'headword', script };
  const region = subtags.slice(1).map((subtag) => REGION_SCRIPT[subtag]).find((found) => found !== undefined);
  if (region) return { role: 'headword', script: region };
  const byDefault = DEFAULT_SCRIPT[language];
  return byDefault ? { role: 'headword', script: byDefault } : { role: 'unknown' };
}

/** The language a writing system belongs to: its first subtag. */
export const languageOf = (writingSystem: string): string => writingSystem.split('-')[0] ?? writingSystem;

/** The writing system a headword in `script` of a `language` entry is written in. */
export function headwordSystem(language: string, script: HeadwordScript): string {
  return DEFAULT_SCRIPT[language] === script && (script === 'Khmr' || script === 'Cham') ? language : `${language}-${script}`;
}

const SYSTEM_TAGS: Record<RomanisationSystem, string> = {
  pinyin: 'Latn-pinyin',
  jyutping: 'Latn-jyutping',
  'ala-lc': 'Latn-alalc97',
  ungegn: 'Latn-x-ungegn',
  pengim: 'Latn-x-pengim',
  pfs: 'Latn-x-pfs',
  rumi: 'Latn-x-rumi',
  other: 'Latn-x-other',
};

/** The writing system a romanisation of a `language` entry is written in. */
export const romanisationSystem = (language: string, system: RomanisationSystem): string => `${language}-${SYSTEM_TAGS[system]}`;

/** The writing system of IPA for a `language` entry. */
export const ipaSystem = (language: string): string => `${language}-fonipa`;
