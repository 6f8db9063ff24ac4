import { describe, expect, it } from 'vitest';
import { passwordStrength } from './strength.ts';

describe('passwordStrength', () => {
  it.each([
    ['', 'tooShort'],
    ['short', 'tooShort'],
    // Twelve characters once runs of spaces are combined, as the server counts them.
    ['mùa      nước nổi', 'strong'],
    ['abc   defghi', 'tooShort'],
    ['a'.repeat(129), 'tooLong'],
    ['123456789012', 'weak'],
    ['aaaaaaaaaaaa', 'weak'],
    ['abcdefghijkl', 'weak'],
    ['passwordpassword', 'weak'],
    // A pattern the estimate does not know: the server's list of common passwords is the authority.
    ['Password1234', 'fair'],
    ['correct horse', 'good'],
    ['Tr4ng-s0ng-Cuu', 'strong'],
    ['four quiet rivers at dawn', 'strong'],
    ['mùa nước nổi ở Sóc Trăng', 'strong'],
    ['ព្រះចន្ទពេញបូណ៌មី ១៥', 'strong'],
    ['春节在堤岸的庙会很热闹', 'tooShort'],
    ['春节在堤岸的庙会很热闹人多', 'strong'],
  ])('%j reads %s', (password, level) => {
    expect(passwordStrength(password).level).toBe(level);
  });

  it('counts the length as the policy does: code points after NFKC, runs of spaces as one', () => {
    expect(passwordStrength('mùa  nước').length).toBe(8);
    expect(passwordStrength('😀😀').length).toBe(2);
    expect(passwordStrength('ﬁ').length).toBe(2);
  });

  it('weighs repeats and runs at a quarter, in either direction, and a repeated piece once', () => {
    const bits = (password: string) => passwordStrength(password).bits;
    expect(bits('abcdefgh')).toBeLessThan(bits('ahcfbgde'));
    expect(bits('hgfedcba')).toBe(bits('abcdefgh'));
    expect(bits('qwertyqwerty')).toBe(bits('qwerty'));
    expect(bits('aaaaaaaa')).toBe(bits('a'));
    // One character, then seven steps of a run: 2.75 characters of 26 possible.
    expect(bits('abcdefgh')).toBe(Math.round(2.75 * Math.log2(26)));
  });

  it('grows with each character that is not a pattern, and with each new class of character', () => {
    expect(passwordStrength('river dawn quiet').bits).toBeGreaterThan(passwordStrength('river dawn').bits);
    expect(passwordStrength('riverdawnquiet').bits).toBeLessThan(passwordStrength('RiverDawnQuiet').bits);
  });
});
