import { describe, expect, it } from 'vitest';
import { LANGS } from './langs.ts';
import { localizedPath, langFromParam, splitLangPath } from './paths.ts';
import { languageName } from './language-name.ts';
import { pickLocalized } from './pick.ts';
import { DICTIONARIES, plural, useTranslations } from './translate.ts';
import { vi } from './vi.ts';

const referenceIds = Object.keys(vi).sort();

describe('UI dictionaries', () => {
  it.each(LANGS)('%s has exactly the ids of the Vietnamese reference', (lang) => {
    expect(Object.keys(DICTIONARIES[lang]).sort()).toEqual(referenceIds);
  });

  it.each(LANGS)('%s has no empty string', (lang) => {
    const empty = Object.entries(DICTIONARIES[lang]).filter(([, text]) => text.trim() === '').map(([id]) => id);
    expect(empty).toEqual([]);
  });

  it.each(LANGS)('%s keeps the placeholders of the reference', (lang) => {
    const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    const mismatched = referenceIds.filter(
      (id) => placeholders(DICTIONARIES[lang][id as keyof typeof vi]).join() !== placeholders(vi[id as keyof typeof vi]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders and formats numbers per locale', () => {
    expect(useTranslations('en')('search.results', { total: 12345 })).toBe('12,345 results');
    expect(useTranslations('vi')('search.results', { total: 12345 })).toBe('12.345 kết quả');
  });

  it.each([
    ['en', 1, '1 item'],
    ['en', 2, '2 items'],
    ['vi', 1, '1 mục'],
    ['zh', 3, '3 个条目'],
  ] as const)('plural(%s, %d) reads "%s"', (lang, count, expected) => {
    expect(plural(lang, 'count.items', count)).toBe(expected);
  });
});

describe('localizedPath', () => {
  it.each([
    ['vi', '/', '/'],
    ['vi', '/item/chua-doi', '/item/chua-doi'],
    ['en', '/', '/en/'],
    ['en', '/item/chua-doi', '/en/item/chua-doi'],
    ['km', 'search', '/km/search'],
    ['zh', '/collection/hoa-heritage', '/zh/collection/hoa-heritage'],
  ] as const)('(%s, %s) is %s', (lang, path, expected) => {
    expect(localizedPath(lang, path)).toBe(expected);
  });

  it.each([
    ['/', 'vi', '/'],
    ['/en', 'en', '/'],
    ['/en/', 'en', '/'],
    ['/km/item/x', 'km', '/item/x'],
    ['/vi/item/x', 'vi', '/vi/item/x'],
    ['/fr/item/x', 'vi', '/fr/item/x'],
    ['/enx/item', 'vi', '/enx/item'],
  ] as const)('splitLangPath(%s) is %s + %s', (pathname, lang, path) => {
    expect(splitLangPath(pathname)).toEqual({ lang, path });
  });

  it.each(LANGS.flatMap((lang) => ['/', '/search', '/item/a-b'].map((path) => [lang, path] as const)))('round-trips %s %s', (lang, path) => {
    expect(splitLangPath(localizedPath(lang, path))).toEqual({ lang, path });
  });

  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['zh', 'zh'],
    ['vi', null],
    ['fr', null],
    ['en/extra', null],
  ] as const)('langFromParam(%s) is %s', (param, expected) => {
    expect(langFromParam(param)).toBe(expected);
  });
});

describe('pickLocalized', () => {
  const title = [
    { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
    { lang: 'en', value: 'Ok Om Bok festival' },
    { lang: 'km-Latn', value: 'Bon Ak Ambok' },
    { lang: 'km', value: 'បុណ្យអកអំបុក' },
  ];
  it.each([
    ['vi', title, { value: 'Lễ hội Ok Om Bok', lang: 'vi', fallback: false }],
    ['en', title, { value: 'Ok Om Bok festival', lang: 'en', fallback: false }],
    ['km', title, { value: 'បុណ្យអកអំបុក', lang: 'km', fallback: false }],
    ['zh', title, { value: 'Lễ hội Ok Om Bok', lang: 'vi', fallback: true }],
    ['km', [{ lang: 'km-Latn', value: 'Sampeah' }, { lang: 'en', value: 'Moon' }], { value: 'Moon', lang: 'en', fallback: true }],
    ['zh', [{ lang: 'zh-Hant', value: '關帝廟' }, { lang: 'zh-Hans', value: '关帝庙' }], { value: '关帝庙', lang: 'zh-Hans', fallback: false }],
    ['zh', [{ lang: 'vi', value: 'Chùa' }, { lang: 'zh-Hant', value: '關帝廟' }], { value: '關帝廟', lang: 'zh-Hant', fallback: false }],
    ['en', [{ lang: 'en-GB', value: 'Colour' }], { value: 'Colour', lang: 'en-GB', fallback: false }],
    ['vi', [{ lang: 'en', value: 'Only English' }], { value: 'Only English', lang: 'en', fallback: true }],
    ['en', [{ lang: 'cjm', value: 'Katê' }], { value: 'Katê', lang: 'cjm', fallback: true }],
  ] as const)('a %s reader of %j gets %j', (lang, values, expected) => {
    expect(pickLocalized(values, lang)).toEqual(expected);
  });

  it('gives null when there is no value at all', () => {
    expect(pickLocalized([], 'vi')).toBeNull();
    expect(pickLocalized(undefined, 'en')).toBeNull();
  });
});

describe('languageName', () => {
  it.each([
    ['vi', 'vi', 'tiếng Việt'],
    ['vi', 'en', 'Vietnamese'],
    ['km', 'km', 'ខ្មែរ'],
    ['zh-Hant', 'zh', '繁体中文'],
    ['cjm', 'en', 'Cham'],
    ['cjm', 'vi', 'tiếng Chăm'],
    ['nan', 'km', 'ភាសាចិនហុកគៀន'],
    ['xyz', 'en', 'xyz'],
  ] as const)('%s in %s is %s', (tag, lang, expected) => {
    expect(languageName(tag, lang)).toBe(expected);
  });
});
