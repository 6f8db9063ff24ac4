import { createRequire } from 'node:module';
import moment from 'moment';
import momentkh from '@thyrith/momentkh';
import { dayNumberFromIso, isoFromDayNumber, khmerFromDayNumber, LunisolarCalendar, VIETNAM_UTC_OFFSET } from '@disan/ingest/calendar';

/**
 * Conversion rates (Gregorian day → lunar date, dates per second) of the calendar engine
 * against reference implementations run in this process on the same days: the Vietnamese
 * calendar against vietnamese-lunar-calendar (a port of Hồ Ngọc Đức's code, which recomputes
 * new moons for every date), the Khmer one against @thyrith/momentkh (moment-based, walking
 * from 1900 a year at a time). Ours is measured cold (a fresh calendar, months computed on
 * first use) and warm. Best of 3 alternating rounds.
 */
const DAYS = Number(process.env.BENCH_CALENDAR_DAYS ?? 20_000);
const KHMER_REFERENCE_DAYS = Number(process.env.BENCH_CALENDAR_KHMER_REFERENCE_DAYS ?? 2_000);

interface ReferenceLunar { date: number; month: number; year: number }
const vietnameseReference = createRequire(import.meta.url)('vietnamese-lunar-calendar/build/solar-lunar/index.js') as {
  convertSolar2Lunar(dd: number, mm: number, yy: number, zone: number): ReferenceLunar;
};
const khmerReference = momentkh(moment);

/** Days spread over 1900–2100 by a fixed linear congruential sequence, the same every run. */
function spreadDays(count: number): number[] {
  const first = dayNumberFromIso('1900-01-01');
  const span = dayNumberFromIso('2100-12-31') - first;
  let seed = 20_261_203;
  return Array.from({ length: count }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return first + (seed % span);
  });
}

function rate(days: readonly number[], convert: (jdn: number) => unknown): number {
  const start = performance.now();
  for (const jdn of days) convert(jdn);
  return days.length / ((performance.now() - start) / 1000);
}

function best(rounds: number[]): number {
  return Math.max(...rounds);
}

const format = (perSecond: number) => `${Math.round(perSecond).toLocaleString('en')}/s`;

export function benchCalendar(): Promise<{ label: string; value: string }[]> {
  const days = spreadDays(DAYS);
  const parts = days.map((jdn) => isoFromDayNumber(jdn).split('-').map(Number) as [number, number, number]);
  const isoDays = days.map(isoFromDayNumber);
  const khmerReferenceDays = days.slice(0, KHMER_REFERENCE_DAYS);

  const vietnamese = { cold: [] as number[], warm: [] as number[], reference: [] as number[] };
  const khmer = { ours: [] as number[], reference: [] as number[] };
  for (let round = 0; round < 3; round += 1) {
    const calendar = new LunisolarCalendar(VIETNAM_UTC_OFFSET);
    vietnamese.cold.push(rate(days, (jdn) => calendar.fromDayNumber(jdn)));
    vietnamese.warm.push(rate(days, (jdn) => calendar.fromDayNumber(jdn)));
    let i = 0;
    vietnamese.reference.push(rate(days, () => { const [y, m, d] = parts[i++]!; return vietnameseReference.convertSolar2Lunar(d, m, y, VIETNAM_UTC_OFFSET); }));
    khmer.ours.push(rate(days, khmerFromDayNumber));
    let k = 0;
    khmer.reference.push(rate(khmerReferenceDays, () => { const m = khmerReference(isoDays[k++]!, 'YYYY-MM-DD'); return [m.khDay(), m.khMonth()]; }));
  }
  const v = { cold: best(vietnamese.cold), warm: best(vietnamese.warm), reference: best(vietnamese.reference) };
  const kh = { ours: best(khmer.ours), reference: best(khmer.reference) };
  return Promise.resolve([
    { label: `Vietnamese, ${DAYS} days 1900–2100, cold`, value: `${format(v.cold)} vs ${format(v.reference)}: ${(v.cold / v.reference).toFixed(1)}×` },
    { label: 'Vietnamese, same days, warm', value: `${format(v.warm)}: ${(v.warm / v.reference).toFixed(1)}×` },
    { label: `Khmer, ${DAYS} days (reference ${KHMER_REFERENCE_DAYS})`, value: `${format(kh.ours)} vs ${format(kh.reference)}: ${(kh.ours / kh.reference).toFixed(0)}×` },
  ]);
}
