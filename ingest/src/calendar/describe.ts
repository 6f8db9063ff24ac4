/**
 * One day as the calendar page shows it: Gregorian, Vietnamese lunar (with the can-chi name
 * of its year) and Khmer lunar ("8 waxing Kadeuk, BE 2569"). The parts are data, so the
 * site can word them in each language; `khmer.label` is the romanised English form.
 */
import { dayNumberFromIso, weekdayOf, type IsoDay } from './day-number.ts';
import { buddhistEraOf, KHMER_MONTH_LABELS, khmerFromDayNumber, khmerMonthName, phaseOfDay, type KhmerMonthName, type MoonPhase } from './khmer.ts';
import { vietnameseCalendar, type LunisolarDate } from './lunisolar.ts';

/** Heavenly stems and earthly branches, in Vietnamese (Giáp Tý = 1984). */
const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

export interface YearName {
  /** 0 = Giáp (甲) … 9 = Quý (癸). */
  stem: number;
  /** 0 = Tý (子, rat) … 11 = Hợi (亥, pig). */
  branch: number;
  /** In Vietnamese, e.g. "Ất Tỵ". */
  vi: string;
}

/** The can-chi (sexagenary) name of a lunar year. */
export function lunarYearName(year: number): YearName {
  const stem = (((year + 6) % 10) + 10) % 10;
  const branch = (((year + 8) % 12) + 12) % 12;
  return { stem, branch, vi: `${STEMS[stem]!} ${BRANCHES[branch]!}` };
}

export interface DayDescription {
  gregorian: IsoDay;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  vietnamese: LunisolarDate & { yearName: YearName };
  khmer: {
    year: number;
    month: number;
    leap: boolean;
    monthName: KhmerMonthName;
    day: number;
    phase: MoonPhase;
    buddhistEra: number;
    /** E.g. "8 waxing Kadeuk, BE 2569". */
    label: string;
  };
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
