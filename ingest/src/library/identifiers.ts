import ISBN from 'isbn3';
import issnVerify from '@natlibfi/issn-verify';
import type { IdentifierScheme } from '@disan/schemas';

/**
 * What is wrong with an identifier's value, in words a librarian understands, or null
 * when it is well formed. ISBNs are checked by isbn3 (check digit and the ISBN agency's
 * registration ranges), ISSNs by the National Library of Finland's issn-verify; DOIs and
 * Handles only by their shape (prefix/suffix), since resolving them needs the network.
 * @example identifierProblem('isbn', '978-604-0-12345-0') // 'ISBN 978-604-0-12345-0 has a wrong check digit …'
 */
export function identifierProblem(scheme: IdentifierScheme, value: string): string | null {
  switch (scheme) {
    case 'isbn':
      return isbnProblem(value);
    case 'issn':
      return issnVerify(value.trim().toUpperCase()) ? null : `ISSN ${value} is not valid: it is 8 characters (NNNN-NNNC), the last a check digit (0-9 or X), and this one does not check`;
    case 'doi':
      return /^10\.[0-9]{4,9}(\.[0-9]+)*\/\S+$/u.test(value.trim()) ? null : `DOI ${value} is not valid: a DOI is 10.<registrant>/<suffix>, e.g. 10.1000/xyz123 (without https://doi.org/)`;
    case 'handle':
      return /^[^\s/]+\/\S+$/u.test(value.trim()) ? null : `Handle ${value} is not valid: a Handle is <prefix>/<suffix>, e.g. 20.500.12345/678`;
    case 'call-number':
    case 'oclc':
    case 'lccn':
    case 'uri':
    case 'other':
      return null;
  }
}

const ISBN_SHAPE = /^(?:97[89][- ]?)?[0-9][- 0-9]{7,15}[0-9Xx]$/u;

function isbnProblem(value: string): string | null {
  if (ISBN.parse(value.trim()) !== null) return null;
  const digits = value.replace(/[- ]/gu, '');
  if (!ISBN_SHAPE.test(value.trim()) || (digits.length !== 10 && digits.length !== 13)) {
    return `ISBN ${value} is not valid: an ISBN has 10 or 13 digits (the last of an ISBN-10 may be X), with or without hyphens`;
  }
  // isbn3's audit says when the group and publisher are assigned but the check digit is off.
  const checksumClue = ISBN.audit(digits).clues.some((clue) => clue.message.includes('checksum'));
  return checksumClue
    ? `ISBN ${value} has a wrong check digit: its last digit does not match the others (mistyped?)`
    : `ISBN ${value} is not valid: its check digit is wrong or its group and publisher parts are not ones the ISBN agency has assigned`;
}
