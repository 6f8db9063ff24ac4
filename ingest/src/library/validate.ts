import type { ItemKind, LibraryDescription, LibraryProblemCode } from '@disan/schemas';
import { identifierIssue } from './identifiers.ts';

/** A problem with a record, at a JSON Pointer (as the schema check reports them). */
export interface LibraryProblem {
  path: string;
  /** Stable, for a client to say it in its own words beside the field. */
  code: LibraryProblemCode;
  message: string;
}

interface LibraryRecord {
  id: string;
  kind: ItemKind;
  library?: LibraryDescription | undefined;
}

/**
 * What a librarian expects of a library record beyond the schema: a legal document says
 * what it is (number, type, issuing body); identifiers have right check digits; dates
 * are real days and a document is not in force before it is issued; a relation names the
 * document it points to, and not itself. Any kind may carry a library description: a
 * library's sound recordings, scores and maps come in through MARC with call numbers,
 * identifiers and holdings too. References to other records are checked
 * against the catalog by `missingReferences`.
 */
export function libraryProblems(record: LibraryRecord): LibraryProblem[] {
  const { kind, library } = record;
  if (library === undefined) {
    return kind === 'legal-document'
      ? [{ path: '/library', code: 'legal-missing', message: 'a legal document needs its library description with the document number, type and issuing body (library.legal)' }]
      : [];
  }
  const problems: LibraryProblem[] = [];
  if (kind === 'legal-document' && library.legal === undefined) {
    problems.push({ path: '/library/legal', code: 'legal-missing', message: 'a legal document needs its document number, type and issuing body' });
  }
  (library.identifiers ?? []).forEach((identifier, index) => {
    const issue = identifierIssue(identifier.scheme, identifier.value);
    if (issue) problems.push({ path: `/library/identifiers/${index}/value`, ...issue });
  });
  const legal = library.legal;
  if (legal) {
    for (const field of ['dateIssued', 'dateInForce'] as const) {
      const day = legal[field];
      if (day !== undefined && !isRealDay(day)) problems.push({ path: `/library/legal/${field}`, code: 'date-not-real', message: `${day} is not a day of the calendar` });
    }
    if (legal.dateIssued && legal.dateInForce && legal.dateInForce < legal.dateIssued) {
      problems.push({ path: '/library/legal/dateInForce', code: 'in-force-before-issued', message: `a document cannot come into force (${legal.dateInForce}) before it is issued (${legal.dateIssued})` });
    }
    (legal.relations ?? []).forEach((relation, index) => {
      const path = `/library/legal/relations/${index}`;
      if (relation.itemId === undefined && relation.documentNumber === undefined) {
        problems.push({ path, code: 'relation-target-missing', message: 'a relation names the other document: a record of the archive (itemId) or its document number' });
      }
      if (relation.itemId === record.id) problems.push({ path: `${path}/itemId`, code: 'relation-self', message: 'a document cannot relate to itself' });
    });
  }
  if (library.issue?.periodicalId === record.id) problems.push({ path: '/library/issue/periodicalId', code: 'issue-self', message: 'an issue cannot be its own periodical' });
  return problems;
}

/** @example isRealDay('2024-02-30') === false */
export function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The other records a library description points to (relations, an issue's periodical), with where. */
export function libraryReferences(library: LibraryDescription | undefined): { path: string; id: string }[] {
  if (!library) return [];
  const references = (library.legal?.relations ?? []).flatMap((relation, index) =>
    relation.itemId === undefined ? [] : [{ path: `/library/legal/relations/${index}/itemId`, id: relation.itemId }]);
  if (library.issue?.periodicalId) references.push({ path: '/library/issue/periodicalId', id: library.issue.periodicalId });
  return references;
}
