import ISBN from 'isbn3';
import issnVerify from '@natlibfi/issn-verify';
import type { IdentifierScheme, LibraryProblemCode } from '@disan/schemas';

/** What is wrong with an identifier: a stable code (for a client's own words) and the English sentence. */
export interface IdentifierIssue {
  code: Extract<LibraryProblemCode, `identifier-${string}`>;
  message: string;
}

/**
 * What is wrong with an identifier's value, in words a librarian understands, or null
 * when it is well formed. ISBNs are checked by isbn3 (check digit and the ISBN agency's
 * registration ranges), ISSNs by the National Library of Finland's issn-verify; DOIs and
 * Handles only by their shape (prefix/suffix), since resolving them needs the network.
 * @example identifierProblem('isbn', '978-604-0-12345-0') // 'ISBN 978-604-0-12345-0 has a wrong check digit …'
 */
export function identifierProblem(scheme: IdentifierScheme, value: string): string | null {
  return identifierIssue(scheme, value)?.message ?? null;
}

/**
 * identifierProblem with its code: `identifier-shape` (not the form of the scheme),
 * `identifier-checksum` (the check digit is wrong), `identifier-unassigned` (an ISBN
 * whose group or publisher the agency has not assigned, or whose check digit is off too).
 * @example identifierIssue('isbn', '978-604-0-12345-0')?.code // 'identifier-checksum'
 */
export function identifierIssue(scheme: IdentifierScheme, value: string): IdentifierIssue | null {
  switch (scheme) {
    case 'isbn':
      return isbnIssue(value);
    case 'issn':
      return issnIssue(value);
    case 'doi':
      return /^10\.[0-9]{4,9}(\.[0-9]+)*\/\S+$/u.test(value.trim())
        ? null
        : { code: 'identifier-shape', message: `DOI ${value} is not valid: a DOI is 10.<registrant>/<suffix>, e.g. 10.1000/xyz123 (without https://doi.org/)` };
    case 'handle':
      return /^[^\s/]+\/\S+$/u.test(value.trim()) ? null : { code: 'identifier-shape', message: `Handle ${value} is not valid: a Handle is <prefix>/<suffix>, e.g. 20.500.12345/678` };
    case 'call-number':
    case 'oclc':
    case 'lccn':
    case 'uri':
    case 'other':
      return null;
  }
}

const ISSN_SHAPE = /^[0-9]{4}-?[0-9]{3}[0-9X]$/u;

function issnIssue(value: string): IdentifierIssue | null {
  const issn = value.trim().toUpperCase();
  if (issnVerify(issn)) return null;
  return {
    code: ISSN_SHAPE.test(issn) ? 'identifier-checksum' : 'identifier-shape',
    message: `ISSN ${value} is not valid: it is 8 characters (NNNN-NNNC), the last a check digit (0-9 or X), and this one does not check`,
  };
}

const ISBN_SHAPE = /^(?:97[89][- ]?)?[0-9][- 0-9]{7,15}[0-9Xx]$/u;

function isbnIssue(value: string): IdentifierIssue | null {
  if (ISBN.parse(value.trim()) !== null) return null;
  const digits = value.replace(/[- ]/gu, '');
  if (!ISBN_SHAPE.test(value.trim()) || (digits.length !== 10 && digits.length !== 13)) {
    return { code: 'identifier-shape', message: `ISBN ${value} is not valid: an ISBN has 10 or 13 digits (the last of an ISBN-10 may be X), with or without hyphens` };
  }
  // isbn3's audit says when the group and publisher are assigned but the check digit is off.
  const checksumClue = ISBN.audit(digits).clues.some((clue) => clue.message.includes('checksum'));
  return checksumClue
    ? { code: 'identifier-checksum', message: `ISBN ${value} has a wrong check digit: its last digit does not match the others (mistyped?)` }
    : { code: 'identifier-unassigned', message: `ISBN ${value} is not valid: its check digit is wrong or its group and publisher parts are not ones the ISBN agency has assigned` };
}
