import { expect, test } from 'vitest';
import { RangeNotSatisfiableError, ValidationError } from '../errors.ts';
import { cutToRange, parseContentRange, resolveRange } from './range.ts';
import { chunkedStream, readAll } from '../../../tests/contract/test-streams.ts';

test.each([
  { range: { start: 0 }, size: 10, expected: { start: 0, end: 9 } },
  { range: { start: 2, end: 4 }, size: 10, expected: { start: 2, end: 4 } },
  { range: { start: 2, end: 99 }, size: 10, expected: { start: 2, end: 9 } },
])('resolveRange($range, $size) clamps to $expected', ({ range, size, expected }) => {
  expect(resolveRange(range, size)).toEqual(expected);
});

test.each([
  { range: { start: 10 }, size: 10, error: RangeNotSatisfiableError },
  { range: { start: 0 }, size: 0, error: RangeNotSatisfiableError },
  { range: { start: -1 }, size: 10, error: ValidationError },
  { range: { start: 3, end: 2 }, size: 10, error: ValidationError },
])('resolveRange($range, $size) throws $error.name', ({ range, size, error }) => {
  expect(() => resolveRange(range, size)).toThrow(error);
});

test.each([
  { header: 'bytes 0-9/1234', expected: { start: 0, end: 9, total: 1234 } },
  { header: 'bytes 0-9/*', expected: undefined },
  { header: undefined, expected: undefined },
])('parseContentRange($header)', ({ header, expected }) => {
  expect(parseContentRange(header)).toEqual(expected);
});

test('cutToRange trims a body the server sent too much of', async () => {
  const body = chunkedStream(Buffer.from('0123456789'), 3);
  const cut = cutToRange(body, { start: 0, end: 9 }, { start: 0, end: 0 });
  expect((await readAll(cut!)).toString()).toBe('0');
});

test('cutToRange refuses a body that does not cover the range', () => {
  expect(cutToRange(chunkedStream(Buffer.from('0123'), 2), { start: 1, end: 4 }, { start: 0, end: 3 })).toBeUndefined();
});
