import { COENG, isKhmerConsonant } from './khmer-nida.ts';

/**
 * What the on-screen keyboard does to a text field, as pure functions over its value and
 * selection (the panel applies the result to the field): typing replaces the selection
 * and leaves the caret after the new text, as a physical keyboard does.
 */
export interface TextState {
  readonly value: string;
  /** The selection, in UTF-16 units as `selectionStart`/`selectionEnd` count; equal when it is a caret. */
  readonly start: number;
  readonly end: number;
}

function checked(state: TextState): TextState {
  const { value, start, end } = state;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= value.length)) {
    throw new RangeError(`a selection ${start}..${end} is not inside a text of ${value.length} units`);
  }
  return state;
}

/**
 * Types `text` at the caret, replacing the selection.
 * @example insert({ value: 'ab', start: 1, end: 1 }, 'x') // { value: 'axb', start: 2, end: 2 }
 */
export function insert(state: TextState, text: string): TextState {
  const { value, start, end } = checked(state);
  const caret = start + text.length;
  return { value: value.slice(0, start) + text + value.slice(end), start: caret, end: caret };
}

/**
 * Backspace: removes the selection, else the code point before the caret; a Khmer
 * subscript (coeng + consonant) goes as one, since it reads as one letter.
 * @example deleteBackward({ value: 'ខ្ម', start: 3, end: 3 }).value // 'ខ'
 */
export function deleteBackward(state: TextState): TextState {
  const { value, start, end } = checked(state);
  if (start !== end) return { value: value.slice(0, start) + value.slice(end), start, end: start };
  if (start === 0) return state;
  const before = Array.from(value.slice(0, start));
  const removed = before.pop() ?? '';
  if (isKhmerConsonant(removed) && before.at(-1) === COENG) before.pop();
  const kept = before.join('');
  return { value: kept + value.slice(end), start: kept.length, end: kept.length };
}

/** Whether the next consonant typed becomes a subscript: the caret follows a coeng (the panel shows the keys' subscript forms then). */
export function subscriptPending(state: TextState): boolean {
  return state.start === state.end && state.value.slice(0, state.start).endsWith(COENG);
}
