import { describe, expect, it } from 'vitest';
import { deleteBackward, insert, subscriptPending } from './typing.ts';

describe('insert', () => {
  it.each([
    { name: 'at the caret', state: { value: 'ab', start: 1, end: 1 }, text: 'ក', want: { value: 'aកb', start: 2, end: 2 } },
    { name: 'over a selection', state: { value: 'abcd', start: 1, end: 3 }, text: 'ក', want: { value: 'aកd', start: 2, end: 2 } },
    { name: 'two code points at once', state: { value: '', start: 0, end: 0 }, text: '\u17B6\u17C6', want: { value: '\u17B6\u17C6', start: 2, end: 2 } },
  ])('types $name', ({ state, text, want }) => {
    expect(insert(state, text)).toEqual(want);
  });

  it('refuses a selection outside the text, saying so', () => {
    expect(() => insert({ value: 'ab', start: 1, end: 5 }, 'x')).toThrow(/1\.\.5 is not inside a text of 2 units/);
    expect(() => insert({ value: 'ab', start: 2, end: 1 }, 'x')).toThrow(RangeError);
  });
});

describe('deleteBackward', () => {
  it.each([
    { name: 'the selection', state: { value: 'abcd', start: 1, end: 3 }, want: { value: 'ad', start: 1, end: 1 } },
    { name: 'one code point', state: { value: 'ខែ', start: 2, end: 2 }, want: { value: 'ខ', start: 1, end: 1 } },
    { name: 'a subscript as one letter', state: { value: 'ខ្មែ', start: 3, end: 3 }, want: { value: 'ខែ', start: 1, end: 1 } },
    { name: 'a lone coeng', state: { value: 'ខ្', start: 2, end: 2 }, want: { value: 'ខ', start: 1, end: 1 } },
    { name: 'a Cham final sign alone', state: { value: 'ꨌꩌ', start: 2, end: 2 }, want: { value: 'ꨌ', start: 1, end: 1 } },
    { name: 'nothing at the start', state: { value: 'ab', start: 0, end: 0 }, want: { value: 'ab', start: 0, end: 0 } },
  ])('removes $name', ({ state, want }) => {
    expect(deleteBackward(state)).toEqual(want);
  });
});

describe('subscriptPending', () => {
  it('is true right after a coeng, false elsewhere', () => {
    expect(subscriptPending({ value: 'ខ្', start: 2, end: 2 })).toBe(true);
    expect(subscriptPending({ value: 'ខ្ម', start: 3, end: 3 })).toBe(false);
    expect(subscriptPending({ value: 'ខ្', start: 0, end: 2 })).toBe(false);
  });
});
