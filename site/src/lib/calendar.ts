import { CALENDAR_YEARS, type DayDescription, type FestivalOccurrence } from '@disan/schemas';

/** A month of the Gregorian calendar, as the calendar page's `?month=2025-11` names it. */
export interface YearMonth {
  year: number;
  month: number;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * Today's date in Vietnam (UTC+7), where the festivals are held, so "coming next" turns at
 * midnight there, not at midnight UTC.
 * @example todayInVietnam(new Date('2025-11-04T18:00:00Z')) // '2025-11-05'
 */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The month a `?month=` value names, today's month without one, or null for anything else
 * (a malformed value or a year the calendars do not cover): the page answers 404 then.
 * @example parseMonth('2025-11', '2026-01-05') // { year: 2025, month: 11 }
 * @example parseMonth(null, '2026-01-05') // { year: 2026, month: 1 }
 * @example parseMonth('2025-13', '2026-01-05') // null
 */
export function parseMonth(value: string | null, today: string): YearMonth | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? today.slice(0, 7));
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) return null;
  return { year, month };
}

/** @example monthParam({ year: 2025, month: 3 }) // '2025-03' */
export function monthParam({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The month `delta` months away, or null past the years the calendars cover (no link then).
 * @example shiftMonth({ year: 2025, month: 12 }, 1) // { year: 2026, month: 1 }
 */
export function shiftMonth({ year, month }: YearMonth, delta: number): YearMonth | null {
  const index = year * 12 + (month - 1) + delta;
  const shifted = { year: Math.floor(index / 12), month: (index % 12) + 1 };
  return shifted.year < CALENDAR_YEARS.first || shifted.year > CALENDAR_YEARS.last ? null : shifted;
}

/**
 * A month's days as weeks from Monday to Sunday (the week as calendars in Vietnam print it),
 * with null for the cells before the first day and after the last.
 */
export function monthWeeks(days: readonly DayDescription[]): (DayDescription | null)[][] {
  const first = days[0];
  if (!first) return [];
  const lead = (first.weekday + 6) % 7;
  const cells: (DayDescription | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (DayDescription | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * The festivals under way on a day (`YYYY-MM-DD` compares as text), each record once: a record
 * dated in two calendars (Ok Om Bok by the Vietnamese and the Khmer moon) can overlap itself.
 */
export function festivalsOn(festivals: readonly FestivalOccurrence[], day: string): FestivalOccurrence[] {
  const seen = new Set<string>();
  return festivals.filter((f) => f.start <= day && day <= f.end && !seen.has(f.id) && seen.add(f.id));
}

/**
 * The first `count` festivals not yet over on `today`, in order of their first day, one
 * occurrence per record (this year's and next year's lists overlap at New Year).
 */
export function comingNext(festivals: readonly FestivalOccurrence[], today: string, count: number): FestivalOccurrence[] {
  const seen = new Set<string>();
  return festivals
    .filter((f) => f.end >= today)
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
    .filter((f) => !seen.has(`${f.id} ${f.start}`) && seen.add(`${f.id} ${f.start}`))
    .slice(0, count);
}

/** The calendar page's filters, as both the page's links and the feed's query keep them. */
export interface CalendarFilters {
  group?: string | undefined;
  province?: string | undefined;
}

/**
 * The iCalendar feed's addresses: `https:` to copy into a calendar, and `webcal:` that phones
 * and desktop calendars open as a subscription (the same address with the scheme swapped).
 * @example feedUrls('https://heritage.example', { group: 'khmer' }).webcal // 'webcal://heritage.example/api/calendar.ics?group=khmer'
 */
export function feedUrls(publicBase: string, filters: CalendarFilters): { https: string; webcal: string } {
  const url = new URL('/api/calendar.ics', publicBase);
  if (filters.group) url.searchParams.set('group', filters.group);
  if (filters.province) url.searchParams.set('province', filters.province);
  const https = url.toString();
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}
