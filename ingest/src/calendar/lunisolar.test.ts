import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CalendarInputError, dayNumberFromIso, isoFromDayNumber } from './day-number.ts';
import { chineseCalendar, vietnameseCalendar } from './lunisolar.ts';

// vietnamese-lunar-calendar (ISC, npm): an independent port of Hồ Ngọc Đức's code, the reference.
interface ReferenceLunar { date: number; month: number; year: number; isLeap: boolean }
const reference = createRequire(import.meta.url)('vietnamese-lunar-calendar/build/solar-lunar/index.js') as {
  convertSolar2Lunar(dd: number, mm: number, yy: number, zone: number): ReferenceLunar;
  /** A Date at local midnight of the Gregorian day. */
  convertLunar2Solar(day: number, month: number, year: number, leap: number, zone: number): Date;
};

const tet = (year: number) => isoFromDayNumber(vietnameseCalendar.toDayNumber({ year, month: 1, day: 1, leap: false }));
const lunar = (iso: string) => vietnameseCalendar.fromDayNumber(dayNumberFromIso(iso));

describe('Vietnamese lunisolar calendar', () => {
  it('puts Tết on the reference implementation\'s day for every year 1900–2100', () => {
    for (let year = 1900; year <= 2100; year += 1) {
      const day = reference.convertLunar2Solar(1, 1, year, 0, 7);
      expect(tet(year), `Tết ${year}`).toBe(`${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`);
    }
  });

  it('agrees with the reference on every day 1900–2100, and converts each back to itself', () => {
    // The reference (like Hồ Ngọc Đức's original code) answers "day 0" on two days where a
    // month's 30th falls on the day before the next new moon's day; they are checked below.
    const referenceDayZero = new Set(['2054-05-07', '2062-04-09']);
    const disagreements: string[] = [];
    for (let jdn = dayNumberFromIso('1900-01-01'); jdn <= dayNumberFromIso('2100-12-31'); jdn += 1) {
      const iso = isoFromDayNumber(jdn);
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const mine = vietnameseCalendar.fromDayNumber(jdn);
      const theirs = reference.convertSolar2Lunar(d, m, y, 7);
      const same = theirs.date === mine.day && theirs.month === mine.month && theirs.year === mine.year && theirs.isLeap === mine.leap;
      if (!same && !referenceDayZero.has(iso)) disagreements.push(iso);
      if (vietnameseCalendar.toDayNumber(mine) !== jdn) disagreements.push(`${iso} back`);
    }
    expect(disagreements).toEqual([]);
    expect(lunar('2054-05-07')).toEqual({ year: 2054, month: 3, day: 30, leap: false });
    expect(lunar('2054-05-08')).toEqual({ year: 2054, month: 4, day: 1, leap: false });
    expect(lunar('2062-04-09')).toEqual({ year: 2062, month: 2, day: 30, leap: false });
  });

  // Published Tết dates. 2024–2026: Vietnam's Tết holidays as announced by the Ministry of Labour,
  // Invalids and Social Affairs; 1968: Tết Mậu Thân, 29 January in the North (UTC+7 since
  // 8 August 1967), 30 January in the South (still UTC+8), https://en.wikipedia.org/wiki/Vietnamese_calendar.
  it.each([
    [1968, '1968-01-29'], [1985, '1985-01-21'], [2007, '2007-02-17'], [2024, '2024-02-10'], [2025, '2025-01-29'], [2026, '2026-02-17'], [2030, '2030-02-02'], [2053, '2053-02-18'],
  ])('Tết %i is %s', (year, day) => {
    expect(tet(year)).toBe(day);
  });

  // Years when Vietnam's Tết is not China's, from the hour between UTC+7 and UTC+8:
  // 1985 (21 January against 20 February: month 11 of 1984 differs, https://en.wikipedia.org/wiki/Vietnamese_calendar),
  // 2007, 2030 and 2053 (a day earlier; Vietnam's National Calendar Department, reported at
  // https://viet-jo.com/news/life/060706102756.html, 6 July 2006, which also names 1968 and 1969).
  it.each([
    [1968, '1968-01-29', '1968-01-30'], [1969, '1969-02-16', '1969-02-17'], [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'], [2030, '2030-02-02', '2030-02-03'], [2053, '2053-02-18', '2053-02-19'],
  ])('in %i Tết (%s) is not the Chinese New Year (%s)', (year, vietnamese, chinese) => {
    expect(tet(year)).toBe(vietnamese);
    expect(isoFromDayNumber(chineseCalendar.toDayNumber({ year, month: 1, day: 1, leap: false }))).toBe(chinese);
  });

  it('differs from Intl\'s Chinese calendar where the issue warns it does', () => {
    const intlChinese = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    // Intl calls 21 January 1985 the first of the twelfth Chinese month: Vietnam's Tết.
    expect(intlChinese.format(new Date('1985-01-21T00:00:00Z'))).toBe('12/1');
    expect(lunar('1985-01-21')).toEqual({ year: 1985, month: 1, day: 1, leap: false });
    expect(intlChinese.format(new Date('2007-02-17T00:00:00Z'))).toBe('12/30');
    expect(lunar('2007-02-17')).toEqual({ year: 2007, month: 1, day: 1, leap: false });
  });

  // Leap months (tháng nhuận) as Vietnam's calendars print them: 2020 leap 4th month from 23 May,
  // 2023 leap 2nd month from 22 March, 2025 leap 6th month from 25 July, 2033 leap 11th month
  // (Hồ Ngọc Đức, "Lịch Việt Nam", https://www.informatik.uni-leipzig.de/~duc/amlich/).
  it.each([
    ['2020-05-22', 2020, 4, 30, false], ['2020-05-23', 2020, 4, 1, true], ['2020-06-20', 2020, 4, 29, true], ['2020-06-21', 2020, 5, 1, false],
    ['2023-03-21', 2023, 2, 30, false], ['2023-03-22', 2023, 2, 1, true], ['2023-04-19', 2023, 2, 29, true], ['2023-04-20', 2023, 3, 1, false],
    ['2025-07-24', 2025, 6, 30, false], ['2025-07-25', 2025, 6, 1, true], ['2025-08-22', 2025, 6, 29, true], ['2025-08-23', 2025, 7, 1, false],
    ['2033-12-22', 2033, 11, 1, true], ['2034-01-20', 2033, 12, 1, false], ['2025-10-06', 2025, 8, 15, false],
  ])('%s is day %i/%i/%i (leap %s)', (iso, year, month, day, leap) => {
    expect(lunar(iso)).toEqual({ year, month, day, leap });
    expect(isoFromDayNumber(vietnameseCalendar.toDayNumber({ year, month, day, leap }))).toBe(iso);
  });

  it('names the leap month of a year, and none for a common year', () => {
    expect([2020, 2023, 2025, 2028, 2033].map((y) => vietnameseCalendar.leapMonth(y))).toEqual([4, 2, 6, 5, 11]);
    expect(vietnameseCalendar.leapMonth(2024)).toBeUndefined();
  });

  it('converts every day of the first and last months of the range both ways, in both calendars', () => {
    const days = [...Array(62).keys()].flatMap((i) => [dayNumberFromIso('1800-01-01') + i, dayNumberFromIso('2199-12-31') - i]);
    for (const calendar of [vietnameseCalendar, chineseCalendar]) {
      for (const jdn of days) expect(calendar.toDayNumber(calendar.fromDayNumber(jdn))).toBe(jdn);
    }
    // 1 January 1800 is still in lunar year 1799 (Tết 1800 came on 25 January).
    expect(lunar('1800-01-01').year).toBe(1799);
  });

  it('refuses dates that do not exist, saying why', () => {
    expect(() => vietnameseCalendar.toDayNumber({ year: 2024, month: 4, day: 1, leap: true })).toThrow('lunar year 2024 has no leap month 4 (it has no leap month)');
    expect(() => vietnameseCalendar.toDayNumber({ year: 2025, month: 4, day: 1, leap: true })).toThrow('its leap month is 6');
    expect(() => vietnameseCalendar.toDayNumber({ year: 2025, month: 6, day: 30, leap: true })).toThrow(CalendarInputError);
    expect(() => vietnameseCalendar.toDayNumber({ year: 2025, month: 13, day: 1, leap: false })).toThrow('not between 1 and 12');
    expect(() => vietnameseCalendar.fromDayNumber(dayNumberFromIso('1700-01-01'))).toThrow('outside 1800–2199');
  });
});
