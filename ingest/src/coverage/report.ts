import type { CoverageAddition, CoverageFigure, CoverageGap, CoveragePace, CoverageReport, CoverageTarget, RecurringDate, ViabilityLevel } from '@disan/schemas';
import { VIABILITY_LEVELS } from '@disan/schemas';
import { CalendarInputError, dayNumberFromIso, nextOccurrence } from '../calendar/index.ts';
import { figureOf, provinceKeysOf, standingsAt, type ElementStanding } from './compute.ts';
import type { CoverageHistory } from './history.ts';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const MONTH_MS = (365.2425 / 12) * 86_400_000;

/** The last instant of a year in Vietnam: 31 December 24:00 at UTC+7. */
export const yearEnd = (year: number): number => Date.UTC(year + 1, 0, 1) - VIETNAM_OFFSET_MS;
/** The year a moment falls in, in Vietnam. */
export const yearOf = (at: number): number => new Date(at + VIETNAM_OFFSET_MS).getUTCFullYear();
const vietnamDay = (at: number): string => new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

export interface ReportOptions {
  now?: Date;
  /** Whether the viewer may read an element (gaps name only those). */
  mayRead?: (elementId: string) => boolean;
}

/**
 * A target's coverage: now, at the end of every year since the history began (the current
 * year's figure is now's), the pace against the deadline, and the gaps. One load of the
 * history serves every year: each year is one pass over it in memory.
 */
export function coverageReport(history: CoverageHistory, target: CoverageTarget, options: ReportOptions = {}): CoverageReport {
  const now = (options.now ?? new Date()).getTime();
  const provinceKeys = provinceKeysOf(target.scope);
  const at = (moment: number): ElementStanding[] => standingsAt(history, target, moment, provinceKeys);
  const current = at(now);
  const nowFigure = figureOf(current, now, yearOf(now));
  const years: CoverageFigure[] = [];
  if (history.firstAt !== null) {
    for (let year = yearOf(history.firstAt); year < yearOf(now); year += 1) years.push(figureOf(at(yearEnd(year)), yearEnd(year), year));
  }
  years.push(nowFigure);
  const yearAgo = now - 12 * MONTH_MS;
  const pace = paceOf(target, nowFigure, figureOf(at(yearAgo), yearAgo, yearOf(yearAgo)), now);
  const mayRead = options.mayRead ?? (() => true);
  const gaps = gapsOf(current, now);
  const visible = gaps.filter((gap) => mayRead(gap.elementId));
  return { target, now: nowFigure, years, pace, gaps: visible, hiddenGaps: gaps.length - visible.length };
}

/** The report with only the gaps `mayRead` lets through named; the others are counted. */
export function withReadableGaps<R extends CoverageReport>(report: R, mayRead: (elementId: string) => boolean): R {
  const gaps = report.gaps.filter((gap) => mayRead(gap.elementId));
  return { ...report, gaps, hiddenGaps: report.hiddenGaps + report.gaps.length - gaps.length };
}

/** Points per month needed from now to the deadline, against the last twelve months' gain. */
export function paceOf(target: Pick<CoverageTarget, 'percentage' | 'deadline'>, now: CoverageFigure, yearAgo: CoverageFigure, at: number): CoveragePace {
  // The deadline day ends at midnight in Vietnam.
  const deadline = Date.parse(`${target.deadline}T00:00:00+07:00`) + 86_400_000;
  const monthsLeft = Math.round(((deadline - at) / MONTH_MS) * 10) / 10;
  const lastYearPerMonth = Math.round(((now.percentage - yearAgo.percentage) / 12) * 100) / 100;
  if (now.percentage >= target.percentage) return { monthsLeft, neededPerMonth: 0, lastYearPerMonth, status: 'met' };
  if (monthsLeft <= 0) return { monthsLeft, neededPerMonth: null, lastYearPerMonth, status: 'missed' };
  const neededPerMonth = Math.round(((target.percentage - now.percentage) / Math.max(monthsLeft, 1 / 30)) * 100) / 100;
  return { monthsLeft, neededPerMonth, lastYearPerMonth, status: lastYearPerMonth >= neededPerMonth ? 'on-track' : 'behind' };
}

const RISK = new Map<ViabilityLevel | null, number>(VIABILITY_LEVELS.map((level, index) => [level, -index]));

/**
 * Elements not yet digitised, the most endangered first, then the soonest season, then by id.
 * An element without a viability ranks after those with one; one without a season after
 * those with one at the same risk.
 */
export function gapsOf(standings: readonly ElementStanding[], now: number): CoverageGap[] {
  const today = vietnamDay(now);
  const gaps = standings
    .filter((s) => s.state === 'not-documented' || s.state === 'described')
    .map((s): CoverageGap => {
      const next = nextDate(s.version.recurrence, today);
      return {
        elementId: s.element.id,
        title: s.version.title,
        category: s.version.category ?? 'custom',
        state: s.state as CoverageGap['state'],
        viability: s.version.viability ?? null,
        nextDate: next,
        daysUntil: next === null ? null : dayNumberFromIso(next) - dayNumberFromIso(today),
        records: s.records,
        missing: s.missing,
      };
    });
  const risk = (gap: CoverageGap): number => RISK.get(gap.viability) ?? 1;
  return gaps.sort((a, b) => risk(a) - risk(b) || (a.daysUntil ?? Infinity) - (b.daysUntil ?? Infinity) || a.elementId.localeCompare(b.elementId));
}

function nextDate(recurrence: readonly RecurringDate[], today: string): string | null {
  let best: string | null = null;
  for (const recurring of recurrence) {
    try {
      const next = nextOccurrence(recurring, today);
      if (next && (best === null || next.start < best)) best = next.start;
    } catch (error) {
      if (!(error instanceof CalendarInputError)) throw error;
    }
  }
  return best;
}

/** Elements in the target's scope and records documenting them whose first version was written in `year`. */
export function additionsIn(history: CoverageHistory, report: CoverageReport, year: number): CoverageAddition[] {
  const from = yearEnd(year - 1);
  const to = yearEnd(year);
  const inYear = (createdAt: number): boolean => createdAt > from && createdAt <= to;
  const scoped = new Set(standingsAt(history, report.target, Math.min(to, Date.now())).map((s) => s.element.id));
  const additions: CoverageAddition[] = [];
  for (const element of history.elements) {
    if (scoped.has(element.id) && inYear(element.createdAt)) additions.push({ id: element.id, kind: element.kind, title: element.title, addedAt: new Date(element.createdAt).toISOString() });
  }
  for (const record of history.records) {
    if (inYear(record.createdAt) && record.versions.some((v) => v.elements.some((id) => scoped.has(id)))) {
      additions.push({ id: record.id, kind: record.kind, title: record.title, addedAt: new Date(record.createdAt).toISOString() });
    }
  }
  return additions.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}
