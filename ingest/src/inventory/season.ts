import type { RecurringDate } from '@disan/schemas';
import { KHMER_MONTHS } from '../calendar/index.ts';

/**
 * A festival's season as a province's list writes it, turned into recurring dates:
 *   "15/10 âm lịch", "rằm tháng 10 âm lịch", "mùng 5 tháng 5 âm lịch", "14-15/10 âm lịch"
 *   (two days), "15/8 nhuận âm lịch" (the leap month), "30/4 dương lịch", "Khmer 15 Kadeuk",
 *   "Khmer 14 waning Photrobot" (also kơt/keut, rôch/roaoch), "(3 ngày)" or "3 days" for
 *   the length; several separated by ";". Anything else is refused with what is understood,
 *   never guessed: a festival put on the wrong day is worse than one with no day.
 */
export type SeasonResult = { recurrence: RecurringDate[] } | { error: string };

const HELP = 'write it as "15/10 âm lịch", "rằm tháng 10 âm lịch", "30/4 dương lịch" or "Khmer 15 Kadeuk" (Khmer: day, optionally waxing/kơt or waning/rôch, then the month: Migasir … Kadeuk)';

/** Lower case without tones or marks, đ as d: "Rằm tháng Mười" → "ram thang muoi". */
const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

const DURATION = /\(?\s*(\d{1,2})\s*(?:ngay|days?)\s*\)?$/;
const PHASES: Record<string, RecurringDate['phase']> = { waxing: 'waxing', kot: 'waxing', keut: 'waxing', kaet: 'waxing', waning: 'waning', roch: 'waning', roaoch: 'waning', rauch: 'waning' };
// The months' romanised names as calendars print them, and the spellings Vietnamese texts use.
const KHMER_MONTH_SPELLINGS: Record<string, number> = {
  ...Object.fromEntries(KHMER_MONTHS.map((name, index) => [name, index + 1])),
  mikase: 1, mekasay: 1, bos: 2, pos: 2, makh: 3, phalgun: 4, phalkuna: 4, chet: 5, pisakh: 6, visakh: 6, ches: 7, asat: 8, asath: 8, srapp: 9, photrabot: 10, phottrobot: 10, assuch: 11, asoch: 11, kadoek: 12, kadek: 12, katdoek: 12, kattik: 12,
};

/** @example parseSeason('Khmer 15 Kadeuk') // { recurrence: [{ calendar: 'khmer-lunisolar', month: 12, day: 15 }] } */
export function parseSeason(text: string): SeasonResult {
  const parts = text.split(';').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) return { error: `the season is empty: ${HELP}` };
  const recurrence: RecurringDate[] = [];
  for (const part of parts) {
    const date = parseOne(part);
    if ('error' in date) return date;
    recurrence.push(date.date);
  }
  return { recurrence };
}

function parseOne(original: string): { date: RecurringDate } | { error: string } {
  let text = fold(original);
  let durationDays: number | undefined;
  const duration = DURATION.exec(text);
  if (duration) {
    durationDays = Number(duration[1]);
    text = text.slice(0, duration.index).trim();
  }
  const parsed = text.startsWith('khmer') ? khmerDate(text.slice(5).trim()) : vietnameseDate(text);
  if (!parsed) return { error: `"${original}" is not a season this import understands: ${HELP}` };
  const { first, last, ...date } = parsed;
  const days = durationDays ?? (last === undefined ? undefined : last - first + 1);
  if (days !== undefined && (days < 1 || days > 60)) return { error: `"${original}": a festival lasts 1 to 60 days` };
  const result: RecurringDate = { ...date, day: first, ...(days !== undefined && days > 1 ? { durationDays: days } : {}) };
  const max = result.calendar === 'gregorian' ? 31 : result.phase ? 15 : 30;
  if (result.month < 1 || result.month > 12 || first < 1 || first > max) return { error: `"${original}": month ${result.month}, day ${first} is not a day of that calendar (month 1–12, day 1–${max})` };
  return { date: result };
}

type Parsed = Omit<RecurringDate, 'day' | 'durationDays'> & { first: number; last?: number };

/** "15/10 am lich", "14-15/10 al", "ram thang 10 am lich", "mung 5 thang 5 nhuan am lich", "30/4 duong lich". */
function vietnameseDate(text: string): Parsed | null {
  const calendar = /(?:am lich|\bal)$/.test(text) ? 'vietnamese-lunisolar' : /(?:duong lich|\bdl)$/.test(text) ? 'gregorian' : null;
  if (!calendar) return null;
  const body = text.replace(/(?:am lich|duong lich|\bal|\bdl)$/, '').trim();
  const leap = /\bnhuan\b/.test(body);
  const rest = body.replace(/\bnhuan\b/, '').replace(/\s+/g, ' ').trim();
  const numeric = /^(?:ngay |mung |mong )?(\d{1,2})(?:\s*-\s*(\d{1,2}))?\s*\/\s*(\d{1,2})$/.exec(rest);
  const worded = /^(?:(?:ngay |mung |mong )?(\d{1,2})(?:\s*-\s*(\d{1,2}))?|(ram)) thang (\d{1,2})$/.exec(rest);
  const match = numeric ? { first: numeric[1]!, last: numeric[2], month: numeric[3]! } : worded ? { first: worded[3] ? '15' : worded[1]!, last: worded[2], month: worded[4]! } : null;
  if (!match) return null;
  if (leap && calendar === 'gregorian') return null;
  return { calendar, month: Number(match.month), first: Number(match.first), ...(match.last ? { last: Number(match.last) } : {}), ...(leap ? { leapMonth: true } : {}) };
}

/** "15 kadeuk", "14-15 waxing kadeuk", "14 waning photrobot", "1 kot pisak". */
function khmerDate(text: string): Parsed | null {
  const match = /^(\d{1,2})(?:\s*-\s*(\d{1,2}))?\s+(?:(\p{L}+)\s+)?(?:thang\s+)?(\p{L}+)$/u.exec(text);
  if (!match) return null;
  const month = KHMER_MONTH_SPELLINGS[match[4]!];
  const phase = match[3] === undefined ? undefined : PHASES[match[3]];
  if (month === undefined || (match[3] !== undefined && phase === undefined)) return null;
  return { calendar: 'khmer-lunisolar', month, first: Number(match[1]), ...(match[2] ? { last: Number(match[2]) } : {}), ...(phase ? { phase } : {}) };
}
