/**
 * Meilisearch's filter expressions, as its documentation describes them (Filter expression
 * reference): conditions `attribute OPERATOR value` with `=`, `!=`, `IN [a, b]`, `NOT IN`,
 * `EXISTS`; `NOT`, `AND` (binds tighter) and `OR`; parentheses; values bare or quoted in
 * double or single quotes with backslash escapes; and `_geoRadius(lat, lng, meters)`. The
 * loopback stand-in parses every filter it is sent with this, refusing what Meilisearch
 * would refuse to parse, and evaluates it on the documents it holds.
 */
export type FilterNode =
  | { kind: 'and' | 'or'; parts: FilterNode[] }
  | { kind: 'not'; inner: FilterNode }
  | { kind: 'in'; attribute: string; values: string[] }
  | { kind: 'exists'; attribute: string }
  | { kind: 'geo'; lat: number; lng: number; meters: number };

type Token = { type: 'punct'; text: string } | { type: 'word'; text: string } | { type: 'quoted'; text: string };

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'EXISTS', 'TO']);

export class FilterSyntaxError extends Error {}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at]!;
    if (/\s/.test(char)) {
      at++;
    } else if ('()[],'.includes(char)) {
      tokens.push({ type: 'punct', text: char });
      at++;
    } else if (source.startsWith('!=', at)) {
      tokens.push({ type: 'punct', text: '!=' });
      at += 2;
    } else if (char === '=') {
      tokens.push({ type: 'punct', text: '=' });
      at++;
    } else if (char === '"' || char === "'") {
      let text = '';
      let end = at + 1;
      for (; end < source.length && source[end] !== char; end++) text += (source[end] === '\\' ? source[++end] : source[end]) ?? '';
      if (end >= source.length) throw new FilterSyntaxError(`unclosed quote at ${at} in: ${source}`);
      tokens.push({ type: 'quoted', text });
      at = end + 1;
    } else {
      const word = /^[^\s()[\],=!'"]+/.exec(source.slice(at));
      if (!word) throw new FilterSyntaxError(`unexpected "${char}" at ${at} in: ${source}`);
      tokens.push({ type: 'word', text: word[0] });
      at += word[0].length;
    }
  }
  return tokens;
}

export function parseFilter(source: string): FilterNode {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const isKeyword = (word: string) => peek()?.type === 'word' && peek()!.text.toUpperCase() === word;
  const fail = (expected: string): never => {
    throw new FilterSyntaxError(`expected ${expected} at token ${at} (${JSON.stringify(peek()?.text ?? 'end')}) in: ${source}`);
  };
  const punct = (text: string) => {
    if (peek()?.type !== 'punct' || peek()!.text !== text) fail(`"${text}"`);
    at++;
  };
  const value = (): string => {
    const token = peek();
    if (token === undefined || token.type === 'punct' || (token.type === 'word' && KEYWORDS.has(token.text.toUpperCase()))) return fail('a value');
    at++;
    return token.text;
  };
  const number = (): number => {
    const parsed = Number(value());
    return Number.isFinite(parsed) ? parsed : fail('a number');
  };
  const list = (): string[] => {
    punct('[');
    const values = [value()];
    while (peek()?.text === ',') {
      at++;
      values.push(value());
    }
    punct(']');
    return values;
  };

  const or = (): FilterNode => {
    const parts = [and()];
    while (isKeyword('OR')) {
      at++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  };
  const and = (): FilterNode => {
    const parts = [not()];
    while (isKeyword('AND')) {
      at++;
      parts.push(not());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  };
  const not = (): FilterNode => {
    if (!isKeyword('NOT')) return primary();
    at++;
    return { kind: 'not', inner: not() };
  };
  const primary = (): FilterNode => {
    if (peek()?.text === '(' && peek()?.type === 'punct') {
      at++;
      const inner = or();
      punct(')');
      return inner;
    }
    if (peek()?.type === 'word' && peek()!.text === '_geoRadius') {
      at++;
      punct('(');
      const lat = number();
      punct(',');
      const lng = number();
      punct(',');
      const meters = number();
      punct(')');
      return { kind: 'geo', lat, lng, meters };
    }
    return condition();
  };
  const condition = (): FilterNode => {
    const attribute = value();
    if (peek()?.text === '=' || peek()?.text === '!=') {
      const negated = peek()!.text === '!=';
      at++;
      const node: FilterNode = { kind: 'in', attribute, values: [value()] };
      return negated ? { kind: 'not', inner: node } : node;
    }
    if (isKeyword('IN')) {
      at++;
      return { kind: 'in', attribute, values: list() };
    }
    if (isKeyword('NOT')) {
      at++;
      if (!isKeyword('IN')) fail('IN after NOT');
      at++;
      return { kind: 'not', inner: { kind: 'in', attribute, values: list() } };
    }
    if (isKeyword('EXISTS')) {
      at++;
      return { kind: 'exists', attribute };
    }
    return fail('=, !=, IN, NOT IN or EXISTS');
  };

  const tree = or();
  if (at !== tokens.length) fail('the end of the filter');
  return tree;
}

/** The attributes a filter reads (each must be filterable, or Meilisearch refuses the search). */
export function filterAttributes(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.parts.flatMap(filterAttributes);
    case 'not':
      return filterAttributes(node.inner);
    case 'in':
    case 'exists':
      return [node.attribute];
    case 'geo':
      return ['_geo'];
  }
}

export function matchesFilter(node: FilterNode, document: Record<string, unknown>): boolean {
  switch (node.kind) {
    case 'and':
      return node.parts.every((part) => matchesFilter(part, document));
    case 'or':
      return node.parts.some((part) => matchesFilter(part, document));
    case 'not':
      return !matchesFilter(node.inner, document);
    case 'in': {
      const values = valuesOf(document[node.attribute]);
      return values.some((held) => node.values.includes(held));
    }
    case 'exists':
      return document[node.attribute] !== undefined && document[node.attribute] !== null;
    case 'geo': {
      const point = document._geo as { lat: number; lng: number } | undefined;
      return point !== undefined && metersBetween(point, node) <= node.meters;
    }
  }
}

/** Arrays match when any element does; numbers compare by their text, as filter values are text. */
function valuesOf(field: unknown): string[] {
  if (Array.isArray(field)) return field.flatMap(valuesOf);
  if (typeof field === 'string') return [field];
  if (typeof field === 'number' || typeof field === 'boolean') return [String(field)];
  return [];
}

function metersBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const h = Math.sin(radians(b.lat - a.lat) / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(radians(b.lng - a.lng) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
