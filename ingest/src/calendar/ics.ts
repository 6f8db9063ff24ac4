/**
 * iCalendar feeds (RFC 5545) of festivals, for phones' calendars to subscribe to. Written
 * with ical-generator. Festivals are all-day events (DTSTART;VALUE=DATE, DTEND the day after
 * the last, as RFC 5545 counts it); an event with a moment (Khmer New Year's minute) is
 * written in UTC with a Z, never as a bare local time. UIDs are built from the record and
 * the start day, so a calendar that re-reads the feed updates events instead of doubling them.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { dayNumberFromIso, gregorianFromDayNumber } from './day-number.ts';
import type { Occurrence } from './occurrences.ts';

export interface FeedEvent {
  /** A stable id of what the event is about (a record id), part of the UID. */
  id: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  occurrence: Occurrence;
  /** A precise instant, for an event that starts at a known minute (ISO 8601 with Z). */
  at?: string;
}

export interface FeedOptions {
  name: string;
  /** The host that names the UIDs' domain, e.g. "disan.example.org". */
  domain: string;
  /** DTSTAMP of every event: the time the feed's content last changed, so the same data writes the same bytes. */
  stamp: Date;
  url?: string;
}

function dateOnly(iso: string): Date {
  const { year, month, day } = gregorianFromDayNumber(dayNumberFromIso(iso));
  return new Date(Date.UTC(year, month - 1, day));
}

function dayAfter(iso: string): Date {
  const { year, month, day } = gregorianFromDayNumber(dayNumberFromIso(iso) + 1);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The UID of one occurrence of one record's festival. */
export function eventUid(event: Pick<FeedEvent, 'id' | 'occurrence'>, domain: string): string {
  return `${encodeURIComponent(event.id)}-${event.occurrence.start}@${domain}`;
}

export function buildIcsFeed(events: readonly FeedEvent[], options: FeedOptions): string {
  const calendar = ical({ name: options.name, prodId: { company: 'Disan', product: 'festival calendar', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  if (options.url) calendar.url(options.url);
  for (const event of events) {
    const timed = event.at !== undefined;
    calendar.createEvent({
      id: eventUid(event, options.domain),
      stamp: options.stamp,
      summary: event.summary,
      ...(event.description ? { description: event.description } : {}),
      ...(event.location ? { location: event.location } : {}),
      ...(event.url ? { url: event.url } : {}),
      // A moment is an instant (no DTEND, RFC 5545 §3.6.1); festivals span whole days.
      ...(timed
        ? { start: new Date(event.at!) }
        : { allDay: true, start: dateOnly(event.occurrence.start), end: dayAfter(event.occurrence.end) }),
    });
  }
  return calendar.toString();
}
