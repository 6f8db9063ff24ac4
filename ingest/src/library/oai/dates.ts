/**
 * OAI-PMH dates (protocol section 3.3): UTCdatetime at day (YYYY-MM-DD) or second
 * (YYYY-MM-DDThh:mm:ssZ) granularity. This repository's granularity is the second, and
 * it takes both in `from` and `until`, as the protocol asks.
 */
export type Granularity = 'day' | 'second';

export interface OaiDate {
  granularity: Granularity;
  /** The instant the date starts at (midnight UTC for a day). */
  start: Date;
  /** The first instant after the date: `until` is inclusive, so records before this match. */
  end: Date;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * The date, or null when it is not one of the two forms or not a real date (2026-02-30).
 * @example parseOaiDate('2026-12-02')?.end.toISOString() // '2026-12-03T00:00:00.000Z'
 * @example parseOaiDate('2026-12-02T10:00:00+01:00') // null
 */
export function parseOaiDate(value: string): OaiDate | null {
  const day = DAY.exec(value);
  const second = day ? null : SECOND.exec(value);
  const parts = (day ?? second)?.slice(1).map(Number);
  if (!parts) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = parts as [number, number, number, number?, number?, number?];
  const start = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const exact = start.getUTCFullYear() === y && start.getUTCMonth() === mo - 1 && start.getUTCDate() === d && start.getUTCHours() === h && start.getUTCMinutes() === mi && start.getUTCSeconds() === s;
  if (!exact || y < 1) return null;
  const granularity: Granularity = day ? 'day' : 'second';
  return { granularity, start, end: new Date(start.getTime() + (granularity === 'day' ? 86_400_000 : 1_000)) };
}

/** A datestamp as this repository writes it: UTC, to the second. @example datestamp(new Date(0)) // '1970-01-01T00:00:00Z' */
export const datestamp = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;
