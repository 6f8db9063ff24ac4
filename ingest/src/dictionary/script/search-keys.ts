import { analyze, analyzeForIndex } from '../../analyzer/index.ts';
import { foldRomanisation, pinyinOf } from './romanisation.ts';

/** The written forms of a dictionary entry that search finds it by. */
export interface EntryForms {
  /** Headwords in their own scripts: ទូកង, 船 or 船 (both forms), ꨆꨣꨯ, Rumi. */
  headwords: readonly string[];
  /** Romanisations as written: "tuk ngô", "chuán", "syun4", "Peng'im". */
  romanisations: readonly string[];
  /** Glosses and definitions in Vietnamese and English. */
  glosses: readonly string[];
}

const HAN = /\p{Script=Han}/u;

/**
 * Every key an entry is found by, for the search document's names: the analyzer's keys of
 * each form (Khmer compounds with their parts), and the forms users type for them that
 * the analyzer alone would miss: the pinyin of Han headwords (toneless, with tone
 * numbers, syllables joined; every reading of a one-character word) and each romanisation without its tone numbers and joined.
 * Both engines then match them with the shared analyzer, like any other text.
 * @example entrySearchKeys({ headwords: ['船'], romanisations: [], glosses: [] }) // ['船', 'chuan', 'chuan2']
 */
export function entrySearchKeys(forms: EntryForms): string[] {
  const keys = new Set<string>();
  const addAnalyzed = (text: string): void => {
    for (const token of analyzeForIndex(text)) keys.add(token.key);
  };
  const addRomanised = (text: string): void => {
    addAnalyzed(text);
    const folded = foldRomanisation(text);
    for (const syllable of folded.split(' ')) if (syllable !== '') keys.add(syllable);
    if (folded.includes(' ')) keys.add(folded.replaceAll(' ', ''));
  };
  for (const headword of forms.headwords) {
    addAnalyzed(headword);
    if (!HAN.test(headword)) continue;
    const pinyin = pinyinOf(headword);
    addRomanised(pinyin.numbered);
    for (const reading of pinyin.readings) addRomanised(reading);
    if (pinyin.plain.includes(' ')) keys.add(pinyin.joined);
  }
  for (const romanisation of forms.romanisations) addRomanised(romanisation);
  for (const gloss of forms.glosses) addAnalyzed(gloss);
  return [...keys];
}

/**
 * Whether a query finds an entry with these keys, by the engines' rule without typos:
 * every query word is a key, and the last one, while still being typed, may begin one.
 * @example entryMatches('chuán', entrySearchKeys({ headwords: ['船'], romanisations: [], glosses: [] })) === true
 */
export function entryMatches(query: string, keys: readonly string[]): boolean {
  const words = analyze(query);
  if (words.length === 0) return false;
  const last = words.at(-1)!;
  const typing = last.end === query.length;
  const known = new Set(keys);
  return words.every((word) => known.has(word.key) || (typing && word === last && keys.some((key) => key.startsWith(word.key))));
}
