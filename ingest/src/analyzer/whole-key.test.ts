import { describe, expect, it } from 'vitest';
import { wholeKey } from './whole-key.ts';

describe('wholeKey', () => {
  it.each([
    ['a romanisation with tones and a hyphen', 'Tuk-ngô', 'tukngo'],
    ['the same typed plainly, with a space', 'tuk ngo', 'tukngo'],
    ['the same run together', 'TUKNGO', 'tukngo'],
    ['traditional Han, folded to simplified', '龍舟', '龙舟'],
    ['simplified Han', '龙舟', '龙舟'],
    ['a Khmer compound, kept whole', 'ទូកង', 'ទូកង'],
    ['pinyin with tone marks', 'lóngzhōu', 'longzhou'],
    ['punctuation only', ' - ', ''],
  ])('%s: "%s" is "%s"', (_name, text, key) => {
    expect(wholeKey(text)).toBe(key);
  });

  it('keeps a Khmer word apart from the compound that begins with it', () => {
    expect(wholeKey('ទូក')).not.toBe(wholeKey('ទូកង'));
  });
});
