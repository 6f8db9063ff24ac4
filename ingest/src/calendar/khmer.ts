/**
 * The Khmer lunisolar calendar (ចន្ទគតិ, Chhankitek reckoning) ↔ Gregorian days.
 *
 * A Khmer lunar year here runs from 1 waxing Boss to the last day of Migasir and is named by
 * the Gregorian year in which its month Jesth falls; its length (354, 355 or 384 days) comes
 * from khmer-leap.ts. Months alternate 29 and 30 days from Migasir (29); Jesth takes 30 in a
 * leap-day year; a leap-month year has Pathamasadh and Tutiyasadh (30 days each) instead of
 * Asadh. The count is anchored on 1 January 1900 = 1 waxing Boss, the epoch of Roath Kim
 * Soeun's tables (as in @thyrith/momentkh). Days are written 1–15 waxing (កើត) and 1–15
 * waning (រោច); a 29-day month ends on 14 waning.
 *
 * Months are numbered as the archive's records number them, from Migasir = 1 to Kadeuk = 12
 * (Ok Om Bok: 15 waxing of month 12). In a leap-month year, month 8 is Tutiyasadh (the
 * second Asadh, where Asadh's observances such as the start of the rains retreat are held)
 * and month 8 with `leap` is Pathamasadh, the inserted month.
 */
import type { KHMER_MONTH_NAMES } from '@disan/schemas';
import { CalendarInputError, dayNumberFromGregorian, gregorianFromDayNumber } from './day-number.ts';
import { khmerYearKind, type KhmerYearKind } from './khmer-leap.ts';

export const KHMER_MONTHS = [
  'migasir', 'boss', 'meak', 'phalkun', 'chaet', 'pisak', 'jesth', 'asadh', 'srap', 'photrobot', 'assoch', 'kadeuk',
] as const;
/** Month names, with the two months of a leap year's doubled Asadh. */
export type KhmerMonthName = (typeof KHMER_MONTH_NAMES)[number];

export type MoonPhase = 'waxing' | 'waning';

/** Romanised month names, as Cambodian calendars in English print them. */
export const KHMER_MONTH_LABELS: Record<KhmerMonthName, string> = {
  migasir: 'Migasir', boss: 'Boss', meak: 'Meak', phalkun: 'Phalkun', chaet: 'Chaet', pisak: 'Pisak', jesth: 'Jesth',
  asadh: 'Asadh', pathamasadh: 'Pathamasadh', tutiyasadh: 'Tutiyasadh', srap: 'Srap', photrobot: 'Photrobot',
  assoch: 'Assoch', kadeuk: 'Kadeuk',
};

export interface KhmerDate {
  /** The Gregorian year in which this Khmer lunar year's Jesth falls. */
  year: number;
  /** 1 = Migasir … 12 = Kadeuk. */
  month: number;
  /** Pathamasadh, the first of a leap year's two months Asadh (month 8). */
  leap: boolean;
  /** 1–30, counted from 1 waxing. */
  day: number;
}

export const KHMER_YEARS = { first: 1800, last: 2199 } as const;

/** The Buddhist Era year whose Jesth falls in Gregorian year `year`. */
export const BE_OFFSET = 544;
const EPOCH = { year: 1900, day: dayNumberFromGregorian({ year: 1900, month: 1, day: 1 }) };
const YEAR_LENGTH: Record<KhmerYearKind, number> = { regular: 354, 'leap-day': 355, 'leap-month': 384 };

interface KhmerMonth {
  month: number;
  leap: boolean;
  name: KhmerMonthName;
  length: number;
}

/** The months of Khmer year `year`, in order from Boss. */
export function khmerMonthsOf(year: number): KhmerMonth[] {
  const kind = khmerYearKind(year + BE_OFFSET);
  const months: KhmerMonth[] = [];
  for (const month of [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1]) {
    const name = KHMER_MONTHS[month - 1]!;
    if (month === 8 && kind === 'leap-month') {
      months.push({ month, leap: true, name: 'pathamasadh', length: 30 }, { month, leap: false, name: 'tutiyasadh', length: 30 });
      continue;
    }
    const length = month === 7 && kind === 'leap-day' ? 30 : month % 2 === 0 ? 30 : 29;
    months.push({ month, leap: false, name, length });
  }
  return months;
}

/** First days (JDN) of Khmer years KHMER_YEARS.first - 1 … last + 1, indexed from first - 1. */
const yearStarts: number[] = (() => {
  const first = KHMER_YEARS.first - 1;
  const starts = new Array<number>(KHMER_YEARS.last + 2 - first + 1);
  starts[EPOCH.year - first] = EPOCH.day;
  for (let year = EPOCH.year + 1; year <= KHMER_YEARS.last + 1; year += 1) {
    starts[year - first] = starts[year - 1 - first]! + YEAR_LENGTH[khmerYearKind(year - 1 + BE_OFFSET)];
  }
  for (let year = EPOCH.year - 1; year >= first; year -= 1) {
    starts[year - first] = starts[year + 1 - first]! - YEAR_LENGTH[khmerYearKind(year + BE_OFFSET)];
  }
  return starts;
})();

function yearStart(year: number): number {
  if (!Number.isInteger(year) || year < KHMER_YEARS.first - 1 || year > KHMER_YEARS.last + 1) {
    throw new CalendarInputError(`year ${year} is outside ${KHMER_YEARS.first}–${KHMER_YEARS.last}, the range the Khmer calendar is computed for`);
  }
  return yearStarts[year - KHMER_YEARS.first + 1]!;
}

/** The Khmer date of the Gregorian day with Julian day number `jdn`. */
export function khmerFromDayNumber(jdn: number): KhmerDate {
  let year = gregorianFromDayNumber(jdn).year + 1;
  while (yearStart(year) > jdn) year -= 1;
  let day = jdn - yearStart(year);
  for (const month of khmerMonthsOf(year)) {
    if (day < month.length) return { year, month: month.month, leap: month.leap, day: day + 1 };
    day -= month.length;
  }
  throw new Error(`Khmer year ${year} is shorter than its months: the year table is inconsistent`);
}

/** The first day (JDN) and length of a Khmer month; asking for Pathamasadh in a year without one is an error. */
export function khmerMonthStart(year: number, month: number, leap: boolean): { start: number; length: number; name: KhmerMonthName } {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new CalendarInputError(`Khmer month ${month} is not between 1 (Migasir) and 12 (Kadeuk)`);
  let start = yearStart(year);
  for (const m of khmerMonthsOf(year)) {
    if (m.month === month && m.leap === leap) return { start, length: m.length, name: m.name };
    start += m.length;
  }
  throw new CalendarInputError(month === 8
    ? `Khmer year ${year} (BE ${year + BE_OFFSET}) has no leap month: Asadh is not doubled that year`
    : `only Asadh (month 8) can be a leap month in the Khmer calendar, not month ${month}`);
}

/** The Julian day number of a Khmer date; a day past the month's end is refused. */
export function dayNumberFromKhmer(date: KhmerDate): number {
  const { start, length, name } = khmerMonthStart(date.year, date.month, date.leap);
  if (!Number.isInteger(date.day) || date.day < 1 || date.day > length) {
    throw new CalendarInputError(`day ${date.day} does not exist in ${KHMER_MONTH_LABELS[name]} of Khmer year ${date.year}, which has ${length} days`);
  }
  return start + date.day - 1;
}

/** Day 1–30 of a month from a count within a moon phase: 8 waning is day 23. */
export function dayOfMonth(day: number, phase: MoonPhase | undefined): number {
  if (phase === undefined) return day;
  if (!Number.isInteger(day) || day < 1 || day > 15) throw new CalendarInputError(`a ${phase} day is counted 1–15, not ${day}`);
  return phase === 'waxing' ? day : day + 15;
}

/** The moon-phase reckoning of day 1–30: day 23 is 8 waning. */
export function phaseOfDay(day: number): { day: number; phase: MoonPhase } {
  return day <= 15 ? { day, phase: 'waxing' } : { day: day - 15, phase: 'waning' };
}

/** The name of the month a Khmer date is in. */
export function khmerMonthName(date: Pick<KhmerDate, 'year' | 'month' | 'leap'>): KhmerMonthName {
  return khmerMonthStart(date.year, date.month, date.leap).name;
}

/**
 * The Buddhist Era year of a Khmer date: it turns on 1 waning Pisak, the day after Visakha
 * Bochea (the Ministry of Cults and Religion's rule, as momentkh documents it).
 */
export function buddhistEraOf(date: KhmerDate): number {
  const beforeNewEra = (date.month >= 2 && date.month <= 5) || (date.month === 6 && date.day <= 15);
  return date.year + BE_OFFSET - (beforeNewEra ? 1 : 0);
}
