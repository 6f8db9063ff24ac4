import type { EntryRelationType, PartOfSpeech, SenseDomain } from '@disan/schemas';

/**
 * The names LIFT files use for what the entry block holds, and ours, both ways. Traits and
 * fields of Disan's own start with `disan-`: FieldWorks keeps a trait it does not know as
 * it is, so a dictionary sent to it and back keeps them.
 */
export const OWN = {
  id: 'disan-id',
  dialect: 'disan-dialect',
  record: 'disan-record',
  domain: 'disan-domain',
  headword: 'disan-headword',
  accessLevel: 'disan-access-level',
  accessCommunity: 'disan-access-community',
  accessEmbargo: 'disan-access-embargo-until',
  speaker: 'disan-speaker',
  consent: 'disan-consent',
  consentDate: 'disan-consent-date',
  consentMethod: 'disan-consent-method',
  consentNote: 'disan-consent-note',
  locality: 'disan-locality',
  recordedOn: 'disan-recorded-on',
  generated: 'disan-generated',
} as const;

/** Parts of speech as FieldWorks' default grammatical categories name them. */
export const POS_NAMES: Record<PartOfSpeech, string> = {
  noun: 'Noun',
  'proper-noun': 'Proper Noun',
  verb: 'Verb',
  adjective: 'Adjective',
  adverb: 'Adverb',
  pronoun: 'Pronoun',
  numeral: 'Numeral',
  classifier: 'Classifier',
  particle: 'Particle',
  preposition: 'Preposition',
  conjunction: 'Conjunction',
  interjection: 'Interjection',
  phrase: 'Phrase',
  expression: 'Expression',
  other: 'Other',
};

/** Abbreviations and other names found in LIFT files for the same categories. */
const POS_ALIASES: Record<string, PartOfSpeech> = {
  n: 'noun',
  prop: 'proper-noun',
  'proper-n': 'proper-noun',
  v: 'verb',
  vt: 'verb',
  vi: 'verb',
  'transitive-verb': 'verb',
  'intransitive-verb': 'verb',
  adj: 'adjective',
  adv: 'adverb',
  pro: 'pronoun',
  pron: 'pronoun',
  'personal-pronoun': 'pronoun',
  num: 'numeral',
  number: 'numeral',
  clf: 'classifier',
  cl: 'classifier',
  prt: 'particle',
  part: 'particle',
  prep: 'preposition',
  adp: 'preposition',
  adposition: 'preposition',
  conj: 'conjunction',
  connective: 'conjunction',
  interj: 'interjection',
  phr: 'phrase',
  idiom: 'expression',
};

/**
 * A grammatical-info value as one of our parts of speech, or undefined when it names none.
 * @example partOfSpeechOf('Proper Noun') // 'proper-noun'
 */
export function partOfSpeechOf(value: string): PartOfSpeech | undefined {
  const key = value.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/\.$/, '');
  const direct = (Object.keys(POS_NAMES) as PartOfSpeech[]).find((pos) => pos === key);
  return direct ?? POS_ALIASES[key];
}

/** Relation types as FieldWorks writes its lexical relations, and complex forms (`_component-lexeme`). */
export const RELATION_NAMES: Record<Exclude<EntryRelationType, 'variant' | 'compound-of'>, string> = { synonym: 'Synonyms', 'see-also': 'Compare' };
export const COMPONENT_LEXEME = '_component-lexeme';
const RELATION_ALIASES: Record<string, EntryRelationType> = { synonyms: 'synonym', synonym: 'synonym', compare: 'see-also', 'see-also': 'see-also', cf: 'see-also', confer: 'see-also' };

/** A LIFT relation's type as ours; `_component-lexeme` depends on its traits (read.ts). */
export const relationTypeOf = (type: string): EntryRelationType | undefined => RELATION_ALIASES[type.trim().toLowerCase()];

/**
 * SIL's semantic domains (DDP4, as FieldWorks ships them in `semantic-domain-ddp4`: "number
 * name") mapped to our domains by number prefix, the longest first. Numbers from the
 * published list, Ron Moe, "Dictionary Development Process" (SIL, 2003), semdom.org.
 */
const DDP4_DOMAINS: readonly [string, SenseDomain][] = [
  ['4.1.9', 'kinship'],
  ['4.2.2', 'festival'],
  ['4.2.3', 'music'],
  ['4.2.4', 'dance'],
  ['4.9', 'religion'],
  ['5.2', 'food'],
  ['5.3', 'clothing'],
  ['6.2', 'agriculture'],
  ['6.5', 'architecture'],
  ['6.6', 'craft'],
  ['7.2.4.2', 'boat'],
  ['8.4', 'calendar'],
  ['2.1', 'body'],
  ['1', 'nature'],
];

/**
 * A semantic-domain trait's value as one of our domains.
 * @example domainOfDdp4('4.2.3 Music') // 'music'
 */
export function domainOfDdp4(value: string): SenseDomain | undefined {
  const number = /^\s*(\d+(?:\.\d+)*)/.exec(value)?.[1];
  if (!number) return undefined;
  const found = DDP4_DOMAINS.filter(([prefix]) => number === prefix || number.startsWith(`${prefix}.`)).sort((a, b) => b[0].length - a[0].length)[0];
  return found?.[1];
}
