import { describe, expect, it } from 'vitest';
import { chamSortKey, compareCham } from './cham-order.ts';

const sorted = (words: readonly string[]): string[] => [...words].reverse().sort(compareCham);

describe('compareCham (order of WG2 N3120)', () => {
  it('puts the independent vowels first, then the consonants ka kha ga gha ngue nga', () => {
    const published = ['ꨀ', 'ꨁ', 'ꨂ', 'ꨃ', 'ꨄ', 'ꨅ', 'ꨆ', 'ꨇ', 'ꨈ', 'ꨉ', 'ꨊ', 'ꨋ'];
    expect(sorted(published)).toEqual(published);
  });

  it('ends the consonants with ya ra la va ssa sa ha', () => {
    const published = ['ꨢ', 'ꨣ', 'ꨤ', 'ꨥ', 'ꨦ', 'ꨧ', 'ꨨ'];
    expect(sorted(published)).toEqual(published);
  });

  it('keeps the syllables of one consonant together: ka, kā, ki, then kaka and kak, then kha', () => {
    const published = ['ꨆ', 'ꨆꨩ', 'ꨆꨪ', 'ꨆꨆ', 'ꨆꩀ', 'ꨇ'];
    expect(sorted(published)).toEqual(published);
  });

  it('sorts a final consonant as the consonant it writes, after the full letter', () => {
    expect(chamSortKey('ꩀ')).toEqual(chamSortKey('ꨆ'));
    expect(chamSortKey('ꩋ')).toEqual(chamSortKey('ꨦ'));
    expect(compareCham('ꨆ', 'ꩀ')).toBeLessThan(0);
  });

  it('puts text of other scripts after the Cham letters', () => {
    expect(sorted(['ꨀ', 'a', '1'])).toEqual(['ꨀ', '1', 'a']);
  });
});
