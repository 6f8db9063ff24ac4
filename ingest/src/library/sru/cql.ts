import { DIAGNOSTIC, SruDiagnostic } from './diagnostics.ts';

/**
 * A CQL 1.2 parser (the Contextual Query Language SRU clients send), recursive descent over
 * the grammar of loc.gov/standards/sru/cql/spec.html. No maintained CQL parser is on npm
 * (`cql-parser` and indexdata's `cql-js` are not published there; the `*cql*` packages are
 * Cassandra, Clinical Quality Language or OGC filter parsers), so this one is small and
 * tested. Errors are SRU diagnostics (10 syntax, 13 parentheses, 14 quotes, 27 empty term).
 */

export interface CqlModifier {
  name: string;
  comparator?: string;
  value?: string;
}

export interface CqlRelation {
  /** `=`, `==`, `<>`, `<`, `>`, `<=`, `>=`, or a named one in lower case (`all`, `any`, `adj`, `exact`, `within`…). */
  base: string;
  modifiers: CqlModifier[];
}

export interface CqlClause {
  type: 'clause';
  /** As written (`dc.title`, `title`); `cql.serverChoice` for a bare term. */
  index: string;
  relation: CqlRelation;
  /** The term, quotes removed and `\"` `\\` unescaped. */
  term: string;
  /** Whether the term holds an unescaped `*` or `?` (masking). */
  masked: boolean;
}

export interface CqlBoolean {
  type: 'boolean';
  operator: 'and' | 'or' | 'not' | 'prox';
  modifiers: CqlModifier[];
  left: CqlNode;
  right: CqlNode;
}

export type CqlNode = CqlClause | CqlBoolean;

export interface CqlSortKey {
  index: string;
  modifiers: CqlModifier[];
}

export interface CqlQuery {
  root: CqlNode;
  /** Prefix assignments (`> dc = "info:srw/cql-context-set/1/dc-v1.1"`), outermost first. */
  prefixes: { prefix?: string; uri: string }[];
  sortKeys: CqlSortKey[];
}

type Token = { kind: 'symbol'; text: string; at: number } | { kind: 'word'; text: string; quoted: boolean; masked: boolean; at: number };

const SYMBOLS = ['==', '<>', '<=', '>=', '=', '<', '>', '(', ')', '/'] as const;
const COMPARATOR_SYMBOLS = new Set(['=', '==', '<>', '<', '>', '<=', '>=']);
const BOOLEANS = new Set(['and', 'or', 'not', 'prox']);
/** Queries longer than this are refused: a search box sends far less. */
export const MAX_CQL_LENGTH = 2000;

const syntaxError = (message: string) => new SruDiagnostic(DIAGNOSTIC.querySyntaxError, message, `Query syntax error: ${message}`);

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i]!;
    if (/\s/u.test(char)) {
      i++;
      continue;
    }
    const symbol = SYMBOLS.find((s) => query.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol, at: i });
      i += symbol.length;
    } else if (char === '"') {
      const start = i;
      let text = '';
      let masked = false;
      for (i++; ; i++) {
        if (i >= query.length) throw new SruDiagnostic(DIAGNOSTIC.quotes, query.slice(start), `The quoted string at position ${start + 1} is never closed`);
        const c = query[i]!;
        if (c === '"') break;
        if (c === '\\' && i + 1 < query.length) {
          const next = query[++i]!;
          // \" and \\ stand for the character; \* \? \^ stay escaped (literal, not masking).
          text += next === '"' || next === '\\' ? next : `\\${next}`;
          continue;
        }
        if (c === '*' || c === '?') masked = true;
        text += c;
      }
      i++;
      tokens.push({ kind: 'word', text: unescapeLiterals(text), quoted: true, masked, at: start });
    } else {
      const start = i;
      while (i < query.length && !/[\s()=<>"/]/u.test(query[i]!)) i++;
      const text = query.slice(start, i);
      tokens.push({ kind: 'word', text: unescapeLiterals(text), quoted: false, masked: /(?<!\\)[*?]/u.test(text), at: start });
    }
  }
  return tokens;
}

/** `\*` in a term is a literal star: once masking is known, only the character is kept. */
const unescapeLiterals = (text: string) => text.replace(/\\([*?^])/gu, '$1');

/**
 * Parses a CQL query.
 * @example parseCql('dc.title all "lễ hội" and dc.date > 2000').root.type // 'boolean'
 * @throws SruDiagnostic on a query that is not CQL
 */
export function parseCql(text: string): CqlQuery {
  if (text.length > MAX_CQL_LENGTH) throw new SruDiagnostic(DIAGNOSTIC.querySyntaxError, 'query', `The query is longer than ${MAX_CQL_LENGTH} characters`);
  const tokens = tokenize(text);
  let position = 0;
  const peek = (offset = 0): Token | undefined => tokens[position + offset];
  const isWord = (token: Token | undefined, text?: string): token is Extract<Token, { kind: 'word' }> =>
    token?.kind === 'word' && (text === undefined || (!token.quoted && token.text.toLowerCase() === text));
  const isSymbol = (token: Token | undefined, text: string) => token?.kind === 'symbol' && token.text === text;
  const describe = (token: Token | undefined) => (token ? `"${token.text}" at position ${token.at + 1}` : 'the end of the query');

  function word(what: string): Extract<Token, { kind: 'word' }> {
    const token = peek();
    if (!isWord(token)) throw syntaxError(`expected ${what}, found ${describe(token)}`);
    position++;
    return token;
  }

  function modifiers(): CqlModifier[] {
    const list: CqlModifier[] = [];
    while (isSymbol(peek(), '/')) {
      position++;
      const name = word('a modifier name').text;
      const next = peek();
      if (next?.kind === 'symbol' && COMPARATOR_SYMBOLS.has(next.text)) {
        position++;
        list.push({ name, comparator: next.text, value: word('a modifier value').text });
      } else list.push({ name });
    }
    return list;
  }

  // Prefixes assigned inside parentheses are scoped there in CQL; the archive knows every
  // context set by its URI anyway, so all assignments are gathered and checked alike.
  const prefixes: CqlQuery['prefixes'] = [];
  function query(depth: number): CqlNode {
    while (isSymbol(peek(), '>')) {
      position++;
      const first = word('a prefix or a context set URI').text;
      if (isSymbol(peek(), '=')) {
        position++;
        prefixes.push({ prefix: first, uri: word('a context set URI').text });
      } else prefixes.push({ uri: first });
    }
    return scopedClause(depth);
  }

  function scopedClause(depth: number): CqlNode {
    let left = searchClause(depth);
    for (;;) {
      const token = peek();
      if (!isWord(token) || token.quoted || !BOOLEANS.has(token.text.toLowerCase())) return left;
      position++;
      const operator = token.text.toLowerCase() as CqlBoolean['operator'];
      const booleanModifiers = modifiers();
      left = { type: 'boolean', operator, modifiers: booleanModifiers, left, right: searchClause(depth) };
    }
  }

  function searchClause(depth: number): CqlNode {
    const token = peek();
    if (isSymbol(token, '(')) {
      if (depth > 50) throw new SruDiagnostic(DIAGNOSTIC.parentheses, '(', 'Parentheses are nested more than 50 deep');
      position++;
      const inner = query(depth + 1);
      if (!isSymbol(peek(), ')')) throw new SruDiagnostic(DIAGNOSTIC.parentheses, ')', `Expected ")" to close the "(" at position ${token!.at + 1}, found ${describe(peek())}`);
      position++;
      return inner;
    }
    const first = word('a search term, an index or "("');
    const next = peek();
    const relationSymbol = next?.kind === 'symbol' && COMPARATOR_SYMBOLS.has(next.text) ? next.text : undefined;
    // A word after a term is a named relation (index any term), unless it is a boolean or sortBy.
    const namedRelation = isWord(next) && !next.quoted && !BOOLEANS.has(next.text.toLowerCase()) && next.text.toLowerCase() !== 'sortby';
    if (relationSymbol === undefined && !namedRelation) {
      if (isSymbol(next, '/')) throw syntaxError(`a relation modifier needs a relation, at position ${next!.at + 1}`);
      return clause('cql.serverChoice', { base: '=', modifiers: [] }, first);
    }
    if (first.quoted) throw syntaxError(`an index name cannot be quoted (${describe(first)})`);
    position++;
    const base = relationSymbol ?? (next as Extract<Token, { kind: 'word' }>).text.toLowerCase();
    const relation = { base, modifiers: modifiers() };
    return clause(first.text, relation, word(`a search term after the relation "${base}"`));
  }

  function clause(index: string, relation: CqlRelation, term: Extract<Token, { kind: 'word' }>): CqlClause {
    if (!term.quoted && (BOOLEANS.has(term.text.toLowerCase()) || term.text.toLowerCase() === 'sortby') && peek() !== undefined && !isSymbol(peek(), ')')) {
      throw syntaxError(`"${term.text}" is a reserved word; quote it to search for it`);
    }
    return { type: 'clause', index, relation, term: term.text, masked: term.masked };
  }

  const root = query(0);
  const sortKeys: CqlSortKey[] = [];
  if (isWord(peek(), 'sortby')) {
    position++;
    do sortKeys.push({ index: word('an index to sort by').text, modifiers: modifiers() });
    while (isWord(peek()));
  }
  if (position < tokens.length) {
    const token = peek()!;
    if (isSymbol(token, ')')) throw new SruDiagnostic(DIAGNOSTIC.parentheses, ')', `The ")" at position ${token.at + 1} closes nothing`);
    throw syntaxError(`unexpected ${describe(token)}`);
  }
  return { root, prefixes, sortKeys };
}
