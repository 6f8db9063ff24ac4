import { describe, expect, it } from 'vitest';
import type { DayDescription } from '@disan/schemas';
import type { Lang } from '../i18n/langs.ts';
import { useTranslations } from '../i18n/translate.ts';
import { dayRangeText, fullLunarText, khmerDayText, lunarDayText, lunarYearText, monthText, weekdayNames } from './calendar-format.ts';

// 5 November 2025, Ok Om Bok: the 16th of the 9th Vietnamese lunar month of Ất Tỵ, and the
// 15th waxing day of Kadeuk, BE 2569 (the API's own test of /api/calendar gives these values).
const okOmBok: DayDescription = {
  gregorian: '2025-11-05',
  weekday: 3,
  vietnamese: { year: 2025, month: 9, day: 16, leap: false, yearName: { stem: 1, branch: 5, vi: 'Ất Tỵ' } },
  khmer: { year: 2025, month: 12, leap: false, monthName: 'kadeuk', day: 15, phase: 'waxing', buddhistEra: 2569, label: '15 waxing Kadeuk, BE 2569' },
};
// A day of a leap month: the 1st of the leap 6th month of 2025 (25 July 2025), and a waning Khmer day.
const leapDay: DayDescription = {
  ...okOmBok,
  gregorian: '2025-07-25',
  vietnamese: { ...okOmBok.vietnamese, month: 6, day: 1, leap: true },
  khmer: { ...okOmBok.khmer, month: 9, monthName: 'srap', day: 1, phase: 'waning' },
};

describe('the three calendars in the reader\'s language', () => {
  it.each([
    ['vi', '16/9 âm lịch', 'ngày 15 trăng lên, tháng Kadeuk', 'năm Ất Tỵ'],
    ['en', 'lunar 16/9', '15 waxing Kadeuk', 'year Ất Tỵ'],
    ['km', 'ចន្ទគតិវៀតណាម 16/9', '15កើត ខែកត្តិក', `ឆ្នាំ${okOmBok.vietnamese.yearName.vi}`],
    ['zh', '农历9月16日', 'Kadeuk月白分第15日', '乙巳年'],
  ] as const)('%s', (lang: Lang, lunar, khmer, year) => {
    const t = useTranslations(lang);
    expect(lunarDayText(okOmBok, t)).toBe(lunar);
    expect(khmerDayText(okOmBok, t)).toBe(khmer);
    expect(lunarYearText(okOmBok.vietnamese.yearName, lang, t)).toBe(year);
  });

  it.each([
    ['vi', '1/6 nhuận âm lịch', 'ngày 1 trăng xuống, tháng Srap'],
    ['en', 'lunar 1/6 (leap)', '1 waning Srap'],
    ['zh', '农历闰6月1日', 'Srap月黑分第1日'],
  ] as const)('marks the leap month and the waning moon in %s', (lang: Lang, lunar, khmer) => {
    const t = useTranslations(lang);
    expect(lunarDayText(leapDay, t)).toBe(lunar);
    expect(khmerDayText(leapDay, t)).toBe(khmer);
  });

  it('writes a whole day for the item page, with the Buddhist Era', () => {
    expect(fullLunarText(okOmBok, 'en', useTranslations('en'))).toBe('lunar 16/9, year Ất Tỵ · 15 waxing Kadeuk, BE 2569');
    expect(fullLunarText(okOmBok, 'km', useTranslations('km'))).toContain('ព.ស. 2569');
    expect(fullLunarText(okOmBok, 'zh', useTranslations('zh'))).toBe('农历9月16日, 乙巳年 · Kadeuk月白分第15日, 佛历2569年');
  });
});

describe('Gregorian dates', () => {
  it('gives one day or a range of days, and a month, per locale', () => {
    expect(dayRangeText('2025-11-05', '2025-11-05', 'en')).toBe('November 5, 2025');
    expect(dayRangeText('2025-11-05', '2025-11-06', 'en')).toBe('November 5\u2009–\u20096, 2025');
    expect(monthText(2025, 11, 'en')).toBe('November 2025');
    expect(monthText(2025, 11, 'vi')).toBe('tháng 11 năm 2025');
  });

  it('names the week from Monday', () => {
    expect(weekdayNames('en').map((d) => d.long)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
  });
});
