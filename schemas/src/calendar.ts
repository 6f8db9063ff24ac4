import { Type, type Static } from 'typebox';
import { EthnicGroup, Multilingual } from './common.ts';

/**
 * The festival calendar (issue 15): the public's festivals of a year or a month, each day of
 * a month in the Gregorian, Vietnamese lunar and Khmer lunar calendars, and the iCalendar feed.
 */

/** The Gregorian years the calendars are computed for (and their neighbours). */
export const CALENDAR_YEARS = { first: 1801, last: 2198 } as const;

const Year = Type.Integer({ minimum: CALENDAR_YEARS.first, maximum: CALENDAR_YEARS.last, description: 'Gregorian year (this year by default)' });
const Filters = {
  group: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Only festivals of this ethnic group (code, e.g. khmer)' })),
  province: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only festivals held in this province' })),
};

/** `GET /api/calendar?year=&month=&group=&province=` */
export const CalendarQuery = Type.Object(
  { year: Type.Optional(Year), month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'A month of the year: the answer also describes each of its days' })), ...Filters },
  { additionalProperties: false },
);
export type CalendarQuery = Static<typeof CalendarQuery>;

/** `GET /api/calendar.ics?year=&group=&province=`: a year and the next, for subscribing phones. */
export const CalendarFeedQuery = Type.Object({ year: Type.Optional(Year), ...Filters }, { additionalProperties: false });
export type CalendarFeedQuery = Static<typeof CalendarFeedQuery>;

const IsoDay = Type.String({ format: 'date' });

/** One occurrence of a record's recurring date. */
export const FestivalOccurrence = Type.Object({
  id: Type.String(),
  title: Multilingual,
  ethnicGroups: Type.Array(EthnicGroup),
  provinces: Type.Array(Type.String()),
  start: IsoDay,
  /** The last day (inclusive). */
  end: IsoDay,
});
export type FestivalOccurrence = Static<typeof FestivalOccurrence>;

export const YearName = Type.Object({
  /** 0 = Giáp (甲) … 9 = Quý (癸). */
  stem: Type.Integer({ minimum: 0, maximum: 9 }),
  /** 0 = Tý (子, rat) … 11 = Hợi (亥, pig). */
  branch: Type.Integer({ minimum: 0, maximum: 11 }),
  /** In Vietnamese, e.g. "Ất Tỵ". */
  vi: Type.String(),
});
export type YearName = Static<typeof YearName>;

export const KHMER_MONTH_NAMES = [
  'migasir', 'boss', 'meak', 'phalkun', 'chaet', 'pisak', 'jesth', 'asadh', 'pathamasadh', 'tutiyasadh', 'srap', 'photrobot', 'assoch', 'kadeuk',
] as const;

/** One day in three calendars. */
export const DayDescription = Type.Object({
  gregorian: IsoDay,
  /** 0 = Sunday … 6 = Saturday. */
  weekday: Type.Integer({ minimum: 0, maximum: 6 }),
  vietnamese: Type.Object({
    year: Type.Integer(),
    month: Type.Integer({ minimum: 1, maximum: 12 }),
    day: Type.Integer({ minimum: 1, maximum: 30 }),
    /** The leap month (tháng nhuận) repeating `month`. */
    leap: Type.Boolean(),
    yearName: YearName,
  }),
  khmer: Type.Object({
    /** The Gregorian year in which this Khmer lunar year's Jesth falls. */
    year: Type.Integer(),
    /** 1 = Migasir … 12 = Kadeuk. */
    month: Type.Integer({ minimum: 1, maximum: 12 }),
    /** Pathamasadh, the inserted month of a leap-month year. */
    leap: Type.Boolean(),
    monthName: Type.Enum(KHMER_MONTH_NAMES),
    /** 1–15, within the phase. */
    day: Type.Integer({ minimum: 1, maximum: 15 }),
    phase: Type.Enum(['waxing', 'waning']),
    buddhistEra: Type.Integer(),
    /** E.g. "8 waxing Kadeuk, BE 2569". */
    label: Type.String(),
  }),
});
export type DayDescription = Static<typeof DayDescription>;

export const CalendarAnswer = Type.Object({
  year: Type.Integer(),
  month: Type.Optional(Type.Integer()),
  /** Occurrences that overlap the year (or the month), in order of their first day. */
  festivals: Type.Array(FestivalOccurrence),
  /** With `month`: each of its days in the three calendars. */
  days: Type.Optional(Type.Array(DayDescription)),
});
export type CalendarAnswer = Static<typeof CalendarAnswer>;

/** When a record's festival falls next (an item's `nextOccurrence`): its days, and its first day in the three calendars. */
export const NextOccurrence = Type.Object({
  start: IsoDay,
  /** The last day (inclusive). */
  end: IsoDay,
  firstDay: DayDescription,
});
export type NextOccurrence = Static<typeof NextOccurrence>;
