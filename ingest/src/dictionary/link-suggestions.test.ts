import { describe, expect, it } from 'vitest';
import { findIn } from './link-suggestions.ts';

describe('findIn', () => {
  it.each([
    ['a romanisation typed without tones', ['Lễ hội đua ghe ngo ở Sóc Trăng'], 'ghe ngò', 'Lễ hội đua ghe ngo ở Sóc Trăng'],
    ['a Khmer headword', ['ពិធីបុណ្យ ទូកង'], 'ទូកង', 'ពិធីបុណ្យ ទូកង'],
    ['a Khmer word inside a compound', ['ការប្រណាំងទូកង'], 'ទូក', 'ការប្រណាំងទូកង'],
    ['Han in its other form', ['關帝廟的節日'], '庙', '關帝廟的節日'],
  ])('finds %s', (_name, texts, form, excerpt) => {
    expect(findIn(texts, form)).toBe(excerpt);
  });

  it.each([
    ['a word that only begins the text’s word', ['ghe ngon'], 'ghe ngo'],
    ['the words apart', ['ghe đua ngo'], 'ghe ngo'],
    ['nothing at all', ['Chùa Khmer'], 'ទូកង'],
  ])('does not take %s', (_name, texts, form) => {
    expect(findIn(texts, form)).toBeNull();
  });

  it('cuts a long text around the match', () => {
    const text = `${'a '.repeat(100)}ghe ngo${' b'.repeat(100)}`;
    const found = findIn([text], 'ghe ngo')!;
    expect(found.startsWith('…') && found.endsWith('…')).toBe(true);
    expect(found.length).toBeLessThan(100);
  });
});
