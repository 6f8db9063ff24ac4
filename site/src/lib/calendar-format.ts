import type { DayDescription, YearName } from '@disan/schemas';
import { HTML_LANG, type Lang } from '../i18n/langs.ts';
import type { Translate } from '../i18n/translate.ts';

// The ten heavenly stems and twelve earthly branches of the sexagenary cycle, in order from
// Giáp (甲) and Tý (子), as the API's YearName numbers them: Chinese readers read 乙巳, not "Ất Tỵ".
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/**
 * A day of the Vietnamese lunar calendar, short, in the reader's language (the leap month marked).
 * @example lunarDayText(day, t) // en: 'lunar 16/9', vi: '16/9 âm lịch', zh: '农历9月16日'
 */
export function lunarDayText(day: DayDescription, t: Translate): string {
  const { month, leap } = day.vietnamese;
  return t('calendar.lunarDay', { day: day.vietnamese.day, month: leap ? t('calendar.leapMonth', { month }) : String(month) });
}

/**
 * The lunar year's can-chi name: the Vietnamese name, or its characters for Chinese readers.
 * @example lunarYearText({ stem: 1, branch: 5, vi: 'Ất Tỵ' }, 'zh', t) // '乙巳年'
 */
export function lunarYearText(name: YearName, lang: Lang, t: Translate): string {
  return t('calendar.lunarYear', { name: lang === 'zh' ? `${STEMS[name.stem] ?? ''}${BRANCHES[name.branch] ?? ''}` : name.vi });
}

/**
 * A day of the Khmer lunar calendar, short: the day of the waxing or waning moon and the month.
 * @example khmerDayText(day, t) // en: '15 waxing Kadeuk', km: '15កើត ខែកត្តិក'
 */
export function khmerDayText(day: DayDescription, t: Translate): string {
  const { phase, monthName } = day.khmer;
  return t(`calendar.khmerDay.${phase}`, { day: day.khmer.day, month: t(`khmerMonth.${monthName}`) });
}

/**
 * A day in full in both lunisolar calendars, for the item page's next date.
 * @example fullLunarText(day, 'en', t) // 'lunar 16/9, year Ất Tỵ · 15 waxing Kadeuk, BE 2569'
 */
export function fullLunarText(day: DayDescription, lang: Lang, t: Translate): string {
  const vietnamese = `${lunarDayText(day, t)}, ${lunarYearText(day.vietnamese.yearName, lang, t)}`;
  const khmer = `${khmerDayText(day, t)}, ${t('calendar.buddhistEra', { year: String(day.khmer.buddhistEra) }) /* a year: no digit grouping (BE 2569, not 2,569) */}`;
  return `${vietnamese} · ${khmer}`;
}

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * A festival's days in the reader's language: one day, or a range.
 * @example dayRangeText('2025-11-05', '2025-11-06', 'en') // 'November 5 – 6, 2025'
 */
export function dayRangeText(start: string, end: string, lang: Lang): string {
  const format = new Intl.DateTimeFormat(HTML_LANG[lang], { dateStyle: 'long', timeZone: 'UTC' });
  return start === end ? format.format(utc(start)) : format.formatRange(utc(start), utc(end));
}

/** @example monthText(2025, 11, 'en') // 'November 2025' */
export function monthText(year: number, month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(HTML_LANG[lang], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

/** The week's days from Monday, short (column heads) and long (their `abbr`). */
export function weekdayNames(lang: Lang): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(HTML_LANG[lang], { weekday: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(HTML_LANG[lang], { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => ({ short: short.format(Date.UTC(2024, 0, 1 + i)), long: long.format(Date.UTC(2024, 0, 1 + i)) }));
}
