import { CALENDAR_YEARS, CalendarAnswer, CalendarFeedQuery, CalendarQuery } from '@disan/schemas';
import { PUBLIC, readFilter } from '@disan/ingest/access';
import { buildIcsFeed, describeDay, festivalsIn, isoFromDayNumber, dayNumberFromIso } from '@disan/ingest/calendar';
import { publicBase } from '../oai/public-base.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** Documents the iCalendar answer in OpenAPI. */
const ICS_ANSWER: Record<string, unknown> = { description: 'An iCalendar feed (RFC 5545)', content: { 'text/calendar': { schema: { type: 'string' } } } };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => isoFromDayNumber(dayNumberFromIso(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`) - 1);
const thisYear = () => new Date().getUTCFullYear();

/**
 * The festival calendar (issue 15): `/calendar` (a year's or a month's festivals, the month's
 * days in three calendars) and `/calendar.ics` (a feed of this year and the next, for phones
 * to subscribe to). Both are the public's whoever asks, like OAI-PMH: the records are those the
 * public may read (readFilter(PUBLIC): published, public, metadata-only or past embargo), so a
 * draft's or a restricted record's festival never reaches a shared calendar.
 */
export const calendarRoutes: RoutePlugin = (app, { archive, config }, done) => {
  const records = () => archive.catalog.items.withRecurrence(readFilter(PUBLIC));

  app.get(
    '/calendar',
    {
      config: { publicCache: true, access: 'readFilter' },
      schema: {
        operationId: 'getCalendar',
        summary: 'Festivals of a year or a month, and the month\'s days in the Gregorian, Vietnamese and Khmer calendars',
        tags: ['calendar'],
        querystring: CalendarQuery,
        response: { 200: CalendarAnswer, ...ERRORS },
      },
    },
    async (request) => {
      const { year = thisYear(), month, group, province } = request.query;
      const from = `${year}-${pad(month ?? 1)}-01`;
      const to = month === undefined ? `${year}-12-31` : lastDayOf(year, month);
      const festivals = festivalsIn(await records(), { from, to, group, province });
      if (month === undefined) return { year, festivals };
      const days = [];
      for (let day = dayNumberFromIso(from); day <= dayNumberFromIso(to); day += 1) days.push(describeDay(isoFromDayNumber(day)));
      return { year, month, festivals, days };
    },
  );

  app.get(
    '/calendar.ics',
    {
      config: { access: 'readFilter' },
      schema: {
        operationId: 'getCalendarFeed',
        summary: 'The festivals of a year and the next as an iCalendar feed (all-day events, stable UIDs)',
        tags: ['calendar'],
        querystring: CalendarFeedQuery,
        response: { 200: ICS_ANSWER, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { year = thisYear(), group, province } = request.query;
      const festivals = festivalsIn(await records(), { from: `${year}-01-01`, to: `${Math.min(year + 1, CALENDAR_YEARS.last)}-12-31`, group, province });
      const { siteUrl } = publicBase(request, config, 'oai');
      const ics = buildIcsFeed(
        festivals.map((f) => ({
          id: f.id,
          summary: (f.title.find((t) => t.lang === 'vi') ?? f.title[0])?.value ?? f.id,
          ...(f.provinces.length > 0 ? { location: f.provinces.join(', ') } : {}),
          url: `${siteUrl}/item/${encodeURIComponent(f.id)}`,
          occurrence: { start: f.start, end: f.end },
        })),
        { name: 'Disan', domain: new URL(siteUrl).host, stamp: new Date(`${year}-01-01T00:00:00Z`), url: `${siteUrl}/api/calendar.ics` },
      );
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="disan-festivals.ics"').send(ics);
    },
  );
  done();
};
