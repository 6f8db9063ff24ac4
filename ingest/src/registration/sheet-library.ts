import type { ItemInput, SheetRow } from '@disan/schemas';

/** The sheet columns a library description is written in (schemas/src/sheet.ts documents them). */
export const LIBRARY_COLUMNS = [
  'author',
  'publisher',
  'publication_place',
  'edition',
  'extent',
  'isbn',
  'issn',
  'doi',
  'call_number',
  'subject_headings',
  'table_of_contents',
  'document_number',
  'document_type',
  'issuing_body',
  'signer',
  'date_issued',
  'date_in_force',
  'legal_status',
] as const;

const IDENTIFIER_COLUMNS = { isbn: 'isbn', issn: 'issn', doi: 'doi', call_number: 'call-number' } as const;
const LEGAL_COLUMNS = {
  document_number: 'documentNumber',
  document_type: 'documentType',
  issuing_body: 'issuingBody',
  signer: 'signer',
  date_issued: 'dateIssued',
  date_in_force: 'dateInForce',
  legal_status: 'legalStatus',
} as const;
const SIMPLE_COLUMNS = { publisher: 'publisher', publication_place: 'publicationPlace', edition: 'edition', extent: 'extent' } as const;

const list = (text: string | undefined) => (text ?? '').split(';').map((part) => part.trim()).filter(Boolean);

/**
 * The library description a row's cells say, not yet validated (the schema and the
 * library checks report what is wrong, by column: see columnOf), or undefined when the
 * row has no library cell. Legal fields make a `legal` block; a partial one (a number
 * without its issuing body) is reported by the schema, naming the missing column.
 */
export function libraryOf(row: SheetRow): Record<string, unknown> | undefined {
  const library: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(SIMPLE_COLUMNS)) if (row[column]) library[field] = row[column].trim();
  const identifiers = Object.entries(IDENTIFIER_COLUMNS).flatMap(([column, scheme]) => list(row[column]).map((value) => ({ scheme, value })));
  if (identifiers.length > 0) library.identifiers = identifiers;
  const headings = list(row.subject_headings).map((label) => ({ label, source: 'local' }));
  if (headings.length > 0) library.subjectHeadings = headings;
  const contents = (row.table_of_contents ?? '').split('|').map((entry) => entry.trim()).filter(Boolean).map(tocEntryOf);
  if (contents.length > 0) library.tableOfContents = contents;
  const legal: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(LEGAL_COLUMNS)) if (row[column]) legal[field] = row[column].trim();
  if (Object.keys(legal).length > 0) library.legal = legal;
  return Object.keys(library).length > 0 ? library : undefined;
}

/** @example tocEntryOf('7. Trang phục @7') // { title: '7. Trang phục', page: 7 } */
function tocEntryOf(entry: string): { title: string; page?: number } {
  const match = /^(.*?)\s*@\s*([0-9]+)$/u.exec(entry);
  return match ? { title: match[1]!, page: Number(match[2]) } : { title: entry };
}

/** Authors from the `author` column, as agents with the author role. */
export function authorsOf(row: SheetRow): { name: string; role: 'author' }[] {
  return list(row.author).map((name) => ({ name, role: 'author' }));
}

/** A record's library description as sheet cells (an export), the inverse of libraryOf. */
export function libraryCells(item: ItemInput): SheetRow {
  const library = item.library ?? {};
  const cells: SheetRow = { author: (item.agents ?? []).filter((agent) => agent.role === 'author').map((agent) => agent.name).join('; ') };
  for (const [column, field] of Object.entries(SIMPLE_COLUMNS)) cells[column] = library[field] ?? '';
  for (const [column, scheme] of Object.entries(IDENTIFIER_COLUMNS)) {
    cells[column] = (library.identifiers ?? []).filter((identifier) => identifier.scheme === scheme).map((identifier) => identifier.value).join('; ');
  }
  cells.subject_headings = (library.subjectHeadings ?? []).map((heading) => heading.label).join('; ');
  cells.table_of_contents = (library.tableOfContents ?? []).map((entry) => (entry.page === undefined ? entry.title : `${entry.title} @${entry.page}`)).join(' | ');
  for (const [column, field] of Object.entries(LEGAL_COLUMNS)) cells[column] = library.legal?.[field] ?? '';
  return cells;
}

/** The sheet column of a library field's schema path (/library/legal/issuingBody → issuing_body). */
export function libraryColumnOf(path: string): string {
  const [, , part = '', detail = ''] = path.split('/');
  if (part === 'legal') return Object.entries(LEGAL_COLUMNS).find(([, field]) => field === detail)?.[0] ?? 'document_number/document_type/issuing_body';
  if (part === 'identifiers') return 'isbn/issn/doi/call_number';
  if (part === 'subjectHeadings') return 'subject_headings';
  if (part === 'tableOfContents') return 'table_of_contents';
  return Object.entries(SIMPLE_COLUMNS).find(([, field]) => field === part)?.[0] ?? 'library';
}
