import type { SearchDocument } from '@disan/schemas';
import { entryExactKeys, entrySearchKeys, type EntryForms } from '@disan/ingest/dictionary';
import { fixture } from './search-fixtures.ts';

/**
 * Dictionary words as search documents, as the indexer makes them (indexing/entry-fields.ts):
 * their search keys (entrySearchKeys) indexed with the names, their headwords and
 * romanisations as whole keys (entryExactKeys) for the exact-headword tier. Both engines
 * must find them by any script, pinyin, romanisations and glosses through the shared
 * analyzer alone, and rank the word a query names exactly first.
 */
const WORDS: { id: string; forms: EntryForms }[] = [
  // The ngo boat, a compound ICU keeps whole; ទូក (boat) alone is the next entry.
  { id: 'word-tuk-ngo', forms: { headwords: ['ទូកង'], romanisations: ['tuk ngô'], glosses: ['ghe ngo', 'ngo racing boat'] } },
  { id: 'word-tuk', forms: { headwords: ['ទូក'], romanisations: ['tuk'], glosses: ['ghe, thuyền', 'boat'] } },
  { id: 'word-chuan', forms: { headwords: ['船'], romanisations: ['syun4'], glosses: ['thuyền'] } },
  // Both Han forms as headwords, pinyin with marks and Jyutping with tone numbers.
  { id: 'word-long-zhou', forms: { headwords: ['龍舟', '龙舟'], romanisations: ['lóngzhōu', 'lung4 zau1'], glosses: ['thuyền rồng', 'dragon boat'] } },
  // Cham in Akhar Thrah and in Rumi (Latin): the Katê festival, and Cam, the Cham people.
  { id: 'word-kate', forms: { headwords: ['ꨆꨓꨬ', 'Katê'], romanisations: ['Katê'], glosses: ['lễ hội Katê', 'Kate festival'] } },
  { id: 'word-cam', forms: { headwords: ['ꨌꩌ', 'Cam'], romanisations: ['Cam'], glosses: ['người Chăm', 'the Cham people'] } },
];

export const DICTIONARY_FIXTURES: SearchDocument[] = WORDS.map(({ id, forms }) => ({
  ...fixture('ok-om-bok'),
  id,
  kind: 'word',
  title: [{ lang: 'und', value: forms.headwords[0]! }],
  alternativeNames: [],
  description: [],
  entryKeys: entrySearchKeys(forms),
  headwordKeys: entryExactKeys(forms),
}));
