/**
 * Records' recurring dates laid out on the Gregorian days of a period: what the calendar
 * page and the iCalendar feed show. The records come already filtered for the viewer
 * (catalog.items.withRecurrence with a read filter): this file only computes dates.
 */
import type { FestivalOccurrence, Item } from '@disan/schemas';
import { CalendarInputError, dayNumberFromIso, gregorianFromDayNumber, type IsoDay } from './day-number.ts';
import { occurrences, OCCURRENCE_YEARS } from './occurrences.ts';

export interface FestivalPeriod {
  /** First day, inclusive. */
  from: IsoDay;
  /** Last day, inclusive. */
  to: IsoDay;
  /** Only records of this ethnic group. */
  group?: string | undefined;
  /** Only records with a place in this province. */
  province?: string | undefined;
}

const provincesOf = (item: Item): string[] => [...new Set((item.places ?? []).flatMap((p) => (p.province ? [p.province] : [])))];

/** Every occurrence of the records' recurring dates that overlaps the period, by first day then id. */
export function festivalsIn(items: readonly Item[], period: FestivalPeriod): FestivalOccurrence[] {
  const from = dayNumberFromIso(period.from);
  const to = dayNumberFromIso(period.to);
  const firstYear = Math.max(gregorianFromDayNumber(from).year - 1, OCCURRENCE_YEARS.first);
  const lastYear = Math.min(gregorianFromDayNumber(to).year, OCCURRENCE_YEARS.last);
  const found: FestivalOccurrence[] = [];
  for (const item of items) {
    if (period.group !== undefined && !item.ethnicGroups.includes(period.group as Item['ethnicGroups'][number])) continue;
    const provinces = provincesOf(item);
    if (period.province !== undefined && !provinces.includes(period.province)) continue;
    for (const recurring of item.recurrence ?? []) {
      for (let year = firstYear; year <= lastYear; year += 1) {
        for (const occurrence of occurrencesOrNone(recurring, year)) {
          if (dayNumberFromIso(occurrence.end) < from || dayNumberFromIso(occurrence.start) > to) continue;
          found.push({ id: item.id, title: item.title, ethnicGroups: item.ethnicGroups, provinces, ...occurrence });
        }
      }
    }
  }
  return found.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

/** A record whose date no calendar has (a leap month on a Khmer month other than Asadh) is left off the calendar, not an error for everyone. */
function occurrencesOrNone(recurring: Parameters<typeof occurrences>[0], year: number) {
  try {
    return occurrences(recurring, year);
  } catch (error) {
    if (error instanceof CalendarInputError) return [];
    throw error;
  }
}
