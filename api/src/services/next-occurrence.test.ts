import { describe, expect, it } from 'vitest';
import type { RecurringDate } from '@disan/schemas';
import { nextOccurrenceOf, todayInVietnam } from './next-occurrence.ts';

// Ok Om Bok: the full moon of Kadeuk, two days (5-6 November 2025, 24-25 November 2026; see api/src/routes/calendar).
const okOmBok: RecurringDate = { calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing', durationDays: 2 };
// Tết Nguyên Tiêu, 15th of the first Vietnamese lunar month: 3 March 2026.
const nguyenTieu: RecurringDate = { calendar: 'vietnamese-lunisolar', month: 1, day: 15 };

describe('nextOccurrenceOf', () => {
  it.each([
    ['before it', '2025-10-01', '2025-11-05', '2025-11-06'],
    ['on its second day (under way)', '2025-11-06', '2025-11-05', '2025-11-06'],
    ['the day after', '2025-11-07', '2026-11-24', '2026-11-25'],
  ])('gives Ok Om Bok %s', (_, today, start, end) => {
    expect(nextOccurrenceOf({ recurrence: [okOmBok] }, today)).toMatchObject({ start, end, firstDay: { gregorian: start } });
  });

  it('picks the earliest of several dates and describes its first day in the three calendars', () => {
    const next = nextOccurrenceOf({ recurrence: [okOmBok, nguyenTieu] }, '2025-12-01');
    expect(next).toMatchObject({ start: '2026-03-03', end: '2026-03-03', firstDay: { vietnamese: { month: 1, day: 15, leap: false } } });
    expect(nextOccurrenceOf({ recurrence: [okOmBok] }, '2025-11-01')?.firstDay.khmer.label).toBe('15 waxing Kadeuk, BE 2569');
  });

  it('is undefined without a recurrence and leaves out a date the calendars refuse', () => {
    expect(nextOccurrenceOf({}, '2025-01-01')).toBeUndefined();
    expect(nextOccurrenceOf({ recurrence: [{ calendar: 'khmer-lunisolar', month: 13, day: 1 }] }, '2025-01-01')).toBeUndefined();
  });
});

describe('todayInVietnam', () => {
  it('is already tomorrow at 17:00 UTC and still today at 16:59', () => {
    expect(todayInVietnam(new Date('2025-11-04T17:00:00Z'))).toBe('2025-11-05');
    expect(todayInVietnam(new Date('2025-11-04T16:59:59Z'))).toBe('2025-11-04');
  });
});
