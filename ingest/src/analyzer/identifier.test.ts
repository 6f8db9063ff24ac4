import { describe, expect, it } from 'vitest';
import { identifierKey, identifierKeysOf, queryIdentifierKeys } from './identifier.ts';

describe('identifierKey', () => {
  it.each([
    ['45/2024/QĐ-UBND', '452024qdubnd'],
    ['45/2024/QD-UBND', '452024qdubnd'],
    ['45 2024 QĐ UBND', '452024qdubnd'],
    ['45/2024/qđ-ubnd', '452024qdubnd'],
    ['  45 / 2024 / Qđ – UBND ', '452024qdubnd'],
    ['1234/QĐ-UBND', '1234qdubnd'],
    ['Số 12/KH-UBND', 'so12khubnd'],
    ['978-604-0-00000-0', '9786040000000'],
    ['9786040000000', '9786040000000'],
    ['ISSN 1859-0543', 'issn18590543'],
    ['10.1000/xyz123', '101000xyz123'],
    ['１２３４', '1234'],
  ])('%s → %s', (value, key) => {
    expect(identifierKey(value)).toBe(key);
  });
});

describe('queryIdentifierKeys', () => {
  it.each([
    ['45/2024/QĐ-UBND', ['452024qdubnd']],
    ['45 2024 QĐ UBND', ['452024qdubnd', '2024']],
    ['quyết định 45/2024/QĐ-UBND', ['quyetdinh452024qdubnd', '452024qdubnd']],
    ['lễ hội ok om bok', []],
    ['45', []],
    ['', []],
  ])('%s → %j', (q, keys) => {
    expect(queryIdentifierKeys(q)).toEqual(keys);
  });
});

describe('identifierKeysOf', () => {
  it('keeps the distinct keys that can stand for an identifier', () => {
    expect(identifierKeysOf(['45/2024/QĐ-UBND', '45/2024/QD-UBND', 'abc', '12'])).toEqual(['452024qdubnd']);
  });
});
