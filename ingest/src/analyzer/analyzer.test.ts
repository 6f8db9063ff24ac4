import { describe, expect, it } from 'vitest';
import { analyze, indexText, tonedText } from './analyzer.ts';

const keys = (text: string): string[] => analyze(text).map((token) => token.key);

describe('analyze', () => {
  it.each([
    ['folds Vietnamese tones and đ', 'Lễ hội Đua ghe ngo', ['le', 'hoi', 'dua', 'ghe', 'ngo']],
    ['splits on punctuation', 'Sóc Trăng,Bạc-Liêu (1930)', ['soc', 'trang', 'bac', 'lieu', '1930']],
    ['keeps Khmer marks and segments Khmer runs', 'បុណ្យអកអំបុក។', ['បុណ្យ', 'អកអំបុក']],
    ['folds traditional Han to simplified before segmenting', '關帝廟', ['关', '帝', '庙']],
    ['segments simplified Han the same way', '关帝庙', ['关', '帝', '庙']],
    ['handles mixed scripts', 'Chùa 關帝廟 và ចូលឆ្នាំថ្មី', ['chua', '关', '帝', '庙', 'va', 'ចូលឆ្នាំ', 'ថ្មី']],
    ['keeps Cham vowel signs and finals', 'ꨆꨩ ꨆꩀ ꨆ', ['ꨆꨩ', 'ꨆꩀ', 'ꨆ']],
    ['returns nothing for punctuation only', '"*^-() NEAR(', ['near']],
  ])('%s', (_name, text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const text = 'Lễ hội 關帝廟';
    expect(analyze(text).map((token) => text.slice(token.start, token.end))).toEqual(['Lễ', 'hội', '關', '帝', '廟']);
  });

  it('gives a repeated word the same forms and its own offsets', () => {
    const text = 'Lễ hội, lễ Hội, LỄ';
    expect(analyze(text).map((token) => [token.key, token.exact, text.slice(token.start, token.end)])).toEqual([
      ['le', 'lễ', 'Lễ'],
      ['hoi', 'hội', 'hội'],
      ['le', 'lễ', 'lễ'],
      ['hoi', 'hội', 'Hội'],
      ['le', 'lễ', 'LỄ'],
    ]);
    expect(analyze(text)).toEqual(analyze(text));
  });

  it('keeps the toned form as the exact form', () => {
    expect(analyze('Lễ hội').map((token) => token.exact)).toEqual(['lễ', 'hội']);
  });

  it('never removes Khmer combining marks', () => {
    const [token] = analyze('ថ្មី');
    expect(token?.key).toBe('ថ្មី');
  });
});

describe('indexText and tonedText', () => {
  it('joins keys by spaces', () => {
    expect(indexText('Lễ hội Ok Om Bok')).toBe('le hoi ok om bok');
  });

  it('keeps only the words written with tones', () => {
    expect(tonedText('Lễ hội Ok Om Bok')).toBe('lễ hội');
  });
});
