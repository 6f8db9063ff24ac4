import { describe, expect, it } from 'vitest';
import { findName, suggestElementsFor, suggestRecordsFor } from './suggest.ts';

const okOmBok = { id: 'ok-om-bok', kind: 'element' as const, title: [{ lang: 'vi', value: 'Lễ hội Oóc Om Bóc' }], alternativeNames: [{ lang: 'km', value: 'អកអំបុក', type: 'native' as const }, { lang: 'km-Latn', value: 'Ok Om Bok', type: 'romanisation' as const }] };
const chol = { id: 'chol-chnam-thmay', kind: 'element' as const, title: [{ lang: 'vi', value: 'Tết Chôl Chnăm Thmây' }] };
const film = {
  id: 'film-1',
  kind: 'recording' as const,
  title: [{ lang: 'vi', value: 'Đua ghe ngo trên sông Maspero' }],
  description: [{ lang: 'vi', value: 'Phim ghi lại đêm cúng trăng của lễ hội oóc om bóc năm 2023 ở Sóc Trăng.' }],
  elements: ['ok-om-bok'],
};

describe('findName', () => {
  it('finds a name whatever its tones and case', () => {
    expect(findName('Lễ hội Oóc Om Bóc', 'Đêm LỄ HỘI OÓC OM BÓC ở Sóc Trăng')?.matched).toBe('LỄ HỘI OÓC OM BÓC');
  });
  it('finds a Khmer name inside Khmer text', () => {
    expect(findName('អកអំបុក', 'ពិធីបុណ្យអកអំបុកនៅខេត្តឃ្លាំង')?.matched).toBe('អកអំបុក');
  });
  it('needs the words in order and whole', () => {
    expect(findName('Ok Om Bok', 'bok om ok')).toBeNull();
    expect(findName('Om Bok', 'Ombok')).toBeNull();
  });
  it('ignores a one-word Latin name, which would match everywhere', () => {
    expect(findName('Chol', 'Chol')).toBeNull();
  });
});

describe('suggestions', () => {
  it('suggests the elements a record names, marking those already linked', () => {
    const suggestions = suggestElementsFor(film, [okOmBok, chol]);
    expect(suggestions.map((s) => [s.id, s.alreadyLinked])).toEqual([['ok-om-bok', true]]);
    expect(suggestions[0]!.excerpt).toContain('lễ hội oóc om bóc');
  });
  it('suggests the records that name an element', () => {
    expect(suggestRecordsFor(chol, [film])).toEqual([]);
    expect(suggestRecordsFor(okOmBok, [film]).map((s) => s.id)).toEqual(['film-1']);
  });
});
