import moment from 'moment';
import momentkh from '@thyrith/momentkh';
import { describe, expect, it } from 'vitest';
import { dayNumberFromIso, isoFromDayNumber } from './day-number.ts';
import { buddhistEraOf, dayNumberFromKhmer, khmerFromDayNumber, khmerMonthName, type KhmerDate } from './khmer.ts';
import { khmerYearKind } from './khmer-leap.ts';
import { khmerNewYear } from './khmer-new-year.ts';

// @thyrith/momentkh 2.5.5 (MIT, npm): the reference implementation of the same rules.
const reference = momentkh(moment);

const khmer = (iso: string) => khmerFromDayNumber(dayNumberFromIso(iso));
const day = (date: KhmerDate) => isoFromDayNumber(dayNumberFromKhmer(date));
/** 1–15 waxing or waning, as the calendars print it. */
const waxing = (n: number) => n;
const waning = (n: number) => n + 15;

describe('Khmer lunisolar calendar', () => {
  it('agrees with momentkh on days spread over 1900–2100, and converts each back to itself', () => {
    // momentkh walks from 1900 one year at a time: every 101st day keeps this test fast.
    const disagreements: string[] = [];
    for (let jdn = dayNumberFromIso('1900-01-01'); jdn <= dayNumberFromIso('2100-12-31'); jdn += 101) {
      const iso = isoFromDayNumber(jdn);
      const theirs = reference(iso, 'YYYY-MM-DD');
      const month = theirs.khMonth();
      const expected = { month: month >= 12 ? 8 : month + 1, leap: month === 12, day: theirs.khDay() + 1 };
      const mine = khmerFromDayNumber(jdn);
      if (mine.month !== expected.month || mine.leap !== expected.leap || mine.day !== expected.day) disagreements.push(iso);
      if (dayNumberFromKhmer(mine) !== jdn) disagreements.push(`${iso} back`);
    }
    expect(disagreements).toEqual([]);
  });

  it('puts the New Year on momentkh\'s day and minute for every year 1900–2100', () => {
    const disagreements: string[] = [];
    for (let year = 1900; year <= 2100; year += 1) {
      const mine = khmerNewYear(year);
      // momentkh writes an entry at 24:00 (the end of the day) as 00:00 of the same day.
      const minute = mine.localTime === '24:00' ? '00:00' : mine.localTime;
      if (`${mine.days[0]!} ${minute}` !== reference.getKhNewYearMoment(year).format('YYYY-MM-DD HH:mm')) disagreements.push(String(year));
    }
    expect(disagreements).toEqual([]);
  });

  // Cambodia's public holidays, set each year by sub-decree (anukret) and the Ministry of Labour's prakas:
  // Khmer New Year, Pchum Ben (14 and 15 waning Photrobot, 15 being Sene Dolta, and 1 waxing Assoch)
  // and the Water Festival (14 and 15 waxing Kadeuk, 15 being Ok Om Bok, and 1 waning Kadeuk).
  // 2011: https://khmeridentification-edu.blogspot.com/2011/11/cambodian-buplic-holiday-in-cambodia.html
  // 2022: Prakas 277/21 of 27 October 2021, listed at http://www.prasac.com.kh/en/media/public-holiday
  // 2023: Sub-decree 166 of 12 August 2022, https://ibccambodia.com/new/list-of-public-holidays-in-2023/
  // 2024: Prakas 014/24 of 16 January 2024, https://angkortimes.com/cambodian-public-holidays
  // 2025: Prakas of 9 October 2024, https://daikoufinance.com/public-holiday
  it.each([
    [2011, ['2011-04-14', '2011-04-15', '2011-04-16'], ['2011-09-26', '2011-09-27', '2011-09-28'], ['2011-11-09', '2011-11-10', '2011-11-11']],
    [2022, ['2022-04-14', '2022-04-15', '2022-04-16'], ['2022-09-24', '2022-09-25', '2022-09-26'], ['2022-11-07', '2022-11-08', '2022-11-09']],
    [2023, ['2023-04-14', '2023-04-15', '2023-04-16'], ['2023-10-13', '2023-10-14', '2023-10-15'], ['2023-11-26', '2023-11-27', '2023-11-28']],
    // 2024: the New Year began on 13 April late in the evening; the government added the 16th as a fourth day off.
    [2024, ['2024-04-13', '2024-04-14', '2024-04-15', '2024-04-16'], ['2024-10-01', '2024-10-02', '2024-10-03'], ['2024-11-14', '2024-11-15', '2024-11-16']],
    [2025, ['2025-04-14', '2025-04-15', '2025-04-16'], ['2025-09-21', '2025-09-22', '2025-09-23'], ['2025-11-04', '2025-11-05', '2025-11-06']],
  ])('%i: Khmer New Year, Pchum Ben and the Water Festival fall on the announced days', (year, newYear, pchumBen, waterFestival) => {
    const feast = khmerNewYear(year).days;
    if (year === 2024) expect([...feast]).toEqual(newYear);
    else expect(feast.slice(0, 3)).toEqual(newYear);
    expect([
      day({ year, month: 10, leap: false, day: waning(14) }),
      day({ year, month: 10, leap: false, day: waning(15) }),
      day({ year, month: 11, leap: false, day: waxing(1) }),
    ]).toEqual(pchumBen);
    expect([
      day({ year, month: 12, leap: false, day: waxing(14) }),
      day({ year, month: 12, leap: false, day: waxing(15) }),
      day({ year, month: 12, leap: false, day: waning(1) }),
    ]).toEqual(waterFestival);
  });

  it('gives the New Year\'s moment in UTC from Cambodian time, and the announced one for 2011–2015', () => {
    expect(khmerNewYear(2023)).toMatchObject({ moment: '2023-04-14T09:00:00Z', localTime: '16:00', announced: false });
    expect(khmerNewYear(2013)).toMatchObject({ moment: '2013-04-13T19:12:00Z', localTime: '02:12', days: ['2013-04-14', '2013-04-15', '2013-04-16'], announced: true });
  });

  it('doubles Asadh in a leap-month year and gives Jesth 30 days in a leap-day year', () => {
    const kinds = Array.from({ length: 19 }, (_, i) => khmerYearKind(2012 + i + 544));
    // A Metonic cycle holds 7 leap months in 19 years.
    expect(kinds.filter((k) => k === 'leap-month')).toHaveLength(7);
    const leapMonthYear = 2012 + kinds.indexOf('leap-month');
    expect(khmerMonthName({ year: leapMonthYear, month: 8, leap: true })).toBe('pathamasadh');
    expect(khmerMonthName({ year: leapMonthYear, month: 8, leap: false })).toBe('tutiyasadh');
    expect(() => day({ year: leapMonthYear + 1, month: 8, leap: true, day: 1 })).toThrow('has no leap month');
    const leapDayYear = 2012 + kinds.indexOf('leap-day');
    expect(() => day({ year: leapDayYear, month: 7, leap: false, day: 30 })).not.toThrow();
    expect(() => day({ year: leapMonthYear, month: 7, leap: false, day: 30 })).toThrow('which has 29 days');
  });

  it('turns the Buddhist Era on 1 waning Pisak', () => {
    const visakhaBochea = { year: 2025, month: 6, leap: false, day: waxing(15) };
    expect(buddhistEraOf(visakhaBochea)).toBe(2568);
    expect(buddhistEraOf({ ...visakhaBochea, day: waning(1) })).toBe(2569);
    expect(buddhistEraOf(khmer('2025-10-29'))).toBe(2569);
    expect(buddhistEraOf(khmer('2026-01-10'))).toBe(2569);
  });

  it('refuses months and days that do not exist', () => {
    expect(() => day({ year: 2025, month: 13, leap: false, day: 1 })).toThrow('not between 1 (Migasir) and 12 (Kadeuk)');
    expect(() => day({ year: 2025, month: 3, leap: true, day: 1 })).toThrow('only Asadh (month 8)');
    expect(() => day({ year: 2025, month: 3, leap: false, day: 30 })).toThrow('Meak of Khmer year 2025, which has 29 days');
    expect(() => khmer('2300-01-01')).toThrow('outside 1800–2199');
  });
});
