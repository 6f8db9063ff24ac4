import { describe, expect, it } from 'vitest';
import { parseCql, type CqlNode } from './cql.ts';
import { SruDiagnostic } from './diagnostics.ts';

/** A compact picture of a tree: clauses as `index relation "term"`, booleans in brackets. */
function show(node: CqlNode): string {
  if (node.type === 'clause') {
    const mods = node.relation.modifiers.map((m) => `/${m.name}${m.comparator ?? ''}${m.value ?? ''}`).join('');
    return `${node.index} ${node.relation.base}${mods} "${node.term}"${node.masked ? '*' : ''}`;
  }
  const mods = node.modifiers.map((m) => `/${m.name}${m.comparator ?? ''}${m.value ?? ''}`).join('');
  return `(${show(node.left)} ${node.operator}${mods} ${show(node.right)})`;
}

describe('parseCql', () => {
  it.each([
    ['cat', 'cql.serverChoice = "cat"'],
    ['"lễ hội Ok Om Bok"', 'cql.serverChoice = "lễ hội Ok Om Bok"'],
    ['dc.title = khmer', 'dc.title = "khmer"'],
    ['dc.title="khmer"', 'dc.title = "khmer"'],
    ['title any "a b"', 'title any "a b"'],
    ['dc.title ALL "a b"', 'dc.title all "a b"'],
    ['dc.date >= 2000', 'dc.date >= "2000"'],
    ['dc.date<=2000', 'dc.date <= "2000"'],
    ['dc.date <> 2000', 'dc.date <> "2000"'],
    ['dc.title == "Exact title"', 'dc.title == "Exact title"'],
    ['dc.title adj "lễ hội"', 'dc.title adj "lễ hội"'],
    ['dc.title exact "x"', 'dc.title exact "x"'],
    ['dc.title =/relevant/stem "x"', 'dc.title =/relevant/stem "x"'],
    ['dc.title any/rel.algorithm=cori "x"', 'dc.title any/rel.algorithm=cori "x"'],
    ['"say \\"hi\\" \\\\ now"', 'cql.serverChoice = "say "hi" \\ now"'],
    ['cat*', 'cql.serverChoice = "cat*"*'],
    ['"cat\\*"', 'cql.serverChoice = "cat*"'],
    ['"and"', 'cql.serverChoice = "and"'],
    ['dc.title = "or"', 'dc.title = "or"'],
    ['a and b', '(cql.serverChoice = "a" and cql.serverChoice = "b")'],
    ['a AND b or c', '((cql.serverChoice = "a" and cql.serverChoice = "b") or cql.serverChoice = "c")'],
    ['a and (b or c)', '(cql.serverChoice = "a" and (cql.serverChoice = "b" or cql.serverChoice = "c"))'],
    ['a not b', '(cql.serverChoice = "a" not cql.serverChoice = "b")'],
    ['a prox/unit=word/distance<3 b', '(cql.serverChoice = "a" prox/unit=word/distance<3 cql.serverChoice = "b")'],
    ['((a))', 'cql.serverChoice = "a"'],
    ['"" ', 'cql.serverChoice = ""'],
  ])('parses %s', (query, expected) => {
    expect(show(parseCql(query).root)).toBe(expected);
  });

  it('reads prefix assignments, with and without a prefix name', () => {
    const parsed = parseCql('> dc = "info:srw/cql-context-set/1/dc-v1.1" > "http://x" dc.title = a');
    expect(parsed.prefixes).toEqual([{ prefix: 'dc', uri: 'info:srw/cql-context-set/1/dc-v1.1' }, { uri: 'http://x' }]);
    expect(show(parsed.root)).toBe('dc.title = "a"');
  });

  it('reads sortBy keys with their modifiers', () => {
    const parsed = parseCql('dc.title = a sortBy dc.date/sort.descending dc.title');
    expect(parsed.sortKeys).toEqual([{ index: 'dc.date', modifiers: [{ name: 'sort.descending' }] }, { index: 'dc.title', modifiers: [] }]);
  });

  it.each([
    ['', 10],
    ['dc.title =', 10],
    ['a and', 10],
    ['a b', 10],
    ['= a', 10],
    ['(a and b', 13],
    ['a and b)', 13],
    ['"never closed', 14],
    ['dc.title / x', 10],
    ['"dc.title" = x', 10],
    ['a sortBy', 10],
    ['dc.title =/ a', 10],
    ['x'.repeat(2001), 10],
    [`${'('.repeat(60)}a${')'.repeat(60)}`, 13],
  ])('refuses %j with diagnostic %i', (query, code) => {
    let caught: unknown;
    try {
      parseCql(query);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SruDiagnostic);
    expect((caught as SruDiagnostic).code).toBe(code);
    expect((caught as SruDiagnostic).uri).toBe(`info:srw/diagnostic/1/${code}`);
  });
});
