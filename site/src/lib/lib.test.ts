import { describe, expect, it } from 'vitest';
import { useTranslations } from '../i18n/translate.ts';
import { formatDuration, formatEdtf, formatNumber, formatRecurrence } from './format.ts';
import { itemJsonLd, jsonForScript } from './jsonld.ts';
import { kindLabel, peopleName } from './labels.ts';
import { pageUrls } from './seo.ts';
import { responsiveImage, shareImage } from './srcset.ts';
import { item } from './item.fixture.ts';
import { guessTextLang } from './text-lang.ts';

const webp = (width: number, height = Math.round((width * 2) / 3)) => ({ name: `webp-${width}`, url: `/api/media/m1/webp-${width}`, mimeType: 'image/webp', width, height });
const avif = { name: 'avif-480', url: '/api/media/m1/avif-480', mimeType: 'image/avif', width: 480, height: 320 };
const thumb = { name: 'thumb', url: '/api/media/m1/thumb', mimeType: 'image/jpeg', width: 320, height: 213 };

describe('responsiveImage', () => {
  it.each([
    ['three WebP sizes, unsorted', [webp(2048), webp(480), avif, webp(1024), thumb], { src: '/api/media/m1/webp-1024', srcset: '/api/media/m1/webp-480 480w, /api/media/m1/webp-1024 1024w, /api/media/m1/webp-2048 2048w', width: 1024, height: 683 }],
    ['a small original: one size only', [webp(300, 200), thumb], { src: '/api/media/m1/webp-300', srcset: '/api/media/m1/webp-300 300w', width: 300, height: 200 }],
    ['two renditions of the same width (small original)', [webp(300, 200), { ...webp(300, 200), name: 'webp-1024', url: '/x' }], { src: '/api/media/m1/webp-300', srcset: '/api/media/m1/webp-300 300w', width: 300, height: 200 }],
    ['no WebP at all', [thumb, avif], null],
    ['renditions without sizes', [{ name: 'webp-480', url: '/u', mimeType: 'image/webp' }], null],
  ])('%s', (_name, renditions, expected) => {
    expect(responsiveImage(renditions)).toEqual(expected);
  });

  it('picks the largest shareable image up to the limit', () => {
    expect(shareImage([webp(480), webp(1024), webp(2048), thumb])?.name).toBe('webp-1024');
    expect(shareImage([avif])).toBeNull();
  });
});

describe('formatting per locale', () => {
  it.each([
    ['2023-11-26', 'en', 'November 26, 2023'],
    ['2023-11-26', 'vi', '26 tháng 11, 2023'],
    ['1930', 'en', '1930'],
    ['1930~', 'en', 'about 1930'],
    ['1930?', 'vi', '1930 (chưa chắc chắn)'],
    ['1920/1930', 'en', '1920 – 1930'],
    ['1920/..', 'en', '1920 – unknown'],
    ['19XX', 'en', '19XX'],
    ['2023-04', 'zh', '2023年4月'],
  ] as const)('EDTF %s in %s reads "%s"', (edtf, lang, expected) => {
    expect(formatEdtf(edtf, lang, useTranslations(lang))).toBe(expected);
  });

  it.each([
    ['en', { calendar: 'vietnamese-lunisolar', month: 10, day: 15, durationDays: 3 }, 'day 15 of month 10 (Vietnamese lunar calendar), for 3 days'],
    ['km', { calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing' }, '15 កើត ខែទី 12 (ចន្ទគតិខ្មែរ)'],
  ] as const)('a %s recurrence reads right', (lang, recurrence, expected) => {
    expect(formatRecurrence(recurrence, useTranslations(lang))).toBe(expected);
  });

  it.each([
    [12345, 'vi', '12.345'],
    [12345, 'en', '12,345'],
    [12345, 'zh', '12,345'],
  ] as const)('%d in %s is %s', (n, lang, expected) => {
    expect(formatNumber(n, lang)).toBe(expected);
  });

  it.each([
    [5, '0:05'],
    [65, '1:05'],
    [3725, '1:02:05'],
  ])('%d s lasts %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('labels', () => {
  it.each([
    ['khmer', 'km', { value: 'ខ្មែរ', lang: 'km', fallback: false }],
    ['hoa', 'zh', { value: '华族', lang: 'zh-Hans', fallback: false }],
    ['tay', 'vi', { value: 'Tày', lang: 'vi', fallback: false }],
    ['tay', 'en', { value: 'Tay', lang: 'en', fallback: false }],
    ['tay', 'zh', { value: 'Tay', lang: 'en', fallback: true }],
  ] as const)('people %s for a %s reader', (code, lang, expected) => {
    expect(peopleName(code, lang, useTranslations(lang))).toEqual(expected);
  });

  it('names kinds and leaves unknown ones as written', () => {
    expect(kindLabel('festival', useTranslations('en'))).toBe('Festivals');
    expect(kindLabel('spaceship', useTranslations('en'))).toBe('spaceship');
  });
});

describe('pageUrls', () => {
  it('gives the canonical URL and an alternate per language plus x-default', () => {
    const urls = pageUrls('https://disan.example.org/', 'km', '/item/chua-doi');
    expect(urls.canonical).toBe('https://disan.example.org/km/item/chua-doi');
    expect(urls.alternates).toEqual([
      { hreflang: 'vi', href: 'https://disan.example.org/item/chua-doi' },
      { hreflang: 'en', href: 'https://disan.example.org/en/item/chua-doi' },
      { hreflang: 'km', href: 'https://disan.example.org/km/item/chua-doi' },
      { hreflang: 'zh-Hans', href: 'https://disan.example.org/zh/item/chua-doi' },
      { hreflang: 'x-default', href: 'https://disan.example.org/item/chua-doi' },
    ]);
  });
});

describe('jsonForScript', () => {
  const doc = itemJsonLd(item, { base: 'https://d.org', pageUrl: 'https://d.org/item/ok-om-bok', images: ['/api/media/m1/webp-1024'] });

  it('serialises so that archive text cannot close the script element', () => {
    const json = jsonForScript(doc);
    expect(json).not.toMatch(/<|>/);
    expect(JSON.parse(json)).toEqual(doc);
  });
});

describe('guessTextLang', () => {
  it.each([
    ['Offerings to the Moon', { plainLatin: 'en' }, 'en'],
    ['Video of the ngo boat race (95 s). Generated test video, not a recording.', { plainLatin: 'en' }, 'en'],
    ['Lễ cúng trăng ở Sóc Trăng', {}, 'vi'],
    ['Đua ghe ngo', { plainLatin: 'en' }, 'vi'],
    ['បុណ្យអកអំបុក', {}, 'km'],
    ['廣肇會館', {}, 'zh'],
    ['Sok Chea', {}, undefined],
    ['1923', { plainLatin: 'en' }, undefined],
  ])('%s → %s', (text, options, expected) => {
    expect(guessTextLang(text, options)).toBe(expected);
  });
});
