/**
 * One day as the calendar page shows it: Gregorian, Vietnamese lunar (with the can-chi name
 * of its year) and Khmer lunar ("8 waxing Kadeuk, BE 2569"). The parts are data, so the
 * site can word them in each language; `khmer.label` is the romanised English form.
 */
import type { DayDescription, YearName } from '@disan/schemas';
import { dayNumberFromIso, weekdayOf, type IsoDay } from './day-number.ts';
import { buddhistEraOf, KHMER_MONTH_LABELS, khmerFromDayNumber, khmerMonthName, phaseOfDay } from './khmer.ts';
import { vietnameseCalendar } from './lunisolar.ts';

/** Heavenly stems and earthly branches, in Vietnamese (Giáp Tý = 1984). */
const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** The can-chi (sexagenary) name of a lunar year. */
export function lunarYearName(year: number): YearName {
  const stem = (((year + 6) % 10) + 10) % 10;
  const branch = (((year + 8) % 12) + 12) % 12;
  return { stem, branch, vi: `${STEMS[stem]!} ${BRANCHES[branch]!}` };
}

export function describeDay(day: IsoDay): DayDescription {
  const jdn = dayNumberFromIso(day);
  const lunar = vietnameseCalendar.fromDayNumber(jdn);
  const khmer = khmerFromDayNumber(jdn);
  const monthName = khmerMonthName(khmer);
  const phased = phaseOfDay(khmer.day);
  const buddhistEra = buddhistEraOf(khmer);
  return {
    gregorian: day,
    weekday: weekdayOf(jdn),
    vietnamese: { ...lunar, yearName: lunarYearName(lunar.year) },
    khmer: {
      ...khmer,
      monthName,
      day: phased.day,
      phase: phased.phase,
      buddhistEra,
      label: `${phased.day} ${phased.phase} ${KHMER_MONTH_LABELS[monthName]}, BE ${buddhistEra}`,
    },
  };
}
