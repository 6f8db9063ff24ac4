import { describe, expect, it } from 'vitest';
import type { DayDescription, FestivalOccurrence } from '@disan/schemas';
import { comingNext, feedUrls, festivalsOn, monthWeeks, parseMonth, shiftMonth, todayInVietnam } from './calendar.ts';

/** A day with only what the grid reads filled in truthfully (the date and its weekday). */
const day = (gregorian: string): DayDescription => ({
  gregorian,
  weekday: new Date(`${gregorian}T00:00:00Z`).getUTCDay(),
  vietnamese: { year: 2025, month: 9, day: 1, leap: false, yearName: { stem: 1, branch: 5, vi: 'Ất Tỵ' } },
  khmer: { year: 2025, month: 12, leap: false, monthName: 'kadeuk', day: 1, phase: 'waxing', buddhistEra: 2569, label: '1 waxing Kadeuk, BE 2569' },
});
const festival = (id: string, start: string, end = start): FestivalOccurrence => ({ id, title: [{ lang: 'vi', value: id }], ethnicGroups: ['khmer'], provinces: ['Sóc Trăng'], start, end });
const november2025 = Array.from({ length: 30 }, (_, i) => day(`2025-11-${String(i + 1).padStart(2, '0')}`));

describe('parseMonth', () => {
  it.each([
    ['2025-11', { year: 2025, month: 11 }],
    [null, { year: 2026, month: 1 }],
    ['2025-13', null],
    ['2025-00', null],
    ['1700-01', null],
    ['2199-01', null],
    ['2025-1', null],
    ['<script>', null],
  ] as const)('%s gives %j', (value, expected) => {
    expect(parseMonth(value, '2026-01-05')).toEqual(expected);
  });
});

describe('shiftMonth', () => {
  it('crosses the year both ways and stops at the calendars\' range', () => {
    expect(shiftMonth({ year: 2025, month: 12 }, 1)).toEqual({ year: 2026, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 1801, month: 1 }, -1)).toBeNull();
    expect(shiftMonth({ year: 2198, month: 12 }, 1)).toBeNull();
  });
});

describe('monthWeeks', () => {
  it('starts weeks on Monday: November 2025 begins on a Saturday and fills five weeks', () => {
    const weeks = monthWeeks(november2025);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]!.map((d) => d?.gregorian ?? null)).toEqual([null, null, null, null, null, '2025-11-01', '2025-11-02']);
    expect(weeks[4]!.map((d) => d?.gregorian ?? null)).toEqual(['2025-11-24', '2025-11-25', '2025-11-26', '2025-11-27', '2025-11-28', '2025-11-29', '2025-11-30']);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('gives a month starting on Sunday six weeks and no days for none', () => {
    const june2025 = Array.from({ length: 30 }, (_, i) => day(`2025-06-${String(i + 1).padStart(2, '0')}`));
    expect(monthWeeks(june2025)[0]!.filter((d) => d === null)).toHaveLength(6);
    expect(monthWeeks(june2025)).toHaveLength(6);
    expect(monthWeeks([])).toEqual([]);
  });
});

describe('festivals by day', () => {
  const festivals = [festival('ok-om-bok', '2025-11-05', '2025-11-06'), festival('tet', '2026-02-17'), festival('ok-om-bok', '2026-11-24', '2026-11-25')];

  it('puts a festival of two days on both, and a record dated in two calendars once', () => {
    expect(festivalsOn(festivals, '2025-11-06').map((f) => f.id)).toEqual(['ok-om-bok']);
    expect(festivalsOn([...festivals, festival('ok-om-bok', '2025-11-04', '2025-11-06')], '2025-11-05').map((f) => f.id)).toEqual(['ok-om-bok']);
    expect(festivalsOn(festivals, '2025-11-07')).toEqual([]);
  });

  it('comes next in order from today, one under way included, without the doubles of two years\' lists', () => {
    const lists = [...festivals, festivals[1]!];
    expect(comingNext(lists, '2025-11-06', 5).map((f) => `${f.id} ${f.start}`)).toEqual(['ok-om-bok 2025-11-05', 'tet 2026-02-17', 'ok-om-bok 2026-11-24']);
    expect(comingNext(lists, '2025-11-07', 1).map((f) => f.id)).toEqual(['tet']);
  });
});

describe('feedUrls', () => {
  it('gives the https feed and its webcal twin, with the filter encoded', () => {
    expect(feedUrls('https://heritage.example', {})).toEqual({ https: 'https://heritage.example/api/calendar.ics', webcal: 'webcal://heritage.example/api/calendar.ics' });
    expect(feedUrls('http://127.0.0.1:4321', { group: 'khmer', province: 'Sóc Trăng' }).webcal).toBe('webcal://127.0.0.1:4321/api/calendar.ics?group=khmer&province=S%C3%B3c+Tr%C4%83ng');
  });
});

describe('todayInVietnam', () => {
  it('turns at midnight in Vietnam (17:00 UTC)', () => {
    expect(todayInVietnam(new Date('2025-11-04T17:00:00Z'))).toBe('2025-11-05');
    expect(todayInVietnam(new Date('2025-11-04T16:59:59Z'))).toBe('2025-11-04');
  });
});
