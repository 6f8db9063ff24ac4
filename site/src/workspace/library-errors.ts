import { ELEMENT_LINK_PROBLEM_CODES, LIBRARY_PROBLEM_CODES, type ElementLinkProblemCode, type FieldProblem, type LibraryProblemCode } from '@disan/schemas';
import type { FormMessage } from '../forms/form.ts';
import type { MessageId } from '../i18n/vi.ts';
import type { LibraryRowGroup } from './record-form.ts';

/** Where the rows of each repeatable part of a description sit in the draft. */
const ROW_PATHS: Record<string, LibraryRowGroup> = {
  subtitle: 'subtitle',
  identifiers: 'identifiers',
  subjectHeadings: 'subjectHeadings',
  tableOfContents: 'toc',
  notes: 'libraryNotes',
  holdings: 'holdings',
};

/** The input a row's problem belongs to when its path names the row only. */
const FIRST_FIELD: Record<LibraryRowGroup, string> = {
  subtitle: 'value',
  identifiers: 'value',
  subjectHeadings: 'label',
  toc: 'title',
  libraryNotes: 'value',
  holdings: 'location',
  relations: 'itemId',
};

/**
 * The form field of a problem inside `/library` (segments after it): rows by the form's
 * index, a part's single fields by their own names; a whole legal part missing is shown
 * at its document number, the first thing it needs.
 * @example libraryProblemField(['identifiers', '0', 'value'], { identifiers: [2] }) // 'identifiers-2-value'
 * @example libraryProblemField(['legal', 'relations', '1'], { relations: [1] }) // 'relations-1-itemId'
 * @example libraryProblemField(['series', 'title'], {}) // 'library-seriesTitle'
 */
export function libraryProblemField(segments: readonly string[], rows: Partial<Record<string, number[]>>): string {
  const [part, second, third, fourth] = segments;
  const inRow = (group: LibraryRowGroup, index: string | undefined, field: string | undefined): string => {
    if (index === undefined) return `${group}-0-${FIRST_FIELD[group]}`;
    return `${group}-${rows[group]?.[Number(index)] ?? Number(index)}-${field ?? FIRST_FIELD[group]}`;
  };
  if (part === undefined) return 'library-documentNumber';
  const group = ROW_PATHS[part];
  if (group) return inRow(group, second, third);
  if (part === 'legal' && second === 'relations') return inRow('relations', third, fourth);
  if (part === 'series') return second === 'number' ? 'library-seriesNumber' : 'library-seriesTitle';
  if (part === 'origin') return 'library-origin';
  if (part === 'legal' || part === 'issue' || part === 'thesis') return `library-${second ?? (part === 'legal' ? 'documentNumber' : part === 'issue' ? 'periodicalId' : 'degree')}`;
  return `library-${part}`;
}

const isElementCode = (code: string): code is ElementLinkProblemCode => (ELEMENT_LINK_PROBLEM_CODES as readonly string[]).includes(code);
const isLibraryCode = (code: string): code is LibraryProblemCode => (LIBRARY_PROBLEM_CODES as readonly string[]).includes(code);

/** Each engine problem's message in the dictionaries (libraryEditor.problem.<code>). */
export const problemId = (code: LibraryProblemCode): MessageId => `libraryEditor.problem.${code}`;

/**
 * The API's problem in the editor's words: a known code has its translated sentence, any
 * other (a schema keyword, a code newer than this site) the API's English message.
 * @example fieldMessage({ path: '/library/identifiers/0/value', code: 'identifier-checksum', message: '…' }) // { id: 'libraryEditor.problem.identifier-checksum' }
 */
export function fieldMessage(problem: FieldProblem): FormMessage {
  if (isElementCode(problem.code)) return { id: `elementEditor.problem.${problem.code}` };
  return isLibraryCode(problem.code) ? { id: problemId(problem.code) } : { id: 'editor.error.api', values: { message: problem.message } };
}
