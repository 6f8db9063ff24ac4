import { CALENDAR_YEARS, type RecurringDate } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { nextOccurrence, OCCURRENCE_YEARS, occurrences } from './occurrences.ts';
import { describeDay, lunarYearName } from './describe.ts';

const okOmBok: RecurringDate = { calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing' };
const seneDolta: RecurringDate = { calendar: 'khmer-lunisolar', month: 10, day: 15, phase: 'waning' };
const tet: RecurringDate = { calendar: 'vietnamese-lunisolar', month: 1, day: 1, durationDays: 3 };

describe('occurrences of a recurring date in a Gregorian year', () => {
  it.each<[string, RecurringDate, number, { start: string; end: string }[]]>([
    ['Tết, three days', tet, 2026, [{ start: '2026-02-17', end: '2026-02-19' }]],
    ['Ok Om Bok (full moon of Kadeuk)', okOmBok, 2025, [{ start: '2025-11-05', end: '2025-11-05' }]],
    ['Sene Dolta (15 waning Photrobot)', seneDolta, 2025, [{ start: '2025-09-22', end: '2025-09-22' }]],
    ['the Chinese New Year, a day after Tết in 2030', { calendar: 'chinese-lunisolar', month: 1, day: 1 }, 2030, [{ start: '2030-02-03', end: '2030-02-03' }]],
    ['a Gregorian date', { calendar: 'gregorian', month: 4, day: 30, durationDays: 2 }, 2026, [{ start: '2026-04-30', end: '2026-05-01' }]],
    // Lunar month 11 began on 1 December 2024 and on 20 December 2025: its 20th falls in neither 2025 month.
    ['a lunar date that misses a year', { calendar: 'vietnamese-lunisolar', month: 11, day: 20 }, 2025, []],
    // Lunar month 12 began on 11 January 2024 and again on 31 December 2024, and not in 2025.
    ['a lunar date twice in one year', { calendar: 'vietnamese-lunisolar', month: 12, day: 1 }, 2024, [{ start: '2024-01-11', end: '2024-01-11' }, { start: '2024-12-31', end: '2024-12-31' }]],
    ['the same date missing the next year', { calendar: 'vietnamese-lunisolar', month: 12, day: 1 }, 2025, []],
    ['a leap-month date in its leap year', { calendar: 'vietnamese-lunisolar', month: 6, day: 15, leapMonth: true }, 2025, [{ start: '2025-08-08', end: '2025-08-08' }]],
    ['a leap-month date in a year without that leap month: the regular month', { calendar: 'vietnamese-lunisolar', month: 6, day: 15, leapMonth: true }, 2026, [{ start: '2026-07-28', end: '2026-07-28' }]],
    ['day 30 of a 29-day month: its last day', { calendar: 'vietnamese-lunisolar', month: 12, day: 30 }, 2025, [{ start: '2025-01-28', end: '2025-01-28' }]],
    ['29 February in a common year: 28 February', { calendar: 'gregorian', month: 2, day: 29 }, 2025, [{ start: '2025-02-28', end: '2025-02-28' }]],
  ])('%s', (_, recurring, year, expected) => {
    expect(occurrences(recurring, year)).toEqual(expected);
  });

  it('keeps Khmer festivals of Asadh in Tutiyasadh, and Pathamasadh only in leap-month years', () => {
    // 2026 (BE 2570) doubles Asadh (momentkh agrees); 2025 does not.
    const asadhFullMoon: RecurringDate = { calendar: 'khmer-lunisolar', month: 8, day: 15, phase: 'waxing' };
    const [second] = occurrences(asadhFullMoon, 2026);
    const [first] = occurrences({ ...asadhFullMoon, leapMonth: true }, 2026);
    expect(Date.parse(second!.start) - Date.parse(first!.start)).toBe(30 * 86_400_000);
    expect(occurrences({ ...asadhFullMoon, leapMonth: true }, 2025)).toEqual(occurrences(asadhFullMoon, 2025));
  });

  it('refuses dates no calendar has, saying why', () => {
    expect(() => occurrences({ calendar: 'khmer-lunisolar', month: 3, day: 1, leapMonth: true }, 2026)).toThrow('only Asadh (month 8)');
    expect(() => occurrences({ calendar: 'khmer-lunisolar', month: 12, day: 16, phase: 'waxing' }, 2026)).toThrow('waxing days are counted 1–15');
    expect(() => occurrences({ calendar: 'vietnamese-lunisolar', month: 13, day: 1 }, 2026)).toThrow('leapMonth: true');
    expect(() => occurrences(tet, 1700)).toThrow('outside 1801–2198');
  });

  it('covers the years the API accepts', () => {
    expect(OCCURRENCE_YEARS).toEqual(CALENDAR_YEARS);
  });
});

describe('next occurrence', () => {
  it('finds the coming one, counting one under way', () => {
    expect(nextOccurrence(okOmBok, '2026-12-03')).toEqual({ start: '2027-11-13', end: '2027-11-13' });
    expect(nextOccurrence(tet, '2026-02-18')).toEqual({ start: '2026-02-17', end: '2026-02-19' });
    expect(nextOccurrence(tet, '2026-02-20')).toEqual({ start: '2027-02-06', end: '2027-02-08' });
    expect(nextOccurrence({ ...tet, durationDays: 30 }, '2026-01-05')).toEqual({ start: '2026-02-17', end: '2026-03-18' });
  });

  it('refuses a day that is not one', () => {
    expect(() => nextOccurrence(tet, '2026-02-30')).toThrow('not a day of the Gregorian calendar');
    expect(() => nextOccurrence(tet, 'tomorrow')).toThrow('YYYY-MM-DD');
  });
});

describe('a day in three calendars', () => {
  it('describes 29 October 2025', () => {
    expect(describeDay('2025-10-29')).toEqual({
      gregorian: '2025-10-29',
      weekday: 3,
      vietnamese: { year: 2025, month: 9, day: 9, leap: false, yearName: { stem: 1, branch: 5, vi: 'Ất Tỵ' } },
      khmer: { year: 2025, month: 12, leap: false, monthName: 'kadeuk', day: 8, phase: 'waxing', buddhistEra: 2569, label: '8 waxing Kadeuk, BE 2569' },
    });
  });

  it('names lunar years in the sexagenary cycle', () => {
    expect([1984, 2024, 2026, 1968].map((y) => lunarYearName(y).vi)).toEqual(['Giáp Tý', 'Giáp Thìn', 'Bính Ngọ', 'Mậu Thân']);
  });
});
