import { describe, expect, test } from 'vitest';
import { ValidationError } from '../errors.ts';
import { assertSafeKey, assertSafePrefix, derivativeKey, originalKey } from './keys.ts';

const SHA = 'ab12' + 'c'.repeat(60);

describe('originalKey', () => {
  test('fans out by the first two byte pairs of the hash', () => {
    expect(originalKey(SHA)).toBe(`originals/ab/12/${SHA}`);
  });

  test.each(['', 'ab12', SHA.toUpperCase(), `${SHA}0`, SHA.slice(1) + 'g', `../${SHA.slice(3)}`])('rejects %j', (sha) => {
    expect(() => originalKey(sha)).toThrow(ValidationError);
  });
});

describe('derivativeKey', () => {
  test('puts renditions under their media id', () => {
    expect(derivativeKey('m-42', 'thumb', 'webp')).toBe('derivatives/m-42/thumb.webp');
  });

  test.each([
    ['../x', 'thumb', 'webp'],
    ['m/1', 'thumb', 'webp'],
    ['', 'thumb', 'webp'],
    ['m1', '.thumb', 'webp'],
    ['m1', 'thumb', 'WEBP'],
    ['m1', 'thumb', 'we/bp'],
    ['m1', 'thumb', ''],
  ])('rejects (%j, %j, %j)', (mediaId, rendition, extension) => {
    expect(() => derivativeKey(mediaId, rendition, extension)).toThrow(ValidationError);
  });
});

describe('assertSafeKey', () => {
  test.each(['a', 'originals/ab/cd/file', 'derivatives/m-1/thumb.webp', 'ünïcödé/名前', 'x'.repeat(1024)])('accepts %j', (key) => {
    expect(() => { assertSafeKey(key); }).not.toThrow();
  });

  test.each([
    ['', 'empty'],
    ['/x', 'leading slash'],
    ['../x', 'parent segment'],
    ['a/../b', 'parent segment inside'],
    ['a/..', 'parent segment at the end'],
    ['a\\b', 'backslash'],
    ['a\u0000b', 'NUL'],
    ['a\tb', 'control character'],
    ['a\u007fb', 'DEL'],
    ['a//b', 'empty segment'],
    ['a/', 'trailing slash'],
    ['a/./b', 'dot segment'],
    ['.tmp/x', 'reserved dot name'],
    ['x'.repeat(1025), 'over 1024 bytes'],
    ['é'.repeat(513), 'over 1024 bytes in UTF-8 though 513 characters'],
  ])('rejects %j (%s)', (key) => {
    expect(() => { assertSafeKey(key); }).toThrow(ValidationError);
  });
});

describe('assertSafePrefix', () => {
  test.each(['', 'a', 'a/', 'originals/ab/'])('accepts %j', (prefix) => {
    expect(() => { assertSafePrefix(prefix); }).not.toThrow();
  });

  test.each(['/', '../', 'a//', 'a/../', '/a'])('rejects %j', (prefix) => {
    expect(() => { assertSafePrefix(prefix); }).toThrow(ValidationError);
  });
});
