import { LIBRARY_KINDS } from '@disan/schemas';
import type { FormErrors } from '../forms/form.ts';
import { libraryName, type LibraryFields, type LibraryRows } from './library-form.ts';
import { fieldKey, type EditorForm } from './record-form.ts';

type SingleField = keyof Omit<LibraryFields, 'origin'>;

/** The library section's parts: the kinds each matters for, and its fields. */
const PARTS = {
  publication: { kinds: LIBRARY_KINDS, fields: ['publisher', 'publicationPlace', 'edition', 'seriesTitle', 'seriesNumber', 'extent'], groups: ['subtitle', 'identifiers'] },
  legal: { kinds: ['legal-document'], fields: ['documentNumber', 'documentType', 'issuingBody', 'signer', 'dateIssued', 'dateInForce', 'legalStatus'], groups: ['relations'] },
  issue: { kinds: ['periodical-issue'], fields: ['periodicalId', 'periodicalTitle', 'volume', 'number'], groups: [] },
  thesis: { kinds: ['thesis'], fields: ['degree', 'institution'], groups: [] },
  subjects: { kinds: ['book', 'report', 'thesis'], fields: [], groups: ['subjectHeadings', 'toc'] },
  holdings: { kinds: ['book', 'periodical'], fields: [], groups: ['libraryNotes', 'holdings'] },
} as const satisfies Record<string, { kinds: readonly string[]; fields: readonly SingleField[]; groups: readonly (keyof LibraryRows)[] }>;
export type LibraryPart = keyof typeof PARTS;

/**
 * Which parts of the library section are open, and the kinds each is for (the island opens
 * a part when one of them is chosen): a part is open for its kinds, when anything in it
 * is filled in, or when one of its fields has an error, so nothing typed or wrong is folded away.
 * @example libraryParts({ ...blankForm('vi'), kind: 'legal-document' }, {}).legal.open // true
 */
export function libraryParts(form: EditorForm, errors: FormErrors): Record<LibraryPart, { open: boolean; kinds: string }> {
  const keys = Object.keys(errors);
  const entries = Object.entries(PARTS).map(([part, { kinds, fields, groups }]) => {
    const singles: readonly SingleField[] = fields;
    const rows: readonly (keyof LibraryRows)[] = groups;
    const filled = singles.some((f) => form.library[f] !== '') || rows.some((g) => form[g].length > 0);
    const wrong = keys.some((key) => singles.some((f) => key === fieldKey(libraryName(f))) || rows.some((g) => key.startsWith(`${g}-`)));
    const forKind = (kinds as readonly string[]).includes(form.kind);
    return [part, { open: forKind || filled || wrong, kinds: kinds.join(' ') }] as const;
  });
  return Object.fromEntries(entries) as Record<LibraryPart, { open: boolean; kinds: string }>;
}
