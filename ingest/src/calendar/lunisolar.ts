/**
 * The Vietnamese lunisolar calendar (âm lịch), and the Chinese one, which is the same
 * rule computed for another meridian: Hồ Ngọc Đức's method ("Thuật toán tính âm lịch",
 * https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html), new moons and solar
 * terms from Jean Meeus, "Astronomical Algorithms" (1998), see astronomy.ts.
 *
 * The rules: a month begins on the local day of a new moon; month 11 is the one holding
 * the winter solstice; when 13 new moons begin between two months 11, the first month
 * without a major solar term (trung khí) is the leap month and repeats the previous
 * month's number. Vietnam reckons at UTC+7 since 1968 (and this module applies UTC+7 to
 * every year, as the published implementations of his method do); China at UTC+8. That hour is why Tết differs
 * from the Chinese New Year in 1985, 2007, 2030 and other years.
 */
import { CalendarInputError, dayNumberFromGregorian, gregorianFromDayNumber } from './day-number.ts';
import { newMoon, sunLongitude, SYNODIC_MONTH } from './astronomy.ts';

export const VIETNAM_UTC_OFFSET = 7;
export const CHINA_UTC_OFFSET = 8;

/** The range the astronomy is accurate for, and the tests cover. */
export const LUNISOLAR_YEARS = { first: 1800, last: 2199 } as const;

export interface LunisolarDate {
  /** The lunar year, numbered as the Gregorian year in which its month 1 begins. */
  year: number;
  month: number;
  day: number;
  /** The leap month (tháng nhuận) repeating `month`. */
  leap: boolean;
}

interface LunarMonth {
  start: number;
  year: number;
  month: number;
  leap: boolean;
}

/** One "sui": the months from a month 11 up to (not including) the next month 11. */
type Sui = readonly LunarMonth[];

/** Days from local midnight: the local calendar day of a Julian date, given an offset. */
function localDay(jd: number, utcOffset: number): number {
  return Math.floor(jd + 0.5 + utcOffset / 24);
}

function newMoonDay(k: number, utcOffset: number): number {
  return localDay(newMoon(k), utcOffset);
}

/** Which twelfth of the ecliptic (0 = from the March equinox) the sun is in at the start of local day `jdn`. */
function solarTermSector(jdn: number, utcOffset: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - utcOffset / 24) / Math.PI) * 6);
}

/** The k index of the new moon that begins month 11 of Gregorian year `year` (the month holding the December solstice). */
function month11Index(year: number, utcOffset: number): number {
  const k = Math.floor((dayNumberFromGregorian({ year, month: 12, day: 31 }) - 2415021) / SYNODIC_MONTH);
  // A new moon after the solstice (sun past 270°) begins month 12: step back one.
  return solarTermSector(newMoonDay(k, utcOffset), utcOffset) >= 9 ? k - 1 : k;
}

/** The months from month 11 of Gregorian year `year` to the next month 11. */
function buildSui(year: number, utcOffset: number): Sui {
  const first = month11Index(year, utcOffset);
  const next = month11Index(year + 1, utcOffset);
  const count = next - first;
  // Equal sectors at the starts of two consecutive months: the first holds no major term.
  let leapOffset = -1;
  if (count === 13) {
    for (let i = 1; i < 13 && leapOffset < 0; i += 1) {
      const here = solarTermSector(newMoonDay(first + i, utcOffset), utcOffset);
      if (here === solarTermSector(newMoonDay(first + i + 1, utcOffset), utcOffset)) leapOffset = i;
    }
  }
  // Months 11 and 12 end lunar year `year`; month 1 onwards belongs to the next one.
  const months: LunarMonth[] = [];
  let number = 11;
  for (let i = 0; i < count; i += 1) {
    const leap = i === leapOffset;
    if (i > 0 && !leap) number = number === 12 ? 1 : number + 1;
    months.push({ start: newMoonDay(first + i, utcOffset), year: number >= 11 && i < 4 ? year : year + 1, month: number, leap });
  }
  return months;
}

/** `lunar`: a lunar year, which may begin a year before the range (its last months fall in January of the first year). */
function assertYear(year: number, lunar = false): void {
  if (!Number.isInteger(year) || year < LUNISOLAR_YEARS.first - (lunar ? 1 : 0) || year > LUNISOLAR_YEARS.last) {
    throw new CalendarInputError(`year ${year} is outside ${LUNISOLAR_YEARS.first}–${LUNISOLAR_YEARS.last}, the range this calendar is computed for`);
  }
}

/** One lunisolar calendar at one UTC offset; months are computed once per year and kept. */
export class LunisolarCalendar {
  readonly #utcOffset: number;
  readonly #suis = new Map<number, Sui>();

  constructor(utcOffset: number) {
    this.#utcOffset = utcOffset;
  }

  #sui(year: number): Sui {
    let sui = this.#suis.get(year);
    if (!sui) {
      sui = buildSui(year, this.#utcOffset);
      this.#suis.set(year, sui);
    }
    return sui;
  }

  /** The lunar date of the Gregorian day with Julian day number `jdn`. */
  fromDayNumber(jdn: number): LunisolarDate {
    const { year } = gregorianFromDayNumber(jdn);
    assertYear(year);
    let sui = this.#sui(year);
    if (jdn < sui[0]!.start) sui = this.#sui(year - 1);
    let index = sui.length - 1;
    while (sui[index]!.start > jdn) index -= 1;
    const month = sui[index]!;
    return { year: month.year, month: month.month, day: jdn - month.start + 1, leap: month.leap };
  }

  /** The Julian day number of a lunar date; a leap date that does not exist, or day 30 of a 29-day month, is refused. */
  toDayNumber(date: LunisolarDate): number {
    const { start, length } = this.monthOf(date.year, date.month, date.leap);
    if (!Number.isInteger(date.day) || date.day < 1 || date.day > length) {
      throw new CalendarInputError(`day ${date.day} does not exist in month ${date.month}${date.leap ? ' (leap)' : ''} of lunar year ${date.year}, which has ${length} days`);
    }
    return start + date.day - 1;
  }

  /** The first day and length of a month, or an error naming the year's real leap month. */
  monthOf(year: number, month: number, leap: boolean): { start: number; length: number } {
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new CalendarInputError(`lunar month ${month} is not between 1 and 12`);
    assertYear(year, true);
    const suiYear = month >= 11 ? year : year - 1;
    const sui = this.#sui(suiYear);
    const index = sui.findIndex((m) => m.year === year && m.month === month && m.leap === leap);
    if (index < 0) {
      const leapMonth = this.leapMonth(year);
      throw new CalendarInputError(`lunar year ${year} has no leap month ${month}${leapMonth ? ` (its leap month is ${leapMonth})` : ' (it has no leap month)'}`);
    }
    const next = sui[index + 1]?.start ?? this.#sui(suiYear + 1)[0]!.start;
    return { start: sui[index]!.start, length: next - sui[index]!.start };
  }

  /** The number of the leap month of lunar year `year`, or undefined. */
  leapMonth(year: number): number | undefined {
    assertYear(year, true);
    const months = [...this.#sui(year - 1), ...this.#sui(year)].filter((m) => m.year === year && m.leap);
    return months[0]?.month;
  }
}

export const vietnameseCalendar = new LunisolarCalendar(VIETNAM_UTC_OFFSET);
export const chineseCalendar = new LunisolarCalendar(CHINA_UTC_OFFSET);
