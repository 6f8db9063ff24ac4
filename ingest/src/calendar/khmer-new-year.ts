/**
 * Khmer New Year (Moha Songkran, មហាសង្ក្រាន្ត): the minute the new Devatas descend, and the
 * three or four days of the feast (Moha Songkran, one or two Virak Vanabat, Virak Loeng Sak).
 *
 * The Soriyatra Lerng Sak computation (Chhankitek rules, on the Chula Sakaraj year): Harkun,
 * Kromathopol, Avaman and Bodithey give the lunar day of Loeng Sak; the sun's "inauguration"
 * (sampoath) longitude on the candidate days gives the hour, as in the published worked
 * method (dahlina.com "Khmer New Year Time Calculation", and @thyrith/momentkh's
 * getSoriyatraLerngSak, MIT). Cambodia announces the official time each year; where the
 * announcement differs from the computation, the announced time wins (OFFICIAL_NEW_YEAR).
 */
import { dayNumberFromGregorian, isoFromDayNumber, type IsoDay } from './day-number.ts';
import { khmerMonthStart } from './khmer.ts';

/** Chula Sakaraj (ចុល្លសករាជ) year that begins at the New Year of Gregorian year `year`. */
const CHULA_SAKARAJ_OFFSET = -638;
const CAMBODIA_UTC_OFFSET_MINUTES = 7 * 60;

/**
 * New Year times announced by Cambodia's Ministry of Cults and Religion for years where the
 * computation gives another minute, as listed in @thyrith/momentkh 2.5.5 (constant.js).
 * Local time (UTC+7).
 */
const OFFICIAL_NEW_YEAR: Readonly<Record<number, { day: IsoDay; hour: number; minute: number }>> = {
  2011: { day: '2011-04-14', hour: 13, minute: 12 },
  2012: { day: '2012-04-14', hour: 19, minute: 11 },
  2013: { day: '2013-04-14', hour: 2, minute: 12 },
  2014: { day: '2014-04-14', hour: 8, minute: 7 },
  2015: { day: '2015-04-14', hour: 14, minute: 2 },
};

interface SoriyatraInfo {
  harkun: number;
  kromathopol: number;
  avaman: number;
  bodithey: number;
}

function soriyatra(chulaSakaraj: number): SoriyatraInfo {
  const h = 292207 * chulaSakaraj + 373;
  const harkun = Math.floor(h / 800) + 1;
  const a = 11 * harkun + 650;
  return { harkun, kromathopol: 800 - (h % 800), avaman: a % 692, bodithey: (harkun + Math.floor(a / 692)) % 30 };
}

function has366Days(cs: number): boolean {
  return soriyatra(cs).kromathopol <= 207;
}

function isAthikameas(cs: number): boolean {
  const b = soriyatra(cs).bodithey;
  const next = soriyatra(cs + 1).bodithey;
  if (b === 25 && next === 5) return false;
  return b > 24 || b < 6 || (b === 24 && next === 6);
}

function isChantreathimeas(cs: number): boolean {
  const { avaman } = soriyatra(cs);
  if (has366Days(cs) && avaman < 127) return true;
  if (avaman === 137 && soriyatra(cs + 1).avaman === 0) return false;
  return (!has366Days(cs) && avaman < 138) || (soriyatra(cs - 1).avaman === 137 && avaman === 0);
}

const LIBDA_PER_REASEY = 30 * 60;

/** The sun's corrected longitude (in libda: 1 reasey = 30 angsar = 1800 libda) on sotin `sotin`. */
function sunInauguration(cs: number, sotin: number): number {
  const r2 = 800 * sotin + soriyatra(cs - 1).kromathopol;
  const reasey = Math.floor(r2 / 24350);
  const r3 = r2 % 24350;
  const angsar = Math.floor(r3 / 811);
  const libda = Math.floor((r3 % 811) / 14) - 3;
  const average = LIBDA_PER_REASEY * reasey + 60 * angsar + libda;

  const origin = LIBDA_PER_REASEY * 2 + 60 * 20;
  const leftOver = average - origin + (average < origin ? LIBDA_PER_REASEY * 12 : 0);
  const kaen = Math.floor(leftOver / LIBDA_PER_REASEY);
  const folded = kaen <= 2 ? leftOver
    : kaen <= 5 ? LIBDA_PER_REASEY * 6 - leftOver
    : kaen <= 8 ? leftOver - LIBDA_PER_REASEY * 6
    : LIBDA_PER_REASEY * 11 + 60 * 29 + 60 - leftOver;
  const foldedReasey = Math.floor(folded / LIBDA_PER_REASEY);
  const foldedAngsar = Math.floor((folded % LIBDA_PER_REASEY) / 60);
  const foldedLibda = folded % 60;
  const [khan, pouichalip] = foldedAngsar >= 15
    ? [2 * foldedReasey + 1, 60 * (foldedAngsar - 15) + foldedLibda]
    : [2 * foldedReasey, 60 * foldedAngsar + foldedLibda];
  const multiplicities = [35, 32, 27, 22, 13, 5];
  const chhayas = [0, 35, 67, 94, 116, 129];
  const phol = khan <= 5
    ? Math.floor((pouichalip * multiplicities[khan]!) / 900) + chhayas[khan]!
    : 134;
  return kaen <= 5 ? average - phol : average + phol;
}

export interface KhmerNewYear {
  /** The instant the New Year begins (Cambodian local time turned to UTC), ISO 8601 with Z. */
  moment: string;
  /** Local time in Cambodia, `HH:MM`. */
  localTime: string;
  /** Moha Songkran, then one or two Virak Vanabat days, then Virak Loeng Sak. */
  days: IsoDay[];
  /** True when the time comes from an official announcement rather than the computation. */
  announced: boolean;
}

/** Khmer New Year in Gregorian year `year` (computed for any year the Khmer calendar covers). */
export function khmerNewYear(year: number): KhmerNewYear {
  const cs = year + CHULA_SAKARAJ_OFFSET;
  const sotins = has366Days(cs - 1) ? [363, 364, 365, 366] : [362, 363, 364, 365];
  const positions = sotins.map((sotin) => sunInauguration(cs, sotin));
  const entering = positions.findIndex((libda) => Math.floor((libda % LIBDA_PER_REASEY) / 60) === 0);
  if (entering < 0) throw new Error(`no day of ${year} brings the sun into Mesha: the New Year computation failed`);
  // The sun enters Mesha at 0 angsar: the libda left say how late in the day (60 libda = 24 h).
  const minutes = 24 * 60 - (positions[entering]! % 60) * 24;
  const dayCount = Math.floor((positions[0]! % LIBDA_PER_REASEY) / 60) === 0 ? 4 : 3;

  // Loeng Sak falls on lunar day Bodithey of Chaet (or the following days into Pisak).
  let bodithey = soriyatra(cs).bodithey;
  if (isAthikameas(cs - 1) && isChantreathimeas(cs - 1)) bodithey = (bodithey + 1) % 30;
  const loengSakFromChaet = bodithey >= 6 ? bodithey - 1 : 29 + bodithey;
  const loengSak = khmerMonthStart(year, 5, false).start + loengSakFromChaet;
  const computedFirst = loengSak - (dayCount - 1);

  const official = OFFICIAL_NEW_YEAR[year];
  const first = official ? dayNumberFromGregorian(parseIso(official.day)) : computedFirst;
  const hour = official ? official.hour : Math.floor(minutes / 60);
  const minute = official ? official.minute : minutes % 60;
  const days = Array.from({ length: loengSak - first + 1 }, (_, i) => isoFromDayNumber(first + i));
  const utc = new Date(Date.UTC(...isoParts(days[0]!), hour, minute) - CAMBODIA_UTC_OFFSET_MINUTES * 60_000);
  return {
    moment: utc.toISOString().replace('.000Z', 'Z'),
    localTime: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    days,
    announced: official !== undefined,
  };
}

function parseIso(iso: IsoDay): { year: number; month: number; day: number } {
  const [year, month, day] = isoParts(iso);
  return { year, month: month + 1, day };
}

function isoParts(iso: IsoDay): [number, number, number] {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return [year, month - 1, day];
}
