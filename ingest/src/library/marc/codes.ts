import type { AgentRole } from '@disan/schemas';

/** MARC relator code and English term for each agent role ($4 and $e of 1XX/7XX). */
export const RELATORS: Record<AgentRole, { code: string; term: string }> = {
  creator: { code: 'cre', term: 'creator' },
  contributor: { code: 'ctb', term: 'contributor' },
  publisher: { code: 'pbl', term: 'publisher' },
  performer: { code: 'prf', term: 'performer' },
  informant: { code: 'ive', term: 'interviewee' },
  photographer: { code: 'pht', term: 'photographer' },
  recordist: { code: 'rcd', term: 'recordist' },
  author: { code: 'aut', term: 'author' },
  editor: { code: 'edt', term: 'editor' },
  translator: { code: 'trl', term: 'translator' },
  illustrator: { code: 'ill', term: 'illustrator' },
  compiler: { code: 'com', term: 'compiler' },
  advisor: { code: 'ths', term: 'thesis advisor' },
};

/** Relators of a legal document's parties, which live in `library.legal`, not in agents. */
export const ISSUING_BODY = { code: 'isb', term: 'issuing body' } as const;
export const SIGNER = { code: 'sgn', term: 'signer' } as const;

const ROLE_BY_CODE = new Map<string, AgentRole>(Object.entries(RELATORS).map(([role, { code }]) => [code, role as AgentRole]));
const ROLE_BY_TERM = new Map<string, AgentRole>(Object.entries(RELATORS).map(([role, { term }]) => [term, role as AgentRole]));
// Relators other catalogues use often, folded into the nearest role.
const MORE_CODES: Record<string, AgentRole> = { ant: 'author', cmp: 'creator', art: 'creator', pro: 'creator', drt: 'creator', dir: 'creator', cnd: 'performer', voc: 'performer', sng: 'performer', itr: 'performer', act: 'performer', nrt: 'performer', dgs: 'advisor', opn: 'contributor', rev: 'contributor', aui: 'contributor', wpr: 'author' };

/** The role a relator code or term stands for, when it is one Disan knows. */
export function roleForRelator(code: string | undefined, term: string | undefined): AgentRole | undefined {
  const cleanCode = code?.trim().toLowerCase().replace(/[^a-z]/g, '');
  if (cleanCode) {
    const role = ROLE_BY_CODE.get(cleanCode) ?? MORE_CODES[cleanCode];
    if (role) return role;
  }
  const cleanTerm = term?.trim().toLowerCase().replace(/[.,;:\s]+$/, '');
  if (cleanTerm) return ROLE_BY_TERM.get(cleanTerm) ?? (cleanTerm.startsWith('ed') ? 'editor' : cleanTerm.startsWith('tr') ? 'translator' : cleanTerm.startsWith('comp') ? 'compiler' : cleanTerm.startsWith('ill') ? 'illustrator' : undefined);
  return undefined;
}

/**
 * ISO 639-1 to MARC's language codes (ISO 639-2/B, which differs from 639-2/T for Chinese,
 * French, German, Tibetan, Burmese and others). A three-letter tag is used as it stands:
 * the minority languages of Viet Nam are three-letter ISO 639-3 codes, several of which
 * MARC's list lacks, and a code a reader can look up beats `mis`.
 */
const MARC_LANGUAGE: Record<string, string> = {
  vi: 'vie', en: 'eng', km: 'khm', zh: 'chi', fr: 'fre', ja: 'jpn', ko: 'kor', th: 'tha', lo: 'lao', ru: 'rus', de: 'ger', es: 'spa', it: 'ita', pt: 'por', nl: 'dut',
  ar: 'ara', he: 'heb', yi: 'yid', fa: 'per', tr: 'tur', el: 'gre', la: 'lat', my: 'bur', ms: 'may', id: 'ind', hi: 'hin', sa: 'san', pi: 'pli', bo: 'tib', mn: 'mon',
  fi: 'fin', sv: 'swe', da: 'dan', no: 'nor', pl: 'pol', cs: 'cze', uk: 'ukr', hu: 'hun', ro: 'rum', tl: 'tgl', ta: 'tam', bn: 'ben', ur: 'urd', ka: 'geo', hy: 'arm',
};
const BCP47_BY_MARC = new Map(Object.entries(MARC_LANGUAGE).map(([tag, code]) => [code, tag]));
// 639-2/T spellings some records use instead of the bibliographic codes.
for (const [code, tag] of Object.entries({ zho: 'zh', fra: 'fr', deu: 'de', nld: 'nl', fas: 'fa', ell: 'el', mya: 'my', msa: 'ms', bod: 'bo', ces: 'cs', ron: 'ro', kat: 'ka', hye: 'hy' })) BCP47_BY_MARC.set(code, tag);

/** @example marcLanguage('zh-Hant') === 'chi'; marcLanguage('cjm') === 'cjm' */
export function marcLanguage(tag: string): string | undefined {
  const primary = tag.split('-')[0]!.toLowerCase();
  if (primary.length === 3) return primary;
  return MARC_LANGUAGE[primary];
}

/** @example bcp47Language('chi') === 'zh'; bcp47Language('und') === undefined */
export function bcp47Language(code: string): string | undefined {
  const clean = code.trim().toLowerCase();
  if (!/^[a-z]{3}$/.test(clean) || ['und', 'mul', 'zxx', 'mis', '|||'].includes(clean)) return undefined;
  return BCP47_BY_MARC.get(clean) ?? clean;
}

/** Scripts a title can be written in, with the language a title in it is taken to be in. */
const SCRIPTS = [
  { name: 'khmer', test: /\p{Script=Khmer}/u, lang: 'km' },
  { name: 'kana', test: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, lang: 'ja', marc: '$1' },
  { name: 'hangul', test: /\p{Script=Hangul}/u, lang: 'ko', marc: '$1' },
  { name: 'han', test: /\p{Script=Han}/u, lang: 'zh', marc: '$1' },
  { name: 'arabic', test: /\p{Script=Arabic}/u, lang: 'ar', marc: '(3' },
  { name: 'hebrew', test: /\p{Script=Hebrew}/u, lang: 'he', marc: '(2' },
  { name: 'cyrillic', test: /\p{Script=Cyrillic}/u, lang: 'ru', marc: '(N' },
  { name: 'greek', test: /\p{Script=Greek}/u, lang: 'el', marc: '(S' },
  { name: 'thai', test: /\p{Script=Thai}/u, lang: 'th' },
  { name: 'lao', test: /\p{Script=Lao}/u, lang: 'lo' },
] as const;

export interface ScriptInfo {
  name: string;
  /** The language a text in this script most likely is, when nothing else says. */
  lang: string;
  /** MARC's script identification code for $6, for the scripts MARC-8 had. */
  marc?: string;
}

/** The first non-Latin script in a text, or undefined for Latin (and script-less) text. */
export function nonLatinScript(text: string): ScriptInfo | undefined {
  return SCRIPTS.find((script) => script.test.test(text));
}
