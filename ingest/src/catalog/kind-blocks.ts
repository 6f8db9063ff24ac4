import type { ItemInput } from '@disan/schemas';
import type { Problem } from './validate.ts';

/** The fields that decide which blocks a record must, and must not, carry. */
type KindedRecord = Pick<ItemInput, 'kind' | 'entry' | 'element' | 'elements'>;

/**
 * A dictionary entry is a `word` with its `entry` block, an inventory element an `element`
 * with its `element` block; no other kind carries either, and only records that document
 * heritage name the elements they document. The rest of the engine relies on this pairing
 * (dictionary search indexes words by their block, coverage counts elements by theirs).
 * @example kindBlockProblems({ kind: 'word' }) // [{ path: '/entry', code: 'entry-missing', … }]
 */
export function kindBlockProblems(record: KindedRecord): Problem[] {
  const problems: Problem[] = [];
  if (record.kind === 'word' && record.entry === undefined) {
    problems.push({ path: '/entry', code: 'entry-missing', message: 'a dictionary entry (kind "word") needs its entry block with a headword and a sense' });
  }
  if (record.kind !== 'word' && record.entry !== undefined) {
    problems.push({ path: '/entry', code: 'entry-not-word', message: `only a dictionary entry (kind "word") has an entry block, not a "${record.kind}"` });
  }
  if (record.kind === 'element' && record.element === undefined) {
    problems.push({ path: '/element', code: 'element-missing', message: 'an inventory element (kind "element") needs its element block with its category' });
  }
  if (record.kind !== 'element' && record.element !== undefined) {
    problems.push({ path: '/element', code: 'element-not-element', message: `only an inventory element (kind "element") has an element block, not a "${record.kind}"` });
  }
  if ((record.kind === 'element' || record.kind === 'word') && record.elements !== undefined && record.elements.length > 0) {
    problems.push({ path: '/elements', code: 'elements-not-documentary', message: `a "${record.kind}" does not document inventory elements; link the records that do` });
  }
  return problems;
}
