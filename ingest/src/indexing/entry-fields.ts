import type { Item, SearchDocument } from '@disan/schemas';
import { entryExactKeys, entrySearchKeys, type EntryForms } from '../dictionary/script/index.ts';

type EntryFields = Pick<SearchDocument, 'entryKeys' | 'headwordKeys'>;

/** The written forms of an entry that search finds it by: IPA is left out (no one types it in a search box). */
export function entryForms(entry: NonNullable<Item['entry']>): EntryForms {
  return {
    headwords: entry.headwords.map((headword) => headword.value),
    romanisations: (entry.romanisations ?? []).map((romanisation) => romanisation.value),
    glosses: entry.senses.flatMap((sense) => [...sense.glosses, ...(sense.definition ?? [])].map((text) => text.value)),
  };
}

/**
 * What a dictionary entry (an item of kind `word`) adds to its search document: its search
 * keys, indexed with the names, so both engines find it by any script, romanisation without
 * tones, pinyin or gloss; and its exact keys, so the entry a query names exactly ranks first.
 * Items without an `entry` block add nothing, so their documents stay as they were.
 */
export function entryFields(item: Item): EntryFields {
  if (!item.entry) return {};
  const forms = entryForms(item.entry);
  return { entryKeys: entrySearchKeys(forms), headwordKeys: entryExactKeys(forms) };
}
