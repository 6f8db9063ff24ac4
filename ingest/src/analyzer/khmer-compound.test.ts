import { describe, expect, it } from 'vitest';
import { analyze, analyzeForIndex } from './analyzer.ts';
import { khmerClusters, khmerSubwords, MAX_COMPOUND_CLUSTERS } from './khmer-compound.ts';

const words = (word: string): string[] => khmerSubwords(word).map((part) => part.word);

describe('khmerClusters', () => {
  it.each([
    ['a subscript consonant stays with its base', 'ស្ករ', ['ស្ក', 'រ']],
    ['vowel signs and diacritics stay with their base', 'ម៉ាស៊ីន', ['ម៉ា', 'ស៊ី', 'ន']],
    ['a final consonant is a cluster of its own', 'ទូក', ['ទូ', 'ក']],
  ])('%s: %s', (_name, word, expected) => {
    expect(khmerClusters(word).map((cluster) => cluster.text)).toEqual(expected);
  });
});

describe('khmerSubwords', () => {
  it.each([
    ['ngo boat', 'ទូកង', ['ទូក', 'ង']],
    ['rowing boat: a lone cluster at the end', 'ទូកអុំ', ['ទូក', 'អុំ']],
    ['kitchen: a lone cluster at the start', 'ផ្ទះបាយ', ['បាយ', 'ផ្ទះ']],
    ['ceremony', 'ពិធីបុណ្យ', ['ពិធី', 'បុណ្យ']],
    ['water festival', 'បុណ្យអុំទូក', ['អុំទូក', 'បុណ្យ', 'ទូក']],
    ['Kathina festival: a bare consonant after a bare one begins a syllable', 'បុណ្យកឋិន', ['កឋិន', 'បុណ្យ', 'ឋិន']],
    ['clay pot: a lone cluster after a final consonant', 'ឆ្នាំងដី', ['ឆ្នាំង', 'ដី']],
  ])('%s: %s contains %j', (_name, word, expected) => {
    expect(words(word)).toEqual(expected);
  });

  it.each([
    ['a word of two clusters is not split into letters', 'ទូក'],
    ['a lone cluster', 'ក'],
    ['Latin text', 'boat'],
  ])('finds nothing inside %s', (_name, word) => {
    expect(words(word)).toEqual([]);
  });

  it.each([
    ['ទូកង', 'កង'],
    ['សែនដូនតា', 'នដូ'],
    ['ព្រះវិហារ', 'វិហា'],
  ])('never cuts a syllable at its final consonant: %s gives no %s', (word, cut) => {
    expect(words(word)).not.toContain(cut);
  });

  it('does not index a lone cluster that a longer part already covers', () => {
    expect(words('ទូកង')).not.toContain('ទូ');
  });

  it('gives offsets into the compound', () => {
    expect(khmerSubwords('បុណ្យអុំទូក').map((part) => 'បុណ្យអុំទូក'.slice(part.start, part.end))).toEqual(words('បុណ្យអុំទូក'));
  });

  it('leaves words longer than MAX_COMPOUND_CLUSTERS whole', () => {
    const long = 'ទូកង'.repeat(MAX_COMPOUND_CLUSTERS);
    expect(khmerSubwords(long)).toEqual([]);
  });
});

describe('analyzeForIndex', () => {
  it('follows each Khmer compound by the words inside it, with offsets into the text', () => {
    const text = 'Đua ទូកង';
    const tokens = analyzeForIndex(text);
    expect(tokens.map((token) => token.key)).toEqual(['dua', 'ទូកង', 'ទូក', 'ង']);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['Đua', 'ទូកង', 'ទូក', 'ង']);
  });

  it('equals analyze() for text without Khmer compounds', () => {
    const text = 'Lễ hội 關帝廟 ok om bok';
    expect(analyzeForIndex(text)).toEqual(analyze(text));
  });
});
