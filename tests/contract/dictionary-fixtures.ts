import type { SearchDocument } from '@disan/schemas';
import { entrySearchKeys, type EntryForms } from '@disan/ingest/dictionary';
import { fixture } from './search-fixtures.ts';

/**
 * Dictionary words as search documents, their search keys (entrySearchKeys) among the
 * names, as the dictionary will index them: both engines must find them by pinyin,
 * romanisations and tone numbers through the shared analyzer alone.
 */
const WORDS: { id: string; forms: EntryForms }[] = [
  { id: 'word-tuk-ngo', forms: { headwords: ['ទូកង'], romanisations: ['tuk ngô'], glosses: ['ghe ngo'] } },
  { id: 'word-chuan', forms: { headwords: ['船'], romanisations: ['syun4'], glosses: ['thuyền'] } },
];

export const DICTIONARY_FIXTURES: SearchDocument[] = WORDS.map(({ id, forms }) => ({
  ...fixture('ok-om-bok'),
  id,
  title: forms.headwords.map((value) => ({ lang: 'und', value })),
  alternativeNames: entrySearchKeys(forms),
  description: [],
}));
