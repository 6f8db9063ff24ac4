import { wholeKey } from '../../analyzer/index.ts';
import { foldRomanisation, pinyinOf } from './romanisation.ts';
import type { EntryForms } from './search-keys.ts';

const HAN = /\p{Script=Han}/u;

/**
 * The whole-word keys (the analyzer's wholeKey) a query must equal to be one of the entry's
 * headwords or romanisations exactly: each headword (Han folded, so both forms are one key),
 * the toneless pinyin of a Han headword, each romanisation as written and without its tone
 * numbers. Glosses are left out: a gloss names a meaning, not the word itself.
 * @example entryExactKeys({ headwords: ['龍舟'], romanisations: ['lung4 zau1'], glosses: ['ghe rồng'] }) // ['龙舟', 'longzhou', 'lung4zau1', 'lungzau']
 */
export function entryExactKeys(forms: Pick<EntryForms, 'headwords' | 'romanisations'>): string[] {
  const keys = new Set<string>();
  const add = (text: string): void => {
    const key = wholeKey(text);
    if (key !== '') keys.add(key);
  };
  for (const headword of forms.headwords) {
    add(headword);
    if (HAN.test(headword)) add(pinyinOf(headword).joined);
  }
  for (const romanisation of forms.romanisations) {
    add(romanisation);
    add(foldRomanisation(romanisation));
  }
  return [...keys];
}
