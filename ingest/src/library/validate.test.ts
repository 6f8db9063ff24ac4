import type { LibraryDescription } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { identifierIssue, identifierProblem } from './identifiers.ts';
import { isRealDay, libraryProblems, libraryReferences } from './validate.ts';

const LEGAL = { documentNumber: '45/2024/QĐ-UBND', documentType: 'quyet-dinh', issuingBody: 'Ủy ban nhân dân tỉnh Sóc Trăng' } as const;

describe('identifierProblem', () => {
  it.each([
    ['isbn', '978-604-0-12345-9', null],
    ['isbn', '9786040123459', null],
    ['isbn', '0-306-40615-2', null],
    ['isbn', '978-604-0-12345-0', 'wrong check digit'],
    ['isbn', '12345', 'has 10 or 13 digits'],
    ['isbn', 'not an isbn', 'has 10 or 13 digits'],
    ['issn', '1859-0543', null],
    ['issn', '0317-8471', null],
    ['issn', '0317-8472', 'does not check'],
    ['doi', '10.1000/xyz123', null],
    ['doi', 'https://doi.org/10.1000/xyz123', 'DOI'],
    ['handle', '20.500.12345/678', null],
    ['handle', 'no-slash', 'Handle'],
    ['call-number', '398.09597 T103', null],
  ] as const)('%s %s → %s', (scheme, value, expected) => {
    const problem = identifierProblem(scheme, value);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

describe('identifierIssue', () => {
  it.each([
    ['isbn', '978-604-0-12345-9', null],
    ['isbn', '978-604-0-12345-0', 'identifier-checksum'],
    ['isbn', 'not an isbn', 'identifier-shape'],
    ['issn', '0317-8472', 'identifier-checksum'],
    ['issn', '031-8471', 'identifier-shape'],
    ['handle', 'no-slash', 'identifier-shape'],
    ['oclc', 'anything', null],
  ] as const)('%s %s → %s', (scheme, value, code) => {
    const issue = identifierIssue(scheme, value);
    expect(issue?.code ?? null).toBe(code);
    expect(issue?.message ?? null).toBe(identifierProblem(scheme, value));
  });
});

describe('libraryProblems', () => {
  const record = (kind: string, library?: LibraryDescription) => ({ id: 'rec', kind: kind as never, ...(library ? { library } : {}) });

  it.each([
    ['a book with a right ISBN', record('book', { identifiers: [{ scheme: 'isbn', value: '978-604-0-12345-9' }] }), []],
    ['a festival without a library block', record('festival'), []],
    ['a legal document without a library block', record('legal-document'), ['/library']],
    ['a legal document without its legal fields', record('legal-document', { publisher: 'x' }), ['/library/legal']],
    ['a library block on a recording, a library CD with its call number', record('recording', { identifiers: [{ scheme: 'call-number', value: 'CD 1259' }] }), []],
    ['a wrong ISBN check digit', record('book', { identifiers: [{ scheme: 'issn', value: '1859-0543' }, { scheme: 'isbn', value: '978-604-0-12345-0' }] }), ['/library/identifiers/1/value']],
    ['a day that does not exist', record('legal-document', { legal: { ...LEGAL, dateIssued: '2024-02-30' } }), ['/library/legal/dateIssued']],
    ['in force before issued', record('legal-document', { legal: { ...LEGAL, dateIssued: '2024-03-01', dateInForce: '2024-02-01' } }), ['/library/legal/dateInForce']],
    ['a relation naming nothing', record('legal-document', { legal: { ...LEGAL, relations: [{ type: 'implements' }] } }), ['/library/legal/relations/0']],
    ['a relation to itself', record('legal-document', { legal: { ...LEGAL, relations: [{ type: 'amends', itemId: 'rec' }] } }), ['/library/legal/relations/0/itemId']],
    ['an issue of itself', record('periodical-issue', { issue: { periodicalId: 'rec' } }), ['/library/issue/periodicalId']],
  ] as const)('%s', (_name, input, paths) => {
    expect(libraryProblems(input).map((problem) => problem.path)).toEqual(paths);
  });

  it.each([
    ['a legal document without a library block', record('legal-document'), 'legal-missing'],
    ['a wrong ISBN check digit', record('book', { identifiers: [{ scheme: 'isbn', value: '978-604-0-12345-0' }] }), 'identifier-checksum'],
    ['an ISBN of the wrong length', record('book', { identifiers: [{ scheme: 'isbn', value: '12345' }] }), 'identifier-shape'],
    ['a wrong ISSN check digit', record('periodical', { identifiers: [{ scheme: 'issn', value: '0317-8472' }] }), 'identifier-checksum'],
    ['a DOI given as a link', record('report', { identifiers: [{ scheme: 'doi', value: 'https://doi.org/10.1000/x' }] }), 'identifier-shape'],
    ['a day that does not exist', record('legal-document', { legal: { ...LEGAL, dateInForce: '2023-02-29' } }), 'date-not-real'],
    ['in force before issued', record('legal-document', { legal: { ...LEGAL, dateIssued: '2024-03-01', dateInForce: '2024-02-01' } }), 'in-force-before-issued'],
    ['a relation naming nothing', record('legal-document', { legal: { ...LEGAL, relations: [{ type: 'guides' }] } }), 'relation-target-missing'],
    ['a relation to itself', record('legal-document', { legal: { ...LEGAL, relations: [{ type: 'amends', itemId: 'rec' }] } }), 'relation-self'],
    ['an issue of itself', record('periodical-issue', { issue: { periodicalId: 'rec' } }), 'issue-self'],
  ] as const)('gives %s its stable code', (_name, input, code) => {
    expect(libraryProblems(input).map((problem) => problem.code)).toEqual([code]);
  });

  it('says what a legal document lacks in words', () => {
    expect(libraryProblems(record('legal-document'))[0]?.message).toMatch(/document number, type and issuing body/);
  });
});

describe('helpers', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
  ])('isRealDay(%s) is %s', (day, real) => {
    expect(isRealDay(day)).toBe(real);
  });

  it('lists the records a description points to, with where', () => {
    const library: LibraryDescription = {
      legal: { ...LEGAL, relations: [{ type: 'implements', itemId: 'plan' }, { type: 'amends', documentNumber: '1/2020/QĐ-UBND' }] },
      issue: { periodicalId: 'journal' },
    };
    expect(libraryReferences(library)).toEqual([
      { path: '/library/legal/relations/0/itemId', id: 'plan' },
      { path: '/library/issue/periodicalId', id: 'journal' },
    ]);
  });
});
