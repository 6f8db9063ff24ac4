/**
 * The festival calendar (issue 15): the Vietnamese, Chinese and Khmer lunisolar calendars
 * ↔ Gregorian days, the occurrences of records' recurring dates, a day described in the
 * three calendars, Khmer New Year, and iCalendar feeds. The API and the site import this
 * file (`@disan/ingest/calendar`), never the ones beside it.
 */
export { CalendarInputError, dayNumberFromIso, isoFromDayNumber, type GregorianDay, type IsoDay } from './day-number.ts';
export { chineseCalendar, CHINA_UTC_OFFSET, LunisolarCalendar, LUNISOLAR_YEARS, vietnameseCalendar, VIETNAM_UTC_OFFSET, type LunisolarDate } from './lunisolar.ts';
export {
  buddhistEraOf,
  dayNumberFromKhmer,
  KHMER_MONTHS,
  KHMER_YEARS,
  khmerFromDayNumber,
  khmerMonthName,
  type KhmerDate,
  type KhmerMonthName,
  type MoonPhase,
} from './khmer.ts';
export { khmerYearKind, type KhmerYearKind } from './khmer-leap.ts';
export { khmerNewYear, type KhmerNewYear } from './khmer-new-year.ts';
export { nextOccurrence, OCCURRENCE_YEARS, occurrences, type Occurrence } from './occurrences.ts';
export { describeDay, lunarYearName } from './describe.ts';
export { festivalsIn, type FestivalPeriod } from './festivals.ts';
export { buildIcsFeed, eventUid, type FeedEvent, type FeedOptions } from './ics.ts';
