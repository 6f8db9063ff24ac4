import type { RecurringDate } from '@disan/schemas';
import { HTML_LANG, type Lang } from '../i18n/langs.ts';
import type { Translate } from '../i18n/translate.ts';

/** @example formatNumber(12345, 'vi') // '12.345' */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(HTML_LANG[lang]).format(value);
}

/** A date-time from the API (ISO 8601) as a calendar date in the reader's locale. */
export function formatTimestamp(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(HTML_LANG[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * An EDTF date that is also an ISO 8601 date schema.org and HTML's `datetime` accept (a year, a month or a
 * day); uncertain, approximate, unspecified (16XX) and open dates are not.
 * @example isoDate('2023-11') // '2023-11'
 * @example isoDate('16XX') // null
 */
export function isoDate(edtf: string | null): string | null {
  return edtf !== null && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(edtf) ? edtf : null;
}

const EDTF_PART = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%])?$/;

function formatEdtfPart(part: string, lang: Lang, t: Translate): string {
  if (part === '..' || part === '') return t('date.open');
  const match = EDTF_PART.exec(part);
  // Unspecified digits (19XX) and anything unexpected are shown as written.
  if (!match) return part;
  const [, year, month, day, qualifier] = match;
  const locale = HTML_LANG[lang];
  const y = Number(year);
  let text: string;
  if (day !== undefined && month !== undefined) {
    text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, Number(month) - 1, Number(day)));
  } else if (month !== undefined) {
    text = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, Number(month) - 1, 1));
  } else {
    text = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, 0, 1));
  }
  if (qualifier === '~') return t('date.approximate', { date: text });
  if (qualifier === '?') return t('date.uncertain', { date: text });
  if (qualifier === '%') return t('date.approximate', { date: t('date.uncertain', { date: text }) });
  return text;
}

/**
 * An EDTF date (levels 0-1) in words of the reader's language.
 * @example formatEdtf('2023-11-26', 'en', t) // 'November 26, 2023'
 * @example formatEdtf('1930~/1940', 'en', t) // 'about 1930 – 1940'
 */
export function formatEdtf(edtf: string, lang: Lang, t: Translate): string {
  const [from = '', to] = edtf.split('/');
  if (to === undefined) return formatEdtfPart(from, lang, t);
  return t('date.range', { from: formatEdtfPart(from, lang, t), to: formatEdtfPart(to, lang, t) });
}

/** A yearly date in a traditional calendar, e.g. "day 15 of month 10 (Vietnamese lunar calendar), for 3 days". */
export function formatRecurrence(r: RecurringDate, t: Translate): string {
  const calendar = t(`calendar.${r.calendar}`);
  const when = r.phase
    ? t('recurrence.dayPhase', { day: r.day, month: r.month, phase: t(`phase.${r.phase}`), calendar })
    : t('recurrence.day', { day: r.day, month: r.month, calendar });
  return r.durationDays && r.durationDays > 1 ? `${when}, ${t('recurrence.duration', { days: r.durationDays })}` : when;
}

/** @example formatDuration(3725) // '1:02:05' */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** A moment from the API (ISO 8601) as date and time in the reader's locale and the server's time zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(HTML_LANG[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
