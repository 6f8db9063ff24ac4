import { FILTER_FACETS, ITEM_KINDS, type Item, type SearchFilters } from '@disan/schemas';
import { analyze, identifierKey, identifierKeysOf, isIdentifierKey } from '../../analyzer/index.ts';
import { yearOf } from '../../indexing/search-document.ts';
import { toDublinCore, type DcElement } from '../dublin-core.ts';
import type { CqlClause } from './cql.ts';
import { DIAGNOSTIC, SruDiagnostic } from './diagnostics.ts';

/**
 * What one CQL clause asks of the archive: words for the search engine (the same search
 * the site has), facet filters, and, when the engine cannot say it exactly (a word in
 * one field, a phrase, a year range), a check of each candidate record. The candidates
 * are the engine's answer to the words and filters, so a check only ever narrows.
 */
export interface Leaf {
  /** Words for the engine; '' lists every record the filters let through. */
  q: string;
  filters: SearchFilters;
  /** The exact test, on the record itself. */
  checks: ((record: Item) => boolean)[];
  /** Record ids (rec.identifier): the candidates are these, not the engine's. */
  ids?: string[];
}

export const CONTEXT_SETS = {
  cql: 'info:srw/cql-context-set/1/cql-v1.2',
  dc: 'info:srw/cql-context-set/1/dc-v1.1',
  rec: 'info:srw/cql-context-set/2/rec-1.1',
  disan: 'info:srw/cql-context-set/disan/facets-1.0',
} as const;
export type ContextSet = keyof typeof CONTEXT_SETS;

/** Every index the archive answers, by context set: explain lists these. */
export const INDEXES: Record<ContextSet, readonly string[]> = {
  cql: ['serverChoice', 'anywhere', 'keywords', 'allRecords'],
  dc: ['title', 'creator', 'contributor', 'subject', 'description', 'publisher', 'date', 'type', 'identifier', 'language'],
  rec: ['identifier'],
  disan: FILTER_FACETS.filter((facet) => facet !== 'status' && facet !== 'access'),
};

const WORD_RELATIONS = new Set(['=', 'all', 'any', 'adj']);
const EXACT_RELATIONS = new Set(['==', 'exact']);
const YEAR_RELATIONS = new Set(['=', '==', '<>', '<', '>', '<=', '>=']);

const keys = (text: string) => analyze(text).map((token) => token.key);
const unsupportedRelation = (clause: CqlClause) =>
  new SruDiagnostic(DIAGNOSTIC.unsupportedRelation, clause.relation.base, `The relation "${clause.relation.base}" is not supported with the index ${clause.index}; explain lists each index's relations`);

/** Whether `needle` (word keys) sits in `hay` as consecutive words. */
function adjacent(hay: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The test of a word relation on the values of one Dublin Core element, tones and case
 * folded as the search folds them (so "le hoi" finds "lễ hội"): `=` and `all` every word
 * in one value, `adj` the words in a row, `==` and `exact` the whole value.
 */
function dcTextCheck(elements: readonly DcElement[], relation: string, term: string): (record: Item) => boolean {
  const wanted = keys(term);
  return (record) =>
    toDublinCore(record)
      .filter((value) => elements.includes(value.element))
      .some((value) => {
        const have = keys(value.value);
        if (relation === 'adj') return adjacent(have, wanted);
        if (EXACT_RELATIONS.has(relation)) return have.join(' ') === wanted.join(' ');
        return wanted.every((key) => have.includes(key));
      });
}

function yearCheck(clause: CqlClause): (record: Item) => boolean {
  if (!/^-?\d{1,4}$/u.test(clause.term)) {
    throw new SruDiagnostic(DIAGNOSTIC.termInvalidFormat, clause.term, `dc.date compares years: "${clause.term}" is not a year like 2024`);
  }
  const wanted = Number(clause.term);
  const compare: Record<string, (year: number) => boolean> = {
    '=': (y) => y === wanted, '==': (y) => y === wanted, '<>': (y) => y !== wanted,
    '<': (y) => y < wanted, '>': (y) => y > wanted, '<=': (y) => y <= wanted, '>=': (y) => y >= wanted,
  };
  const test = compare[clause.relation.base]!;
  return (record) => toDublinCore(record).some((value) => {
    const year = value.element === 'date' ? yearOf(value.value) : null;
    return year !== null && test(year);
  });
}

/** A record's numbers as the search indexes them (document number, ISBN, DOI…), and its Dublin Core identifiers (DOI as a URL). */
function identifiersOf(record: Item): string[] {
  const library = record.library;
  return [
    ...(library?.legal ? [library.legal.documentNumber] : []),
    ...(library?.identifiers ?? []).map((identifier) => identifier.value),
    ...toDublinCore(record).filter((v) => v.element === 'identifier').map((v) => v.value),
  ];
}

/** The words of a term, for `any` (one clause per word) and for limits. */
export const termWords = (term: string) => term.split(/\s+/u).filter(Boolean);

/**
 * The leaf for one clause whose index is known (`set`, `name` resolved by the caller).
 * `any` with several words is split by the caller into an `or` of one-word clauses.
 * @throws SruDiagnostic for a relation, modifier or term the index cannot answer exactly
 */
export function leafOf(set: ContextSet, name: string, clause: CqlClause): Leaf {
  const relation = clause.relation.base;
  const term = clause.term;
  if (clause.relation.modifiers.length > 0) {
    const modifier = clause.relation.modifiers[0]!;
    throw new SruDiagnostic(DIAGNOSTIC.unsupportedRelationModifier, modifier.name, `The relation modifier "/${modifier.name}" is not supported`);
  }
  if (set === 'cql' && name === 'allRecords') return { q: '', filters: {}, checks: [] };
  if (clause.masked) throw new SruDiagnostic(DIAGNOSTIC.maskingNotSupported, term, 'Masking characters (* and ?) are not supported: the search already matches words by their beginning and forgives typos');
  if (term.trim() === '') throw new SruDiagnostic(DIAGNOSTIC.emptyTerm, clause.index, `An empty term with ${clause.index} is not supported`);
  switch (set) {
    case 'cql': {
      // Full text, as the site's search box: the record's text and the text inside its files.
      if (!WORD_RELATIONS.has(relation)) throw unsupportedRelation(clause);
      if (relation === 'adj' && keys(term).length > 1) throw new SruDiagnostic(DIAGNOSTIC.unsupportedRelationAndIndex, 'adj', `A phrase (adj) cannot be searched in all the text (${clause.index}); use dc.title adj, dc.subject adj… or all`);
      return { q: term, filters: {}, checks: [] };
    }
    case 'rec':
      if (relation !== '=' && !EXACT_RELATIONS.has(relation)) throw unsupportedRelation(clause);
      return { q: '', filters: {}, checks: [], ids: [term] };
    case 'disan':
      if (relation !== '=' && !EXACT_RELATIONS.has(relation)) throw unsupportedRelation(clause);
      return { q: '', filters: { [name]: [term] }, checks: [] };
    case 'dc':
      return dcLeaf(name, clause);
  }
}

function dcLeaf(name: string, clause: CqlClause): Leaf {
  const relation = clause.relation.base;
  const term = clause.term;
  switch (name) {
    case 'date':
      if (!YEAR_RELATIONS.has(relation)) throw unsupportedRelation(clause);
      return { q: '', filters: {}, checks: [yearCheck(clause)] };
    case 'identifier': {
      if (relation !== '=' && !EXACT_RELATIONS.has(relation)) throw unsupportedRelation(clause);
      const key = identifierKey(term);
      // A document number or ISBN is found by the engine's identifier keys; the check keeps only records holding it.
      const check = (record: Item) => identifierKeysOf(identifiersOf(record)).includes(key);
      return { q: isIdentifierKey(key) ? term : '', filters: {}, checks: [check] };
    }
    case 'type': {
      if (relation !== '=' && !EXACT_RELATIONS.has(relation)) throw unsupportedRelation(clause);
      if ((ITEM_KINDS as readonly string[]).includes(term)) return { q: '', filters: { kind: [term] }, checks: [] };
      const wanted = term.toLowerCase();
      return { q: '', filters: {}, checks: [(record) => toDublinCore(record).some((v) => v.element === 'type' && v.value.toLowerCase() === wanted)] };
    }
    case 'language': {
      if (relation !== '=' && !EXACT_RELATIONS.has(relation)) throw unsupportedRelation(clause);
      const wanted = term.toLowerCase();
      return { q: '', filters: {}, checks: [(record) => toDublinCore(record).some((v) => v.element === 'language' && v.value.toLowerCase() === wanted)] };
    }
    case 'creator':
    case 'contributor':
    case 'subject':
    case 'description':
    case 'publisher':
    case 'title': {
      if (!WORD_RELATIONS.has(relation) && !EXACT_RELATIONS.has(relation)) throw unsupportedRelation(clause);
      // Only titles are indexed exactly as Dublin Core gives them, so only they narrow the engine's candidates.
      return { q: name === 'title' ? term : '', filters: {}, checks: [dcTextCheck([name], relation, term)] };
    }
    default:
      throw new SruDiagnostic(DIAGNOSTIC.unsupportedIndex, `dc.${name}`, `The index dc.${name} is not supported; explain lists the indexes`);
  }
}
