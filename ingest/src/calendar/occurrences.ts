/**
 * Recurring dates (`item.recurrence`) turned into Gregorian days.
 *
 * Rules for dates a year lacks, chosen so that a festival is never silently dropped:
 * - A leap-month date (`leapMonth: true`) is held in the leap month when the lunar year has
 *   that leap month, and otherwise in the regular month of the same number (most years have
 *   no leap month; a festival of the leap month is then kept in the ordinary one).
 *   In the Khmer calendar only Asadh (month 8) can be doubled: `leapMonth` on another month
 *   is an error.
 * - A day the month does not have (day 30 of a 29-day lunar month, 15 waning of a 29-day
 *   Khmer month, 29 February in a common year) falls on the month's last day, as the
 *   "30 Tết" rites move to the 29th when the twelfth month is short.
 * Lunar dates can fall twice in one Gregorian year or not at all: `occurrences` returns every
 * one that starts in that year, in order.
 */
import type { RecurringDate } from '@disan/schemas';
import { CalendarInputError, dayNumberFromGregorian, dayNumberFromIso, gregorianFromDayNumber, isoFromDayNumber, type IsoDay } from './day-number.ts';
import { dayOfMonth, KHMER_YEARS, khmerMonthStart } from './khmer.ts';
import { chineseCalendar, LUNISOLAR_YEARS, vietnameseCalendar, type LunisolarCalendar } from './lunisolar.ts';

export interface Occurrence {
  /** First day, `YYYY-MM-DD`. */
  start: IsoDay;
  /** Last day (inclusive): `start` plus `durationDays` - 1. */
  end: IsoDay;
}

/** The Gregorian years the three calendars are all computed for (a year's neighbours are needed too). */
export const OCCURRENCE_YEARS = {
  first: Math.max(LUNISOLAR_YEARS.first, KHMER_YEARS.first) + 1,
  last: Math.min(LUNISOLAR_YEARS.last, KHMER_YEARS.last) - 1,
} as const;

function lunisolarStart(calendar: LunisolarCalendar, recurring: RecurringDate, lunarYear: number): number {
  const leap = recurring.leapMonth === true && calendar.leapMonth(lunarYear) === recurring.month;
  const { start, length } = calendar.monthOf(lunarYear, recurring.month, leap);
  return start + Math.min(dayOfMonth(recurring.day, recurring.phase), length) - 1;
}

function khmerStart(recurring: RecurringDate, khmerYear: number): number {
  if (recurring.leapMonth === true && recurring.month !== 8) {
    throw new CalendarInputError(`only Asadh (month 8) can be a leap month in the Khmer calendar, not month ${recurring.month}`);
  }
  let month;
  try {
    month = khmerMonthStart(khmerYear, recurring.month, recurring.leapMonth === true);
  } catch (error) {
    if (!(error instanceof CalendarInputError) || recurring.leapMonth !== true) throw error;
    month = khmerMonthStart(khmerYear, recurring.month, false);
  }
  return month.start + Math.min(dayOfMonth(recurring.day, recurring.phase), month.length) - 1;
}

function gregorianStart(recurring: RecurringDate, year: number): number {
  const firstOfNext = dayNumberFromGregorian({ year: recurring.month === 12 ? year + 1 : year, month: recurring.month === 12 ? 1 : recurring.month + 1, day: 1 });
  const first = dayNumberFromGregorian({ year, month: recurring.month, day: 1 });
  return first + Math.min(recurring.day, firstOfNext - first) - 1;
}

function startIn(recurring: RecurringDate, year: number): number {
  switch (recurring.calendar) {
    case 'gregorian': return gregorianStart(recurring, year);
    case 'vietnamese-lunisolar': return lunisolarStart(vietnameseCalendar, recurring, year);
    case 'chinese-lunisolar': return lunisolarStart(chineseCalendar, recurring, year);
    case 'khmer-lunisolar': return khmerStart(recurring, year);
  }
}

function assertRecurring(recurring: RecurringDate): void {
  if (!Number.isInteger(recurring.month) || recurring.month < 1 || recurring.month > 12) {
    throw new CalendarInputError(`month ${recurring.month} is not between 1 and 12 (a leap month is written with leapMonth: true)`);
  }
  const maxDay = recurring.phase ? 15 : recurring.calendar === 'gregorian' ? 31 : 30;
  if (!Number.isInteger(recurring.day) || recurring.day < 1 || recurring.day > maxDay) {
    throw new CalendarInputError(`day ${recurring.day} is not between 1 and ${maxDay}${recurring.phase ? ` (${recurring.phase} days are counted 1–15)` : ''}`);
  }
  if (recurring.durationDays !== undefined && (!Number.isInteger(recurring.durationDays) || recurring.durationDays < 1)) {
    throw new CalendarInputError(`durationDays must be a whole number of days, at least 1, not ${recurring.durationDays}`);
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < OCCURRENCE_YEARS.first || year > OCCURRENCE_YEARS.last) {
    throw new CalendarInputError(`year ${year} is outside ${OCCURRENCE_YEARS.first}–${OCCURRENCE_YEARS.last}, the years the calendars are computed for`);
  }
}

function occurrenceFrom(start: number, recurring: RecurringDate): Occurrence {
  return { start: isoFromDayNumber(start), end: isoFromDayNumber(start + (recurring.durationDays ?? 1) - 1) };
}

/** The start days (JDN) of `recurring` that begin in Gregorian year `year`, in order. */
function startsIn(recurring: RecurringDate, year: number): number[] {
  // A lunar year straddles two Gregorian ones: the date can come from either neighbour.
  const candidates = recurring.calendar === 'gregorian' ? [year] : [year - 1, year, year + 1];
  return candidates.map((y) => startIn(recurring, y)).filter((jdn) => gregorianFromDayNumber(jdn).year === year).sort((a, b) => a - b);
}

/** Every occurrence of `recurring` that starts in Gregorian year `year` (none, one or two). */
export function occurrences(recurring: RecurringDate, year: number): Occurrence[] {
  assertRecurring(recurring);
  assertYear(year);
  return startsIn(recurring, year).map((start) => occurrenceFrom(start, recurring));
}

/** The first occurrence not yet over on day `from` (one under way counts), or undefined past the computed range. */
export function nextOccurrence(recurring: RecurringDate, from: IsoDay): Occurrence | undefined {
  assertRecurring(recurring);
  const day = dayNumberFromIso(from);
  const duration = recurring.durationDays ?? 1;
  const year = gregorianFromDayNumber(day).year;
  assertYear(year);
  // Begin a year early: a festival of several days that started last December may still be on.
  for (let y = Math.max(year - 1, OCCURRENCE_YEARS.first); y <= Math.min(year + 2, OCCURRENCE_YEARS.last); y += 1) {
    const start = startsIn(recurring, y).find((s) => s + duration - 1 >= day);
    if (start !== undefined) return occurrenceFrom(start, recurring);
  }
  return undefined;
}
