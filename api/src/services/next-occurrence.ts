import type { Item, NextOccurrence } from '@disan/schemas';
import { CalendarInputError, describeDay, nextOccurrence, type Occurrence } from '@disan/ingest/calendar';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * Today's date in Vietnam (UTC+7), where the festivals are held: at 20:00 UTC it is already
 * the next day there, and a festival that began that morning is under way, not past.
 * @example todayInVietnam(new Date('2025-11-04T18:00:00Z')) // '2025-11-05'
 */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The earliest next occurrence of any of a record's recurring dates from `today` (one under way
 * counts), with its first day in the three calendars; undefined without a recurrence. A date the
 * calendars refuse (a stored 13th Khmer month) is left out rather than failing the record's page.
 */
export function nextOccurrenceOf(item: Pick<Item, 'recurrence'>, today: string): NextOccurrence | undefined {
  let best: Occurrence | undefined;
  for (const recurring of item.recurrence ?? []) {
    let next: Occurrence | undefined;
    try {
      next = nextOccurrence(recurring, today);
    } catch (error) {
      if (error instanceof CalendarInputError) continue;
      throw error;
    }
    if (next && (best === undefined || next.start < best.start)) best = next;
  }
  return best && { start: best.start, end: best.end, firstDay: describeDay(best.start) };
}
