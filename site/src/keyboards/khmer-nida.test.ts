import { describe, expect, it } from 'vitest';
import { KHMER_NIDA } from './khmer-nida.ts';
import { codePoints, keyAt, LEVELS, type Level } from './layout.ts';
import { insert, type TextState } from './typing.ts';

/** What NiDA puts on its keys besides Khmer: ASCII punctuation, guillemets, the euro and the joiners. */
const NON_KHMER = new Set(['!', '"', '$', '%', '(', ')', '*', ',', '.', '/', '=', '?', '@', '\\', '{', '}', 'x', '«', '»', '€', '\u200C', '\u200D']);
const KHMER_BLOCK = (cp: number) => cp >= 0x1780 && cp <= 0x17ff;
const KHMER_SYMBOLS_BLOCK = (cp: number) => cp >= 0x19e0 && cp <= 0x19ff;

const outputs = KHMER_NIDA.rows.flat().flatMap((k) => LEVELS.map((level) => ({ position: k.position, level, text: k[level] })));

/** Types a key sequence (position, level) into an empty field, as tapping the keys does. */
function typed(keys: readonly (readonly [string, Level])[]): string {
  let state: TextState = { value: '', start: 0, end: 0 };
  for (const [position, level] of keys) {
    const text = keyAt(KHMER_NIDA, position)[level];
    if (text === null) throw new Error(`${position} types nothing at ${level}`);
    state = insert(state, text);
  }
  return state.value;
}

describe('the Khmer NiDA layout', () => {
  it.each(outputs.filter((o) => o.text !== null))('$position $level types Khmer (U+1780..U+17FF, U+19E0..U+19FF) or NiDA\'s punctuation', ({ text }) => {
    for (const c of text!) {
      const cp = c.codePointAt(0)!;
      if (NON_KHMER.has(c)) continue;
      expect(KHMER_BLOCK(cp) || KHMER_SYMBOLS_BLOCK(cp), `${codePoints(c).join()} is outside the Khmer blocks`).toBe(true);
      expect(/\p{Script=Khmer}/u.test(c), `${codePoints(c).join()} is not an assigned Khmer character`).toBe(true);
    }
  });

  it('has every consonant (U+1780..U+17A2) and every dependent vowel and sign up to the coeng (U+17B6..U+17D2) on some key', () => {
    const typedAnywhere = new Set(outputs.flatMap((o) => (o.text === null ? [] : Array.from(o.text))));
    const missing = [];
    for (let cp = 0x1780; cp <= 0x17a2; cp++) if (!typedAnywhere.has(String.fromCodePoint(cp))) missing.push(cp.toString(16));
    for (let cp = 0x17b6; cp <= 0x17d2; cp++) if (!typedAnywhere.has(String.fromCodePoint(cp))) missing.push(cp.toString(16));
    expect(missing).toEqual([]);
  });

  it('has 47 keys in four rows, each position once, as xkb-data lists them', () => {
    const positions = KHMER_NIDA.rows.flat().map((k) => k.position);
    expect(KHMER_NIDA.rows.map((r) => r.length)).toEqual([13, 13, 11, 10]);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('types ខ្មែរ (Khmer, with the subscript ម) from x, j, m, Shift+e, r', () => {
    const word = typed([['AB02', 'normal'], ['AC07', 'normal'], ['AB07', 'normal'], ['AD03', 'shift'], ['AD04', 'normal']]);
    expect(codePoints(word)).toEqual(['U+1781', 'U+17D2', 'U+1798', 'U+17C2', 'U+179A']);
    expect(word).toBe('ខ្មែរ');
  });

  it('types ទូកង (the ngo boat) from Shift+t, Shift+u, k, g', () => {
    const word = typed([['AD05', 'shift'], ['AD07', 'shift'], ['AC08', 'normal'], ['AC05', 'normal']]);
    expect(codePoints(word)).toEqual(['U+1791', 'U+17BC', 'U+1780', 'U+1784']);
  });

  it('types ស្រុក (a district, subscript រ) and Shift+a gives the two code points of ាំ', () => {
    expect(typed([['AC02', 'normal'], ['AC07', 'normal'], ['AD04', 'normal'], ['AD07', 'normal'], ['AC08', 'normal']])).toBe('ស្រុក');
    expect(codePoints(typed([['AC01', 'shift']]))).toEqual(['U+17B6', 'U+17C6']);
  });
});
