import { describe, expect, it } from 'vitest';
import type { FormErrors } from '../forms/form.ts';
import { libraryParts, type LibraryPart } from './library-parts.ts';
import { applyIntent, blankForm, type EditorForm } from './record-form.ts';

const openParts = (form: EditorForm, errors: FormErrors = {}): LibraryPart[] =>
  Object.entries(libraryParts(form, errors))
    .filter(([, part]) => part.open)
    .map(([name]) => name as LibraryPart);

describe('the library section\'s parts', () => {
  const blank = blankForm('vi');

  it.each([
    ['festival', []],
    ['legal-document', ['publication', 'legal']],
    ['periodical-issue', ['publication', 'issue']],
    ['thesis', ['publication', 'thesis', 'subjects']],
    ['book', ['publication', 'subjects', 'holdings']],
  ] as const)('a %s opens %j', (kind, parts) => {
    expect(openParts({ ...blank, kind })).toEqual(parts);
  });

  it('opens a part that is filled in, whatever the kind: a library CD with its holdings', () => {
    expect(openParts(applyIntent({ ...blank, kind: 'recording' }, { kind: 'add', group: 'holdings' }))).toEqual(['holdings']);
    expect(openParts({ ...blank, library: { ...blank.library, signer: 'Lâm Văn Mẫn' } })).toEqual(['legal']);
  });

  it('opens a part with a mistake in it, so the error is never folded away', () => {
    expect(openParts(blank, { 'library-dateInForce': { id: 'libraryEditor.problem.in-force-before-issued' } })).toEqual(['legal']);
    expect(openParts(blank, { 'toc-3-page': { id: 'libraryEditor.error.page' } })).toEqual(['subjects']);
    expect(openParts(blank, { 'title-0-value': { id: 'editor.error.required' } })).toEqual([]);
  });

  it('names the kinds a part is for, for the island to open it when one is chosen', () => {
    expect(libraryParts(blank, {}).legal.kinds).toBe('legal-document');
  });
});
