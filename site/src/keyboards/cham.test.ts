import { describe, expect, it } from 'vitest';
import { CHAM, CHAM_ASSIGNED } from './cham.ts';
import { codePoints, keyAt, LEVELS, type Level } from './layout.ts';
import { insert, type TextState } from './typing.ts';

const outputs = CHAM.rows.flat().flatMap((k) => LEVELS.map((level) => ({ position: k.position, level, text: k[level] })));

function typed(keys: readonly (readonly [string, Level])[]): string {
  let state: TextState = { value: '', start: 0, end: 0 };
  for (const [position, level] of keys) {
    const text = keyAt(CHAM, position)[level];
    if (text === null) throw new Error(`${position} types nothing at ${level}`);
    state = insert(state, text);
  }
  return state.value;
}

describe('the Cham (Akhar Thrah) layout', () => {
  it.each(outputs.filter((o) => o.text !== null))('$position $level types one character of the Cham block', ({ text }) => {
    const cps = Array.from(text!, (c) => c.codePointAt(0)!);
    expect(cps).toHaveLength(1);
    expect(cps[0]! >= 0xaa00 && cps[0]! <= 0xaa5f, `${codePoints(text!).join()} is outside U+AA00..U+AA5F`).toBe(true);
    expect(/\p{Script=Cham}/u.test(text!), `${codePoints(text!).join()} is not an assigned Cham character`).toBe(true);
  });

  it('has no AltGr level', () => {
    expect(outputs.filter((o) => (o.level === 'altgr' || o.level === 'altgrShift') && o.text !== null)).toEqual([]);
  });

  it('puts every assigned character of the block on exactly one key', () => {
    const typedAll = outputs.flatMap((o) => (o.text === null ? [] : [o.text]));
    const assigned = CHAM_ASSIGNED.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)));
    expect(assigned.every((c) => /\p{Script=Cham}/u.test(c)), 'the assigned ranges match the engine\'s Unicode data').toBe(true);
    expect([...typedAll].sort()).toEqual([...assigned].sort());
  });

  it('types ꨌꩌ "Cam" with the final consonant sign M: q, Shift+m', () => {
    expect(codePoints(typed([['AD01', 'normal'], ['AB07', 'shift']]))).toEqual(['U+AA0C', 'U+AA4C']);
  });

  it('types ꨀꨇꨩꨣ "akhar" with the final R: Shift+a, x, a, Shift+r', () => {
    expect(codePoints(typed([['AC01', 'shift'], ['AB02', 'normal'], ['AC01', 'normal'], ['AD04', 'shift']]))).toEqual(['U+AA00', 'U+AA07', 'U+AA29', 'U+AA49']);
  });
});
