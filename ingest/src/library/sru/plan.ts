import type { Sort } from '@disan/schemas';
import { analyze } from '../../analyzer/index.ts';
import { MAX_QUERY_WORDS } from '../../search/query.ts';
import type { CqlClause, CqlNode, CqlQuery, CqlSortKey } from './cql.ts';
import { DIAGNOSTIC, SruDiagnostic } from './diagnostics.ts';
import { CONTEXT_SETS, INDEXES, leafOf, termWords, type ContextSet, type Leaf } from './indexes.ts';

/** A CQL query as the archive runs it: leaves the engine answers, combined as sets. */
export type Plan = { type: 'leaf'; leaf: Leaf } | { type: 'and' | 'or' | 'not'; left: Plan; right: Plan };

export interface SruSearch {
  plan: Plan;
  sort: Sort;
}

/** The engine's own limit on `q` (SearchQuery): a longer one would be cut, so it is refused. */
const MAX_TERM_LENGTH = 500;
/** `srw` is CQL 1.1's name for the cql context set, still sent by older clients. */
const DEFAULT_PREFIXES: Record<string, string> = { ...CONTEXT_SETS, srw: CONTEXT_SETS.cql };

/**
 * Turns parsed CQL into a plan, or the diagnostic that says what the archive cannot answer.
 * @example planSearch(parseCql('dc.title = "lễ hội" and disan.kind = book')).plan.type // 'leaf' (merged)
 */
export function planSearch(query: CqlQuery): SruSearch {
  const prefixes = new Map(Object.entries(DEFAULT_PREFIXES));
  for (const assignment of query.prefixes) if (assignment.prefix !== undefined) prefixes.set(assignment.prefix.toLowerCase(), assignment.uri);
  return { plan: planOf(query.root, prefixes), sort: sortOf(query.sortKeys, prefixes) };
}

function planOf(node: CqlNode, prefixes: ReadonlyMap<string, string>): Plan {
  if (node.type === 'clause') return clausePlan(node, prefixes);
  if (node.operator === 'prox') throw new SruDiagnostic(DIAGNOSTIC.proximityNotSupported, 'prox', 'Proximity (prox) is not supported; use adj on a field for words in a row');
  if (node.modifiers.length > 0) throw new SruDiagnostic(DIAGNOSTIC.unsupportedBooleanModifier, node.modifiers[0]!.name, `The boolean modifier "/${node.modifiers[0]!.name}" is not supported`);
  const left = planOf(node.left, prefixes);
  const right = planOf(node.right, prefixes);
  if (node.operator === 'and' && left.type === 'leaf' && right.type === 'leaf') {
    const merged = mergeLeaves(left.leaf, right.leaf);
    if (merged) return { type: 'leaf', leaf: merged };
  }
  return { type: node.operator, left, right };
}

function clausePlan(clause: CqlClause, prefixes: ReadonlyMap<string, string>): Plan {
  const { set, name } = resolveIndex(clause.index, prefixes);
  if (clause.term.length > MAX_TERM_LENGTH) throw new SruDiagnostic(DIAGNOSTIC.tooManyCharactersInTerm, clause.index, `A term may have up to ${MAX_TERM_LENGTH} characters`);
  const words = termWords(clause.term);
  // any: one clause per word, or'ed (CQL's definition), so each word is answered exactly.
  if (clause.relation.base === 'any' && words.length > 1) {
    const plans = words.map((word): Plan => clausePlan({ ...clause, relation: { ...clause.relation, base: '=' }, term: word }, prefixes));
    return plans.reduce((left, right) => ({ type: 'or', left, right }));
  }
  const relation = clause.relation.base === 'any' || (clause.relation.base === 'all' && set === 'cql') ? '=' : clause.relation.base;
  const leaf = leafOf(set, name, { ...clause, relation: { ...clause.relation, base: relation } });
  // The engine reads ten words; past them its answer would be wider than asked, and nothing would narrow it.
  if (leaf.checks.length === 0 && analyze(leaf.q).length > MAX_QUERY_WORDS) {
    throw new SruDiagnostic(DIAGNOSTIC.queryFeatureUnsupported, clause.index, `A full-text term may have up to ${MAX_QUERY_WORDS} words; split it with and`);
  }
  return { type: 'leaf', leaf };
}

/** One leaf for `a and b` when the engine can answer both at once (same words limit, no facet asked twice). */
function mergeLeaves(a: Leaf, b: Leaf): Leaf | null {
  if (a.ids || b.ids) return null;
  if (Object.keys(a.filters).some((facet) => facet in b.filters)) return null;
  const q = [a.q, b.q].filter(Boolean).join(' ');
  if (analyze(q).length > MAX_QUERY_WORDS) return null;
  return { q, filters: { ...a.filters, ...b.filters }, checks: [...a.checks, ...b.checks] };
}

function resolveIndex(index: string, prefixes: ReadonlyMap<string, string>): { set: ContextSet; name: string } {
  const dot = index.lastIndexOf('.');
  const bare = dot < 0;
  const name = bare ? index : index.slice(dot + 1);
  // An index without a prefix is the cql set's (serverChoice…) or else Dublin Core, the default set explain names.
  const prefix = bare ? (INDEXES.cql.some((n) => n.toLowerCase() === name.toLowerCase()) ? 'cql' : 'dc') : index.slice(0, dot).toLowerCase();
  const uri = prefixes.get(prefix);
  const set = (Object.keys(CONTEXT_SETS) as ContextSet[]).find((key) => CONTEXT_SETS[key] === uri);
  if (!set) throw new SruDiagnostic(DIAGNOSTIC.unsupportedContextSet, uri ?? prefix, `The context set "${uri ?? prefix}" is not supported; explain lists cql, dc, rec and disan`);
  const known = INDEXES[set].find((n) => n.toLowerCase() === name.toLowerCase());
  if (!known) throw new SruDiagnostic(DIAGNOSTIC.unsupportedIndex, index, `The index "${index}" is not supported; explain lists the indexes`);
  return { set, name: known };
}

/** sortBy: one key, dc.date (either way), dc.title (ascending) or relevance (cql.serverChoice). */
function sortOf(keys: readonly CqlSortKey[], prefixes: ReadonlyMap<string, string>): Sort {
  if (keys.length === 0) return 'relevance';
  if (keys.length > 1) throw new SruDiagnostic(DIAGNOSTIC.sortNotSupported, 'sortBy', 'Only one sort key is supported');
  const key = keys[0]!;
  const { set, name } = resolveIndex(key.index, prefixes);
  const descending = key.modifiers.some((m) => m.name.toLowerCase() === 'sort.descending');
  const other = key.modifiers.find((m) => !['sort.descending', 'sort.ascending'].includes(m.name.toLowerCase()));
  if (other) throw new SruDiagnostic(DIAGNOSTIC.sortNotSupported, other.name, `The sort modifier "/${other.name}" is not supported`);
  if (set === 'dc' && name === 'date') return descending ? 'date:desc' : 'date:asc';
  if (set === 'dc' && name === 'title' && !descending) return 'title';
  if (set === 'dc' && name === 'title') throw new SruDiagnostic(DIAGNOSTIC.unsupportedSortDirection, 'sort.descending', 'Titles sort in ascending order only');
  if (set === 'cql' && (name === 'serverChoice' || name === 'anywhere') && !descending) return 'relevance';
  throw new SruDiagnostic(DIAGNOSTIC.unsupportedSortPath, key.index, `Sorting by ${key.index} is not supported: by dc.date, dc.title or relevance (cql.serverChoice)`);
}
