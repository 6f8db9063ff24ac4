import type { TSchema, Static } from 'typebox';
import { Value } from 'typebox/value';
import { ValidationError } from '../errors.ts';
import { libraryProblems } from '../library/validate.ts';
import { kindBlockProblems } from './kind-blocks.ts';

export interface Problem {
  /** JSON Pointer to the bad value, e.g. /title/0/lang ('' for the record itself). */
  path: string;
  /** A LibraryProblemCode, or the JSON Schema keyword the value broke (pattern, maxLength...). */
  code: string;
  message: string;
}

/** A record failed its schema; `problems` lists every one, each with its path. */
export class RecordValidationError extends ValidationError {
  readonly problems: Problem[];
  constructor(what: string, problems: Problem[]) {
    super(`Invalid ${what}:\n${problems.map((p) => `  - ${p.path || '/'}: ${p.message}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * Checks `value` against `schema` and returns it typed, or throws listing every problem.
 * @example validate(ItemInput, body, 'item') // throws "Invalid item:\n  - /kind: must be equal to one of the allowed values"
 */
export function validate<S extends TSchema>(schema: S, value: unknown, what: string): Static<S> {
  const problems: Problem[] = Value.Errors(schema, value)
    // additionalProperties reports each extra key twice; the named one is the useful one.
    .filter((error) => error.keyword !== 'additionalProperties')
    .map((error) => ({ path: error.instancePath, code: error.keyword, message: error.keyword === 'boolean' ? 'is not an allowed field' : error.message }));
  problems.push(...nulCharacters(value, ''));
  if (problems.length > 0) throw new RecordValidationError(what, problems);
  return value as Static<S>;
}

/**
 * Checks a record (an item or a workspace draft) against its schema, then against what a
 * librarian expects of a library record (see library/validate.ts), listing every problem.
 */
export function validateRecord<S extends TSchema>(schema: S, value: unknown, what: string): Static<S> {
  const valid = validate(schema, value, what);
  const problems = [...kindBlockProblems(valid), ...libraryProblems(valid)];
  if (problems.length > 0) throw new RecordValidationError(what, problems);
  return valid;
}

/** PostgreSQL text and jsonb cannot hold U+0000; say so here rather than fail in the driver. */
function nulCharacters(value: unknown, path: string): Problem[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path, code: 'nul-character', message: 'must not contain the NUL character' }] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => nulCharacters(inner, `${path}/${key}`));
}

/**
 * A JSON value with object keys sorted and undefined dropped, so that equal content
 * always serialises to the same text, whatever order the fields were written in.
 * @example canonicalJson({ b: 1, a: [2, { d: undefined, c: 3 }] }) === '{"a":[2,{"c":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

export function canonicalize<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => (v === undefined ? null : canonicalize(v))) as T;
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== undefined) sorted[key] = canonicalize(inner);
  }
  return sorted as T;
}
