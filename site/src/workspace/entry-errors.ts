import type { FormErrors, FormMessage } from '../forms/form.ts';
import { senseOf, type EntryRowGroup, type EntryRows } from './entry-form.ts';

/** Where the rows of each repeatable part of an entry sit in the draft, and the input a row's problem goes to when its path names the row only. */
const ROW_PATHS: Record<string, { group: EntryRowGroup; first: string }> = {
  headwords: { group: 'headwords', first: 'value' },
  romanisations: { group: 'romanisations', first: 'value' },
  ipa: { group: 'ipa', first: 'value' },
  relations: { group: 'entryRelations', first: 'entryId' },
  etymology: { group: 'etymology', first: 'value' },
  usageNotes: { group: 'usageNotes', first: 'value' },
  sources: { group: 'entrySources', first: 'value' },
};

/** A sense's inputs by the draft's key inside it. */
const SENSE_FIELDS: Record<string, string> = { glosses: 'glossVi', definition: 'definitionVi', domains: 'domains' };

/**
 * The form field of a problem inside `/entry` (segments after it): rows by the form's
 * index; a sense's examples by the example rows in the draft's order (`examples`: their form
 * rows, sense after sense; `exampleCounts`: how many each sense has in the draft).
 * @example entryProblemField(['headwords', '0', 'value'], { headwords: [1] }) // 'headwords-1-value'
 * @example entryProblemField(['senses', '1', 'examples', '0', 'text'], { senses: [0, 1], examples: [4, 2] }, [1, 1]) // 'examples-2-text'
 * @example entryProblemField([], {}) // 'headwords-0-value'
 */
export function entryProblemField(segments: readonly string[], rows: Partial<Record<string, number[]>>, exampleCounts: readonly number[] = []): string {
  const [part, second, third, fourth, fifth] = segments;
  const formRow = (group: string, index: string | undefined): number => rows[group]?.[Number(index ?? 0)] ?? Number(index ?? 0);
  if (part === undefined) return 'headwords-0-value';
  const rowPath = ROW_PATHS[part];
  if (rowPath) return `${rowPath.group}-${formRow(rowPath.group, second)}-${third ?? rowPath.first}`;
  if (part === 'senses') {
    const sense = formRow('senses', second);
    if (third === 'examples' && fourth !== undefined) {
      const before = exampleCounts.slice(0, Number(second)).reduce((a, b) => a + b, 0);
      return `examples-${formRow('examples', String(before + Number(fourth)))}-${fifth === 'translations' ? 'translationVi' : (fifth ?? 'text')}`;
    }
    return `senses-${sense}-${SENSE_FIELDS[third ?? 'glosses'] ?? 'glossVi'}`;
  }
  if (part === 'language') return 'entry-language';
  return `entry-${part}`;
}

/**
 * What the schema cannot see because the form is flat: an example that names a sense
 * not typed (it would be dropped), and "other language" chosen with no tag.
 */
export function entryFormErrors(
  entry: { language: string; languageOther: string },
  rows: Pick<EntryRows, 'senses' | 'examples'>,
  isBlank: (group: 'senses' | 'examples', row: object) => boolean,
): FormErrors {
  const errors: Record<string, FormMessage> = {};
  const senses = rows.senses.filter((row) => !isBlank('senses', row)).length;
  rows.examples.forEach((row, i) => {
    if (!isBlank('examples', row) && senseOf(row, senses) === null) errors[`examples-${i}-sense`] = { id: 'entryEditor.error.sense', values: { max: senses } };
  });
  if (entry.language === 'other' && entry.languageOther === '') errors['entry-languageOther'] = { id: 'editor.error.required' };
  return errors;
}
