/**
 * Days as Julian day numbers (JDN: whole days since 1 January 4713 BC, Julian calendar),
 * so that every calendar converts through one integer and date arithmetic is addition.
 * Formulas from Claus Tøndering's Calendar FAQ (section "Julian Day Number"), proleptic
 * Gregorian: the archive's dates all fall after 1582.
 */
import { ValidationError } from '../errors.ts';

/** An ISO calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

export interface GregorianDay {
  year: number;
  month: number;
  day: number;
}

/** A date that does not exist or lies outside the computed range: the caller's input, a 400. */
export class CalendarInputError extends ValidationError {}

export function dayNumberFromGregorian({ year, month, day }: GregorianDay): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

export function gregorianFromDayNumber(jdn: number): GregorianDay {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads `YYYY-MM-DD`; a day that does not exist (2025-02-30) is refused, not rolled over. */
export function dayNumberFromIso(iso: IsoDay): number {
  const match = ISO_DAY.exec(iso);
  if (!match) throw new CalendarInputError(`"${iso}" is not a day written YYYY-MM-DD`);
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const jdn = dayNumberFromGregorian(day);
  const back = gregorianFromDayNumber(jdn);
  if (back.month !== day.month || back.day !== day.day) throw new CalendarInputError(`${iso} is not a day of the Gregorian calendar`);
  return jdn;
}

export function isoFromDayNumber(jdn: number): IsoDay {
  const { year, month, day } = gregorianFromDayNumber(jdn);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(jdn: number): number {
  return (jdn + 1) % 7;
}
