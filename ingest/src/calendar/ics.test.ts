import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcsFeed, type FeedEvent } from './ics.ts';
import { khmerNewYear } from './khmer-new-year.ts';
import { occurrences } from './occurrences.ts';

const [okOmBok] = occurrences({ calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing', durationDays: 2 }, 2025);
const newYear = khmerNewYear(2026);
const events: FeedEvent[] = [
  { id: 'ok-om-bok', summary: 'Ok Om Bok, Sóc Trăng', description: 'Lễ hội Oóc Om Bóc · បុណ្យអកអំបុក', location: 'Sóc Trăng', occurrence: okOmBok! },
  { id: 'chol-chnam-thmay', summary: 'Khmer New Year', occurrence: { start: newYear.days[0]!, end: newYear.days.at(-1)! }, at: newYear.moment },
];
const options = { name: 'Disan festivals', domain: 'disan.example.org', stamp: new Date('2026-01-01T00:00:00Z') };

function parse(ics: string): ICAL.Event[] {
  const parsed = ICAL.parse(ics) as unknown[];
  return new ICAL.Component(parsed).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('iCalendar feed', () => {
  it('parses with ical.js and gives the same days and instants', () => {
    const [festival, moment] = parse(buildIcsFeed(events, options));
    expect(festival!.summary).toBe('Ok Om Bok, Sóc Trăng');
    expect(festival!.description).toBe('Lễ hội Oóc Om Bóc · បុណ្យអកអំបុក');
    expect(festival!.startDate.isDate).toBe(true);
    expect(festival!.startDate.toString()).toBe('2025-11-05');
    // DTEND of an all-day event is the day after the last (RFC 5545).
    expect(festival!.endDate.toString()).toBe('2025-11-07');
    expect(moment!.startDate.isDate).toBe(false);
    expect(moment!.startDate.zone.tzid).toBe('UTC');
    expect(moment!.startDate.toJSDate().toISOString()).toBe(new Date(newYear.moment).toISOString());
  });

  it('writes dates as VALUE=DATE and times in UTC, never a bare local time', () => {
    const lines = buildIcsFeed(events, options).split('\r\n');
    const times = lines.filter((l) => /^(DTSTART|DTEND)/.test(l));
    expect(times).toContain('DTSTART;VALUE=DATE:20251105');
    for (const line of times) expect(line).toMatch(/;VALUE=DATE:\d{8}$|:\d{8}T\d{6}Z$/);
  });

  it('gives each occurrence a stable UID, so subscribers update instead of doubling', () => {
    const first = parse(buildIcsFeed(events, options)).map((e) => e.uid);
    const again = parse(buildIcsFeed([...events].reverse(), options)).map((e) => e.uid);
    expect(first).toEqual(['ok-om-bok-2025-11-05@disan.example.org', 'chol-chnam-thmay-2026-04-14@disan.example.org']);
    expect(new Set(again)).toEqual(new Set(first));
    expect(buildIcsFeed(events, options)).toBe(buildIcsFeed(events, options));
  });
});
