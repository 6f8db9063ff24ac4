import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { ValidationError } from '../errors.ts';
import { canonicalJson, RecordValidationError, validate } from './validate.ts';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: undefined, c: [3, { z: 1, y: 2 }] } }, '{"a":{"c":[3,{"y":2,"z":1}]}}'],
    ['ខ្មែរ 中文 Việt', '"ខ្មែរ 中文 Việt"'],
  ])('writes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('validate', () => {
  const Schema = Type.Object({ id: Type.String({ minLength: 2 }), n: Type.Integer() }, { additionalProperties: false });

  it('returns a valid value unchanged', () => {
    expect(validate(Schema, { id: 'ab', n: 1 }, 'thing')).toEqual({ id: 'ab', n: 1 });
  });

  it('lists every problem with its path', () => {
    const error = (() => {
      try {
        validate(Schema, { id: 'a', n: 1.5, extra: true }, 'thing');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as RecordValidationError).problems.map((p) => p.path)).toEqual(['/extra', '/id', '/n']);
    expect((error as Error).message).toMatch(/^Invalid thing:\n {2}- \/extra: is not an allowed field/);
  });
});
