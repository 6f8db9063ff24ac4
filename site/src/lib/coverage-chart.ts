import type { CoverageFigure } from '@disan/schemas';

/**
 * The geometry of the coverage charts, drawn by the server as SVG (no chart library reaches
 * the browser). Pure numbers in a fixed viewBox: the SVG scales to the page's width, so the
 * same drawing is read on a phone. The data table beside each chart is the accessible source.
 */

/** The drawing's frame, in viewBox units. */
export interface ChartFrame {
  width: number;
  height: number;
  /** The plotting area inside the axes' labels. */
  plot: { x: number; y: number; width: number; height: number };
}

export interface YearBar {
  year: number;
  /** The year's figure, or null for a year still to come (up to the deadline). */
  percentage: number | null;
  /** The slot's left edge and width, and the bar's top and height (0 high without a figure). */
  x: number;
  width: number;
  y: number;
  height: number;
  /** The slot's middle, where its year is written. */
  centre: number;
  /** The figure is today's, not a year end's. */
  current: boolean;
}

export interface YearChart extends ChartFrame {
  bars: YearBar[];
  /** Gridlines and labels of the percentage axis. */
  ticks: { value: number; y: number }[];
  /** The target's share, drawn across. */
  target: { value: number; y: number };
  /** The deadline's year slot, marked; null when it falls before the first figure. */
  deadline: { year: number; x: number; width: number; centre: number } | null;
}

const YEAR_FRAME: ChartFrame = { width: 640, height: 320, plot: { x: 48, y: 16, width: 576, height: 256 } };
/** A bar fills this share of its year's slot. */
const BAR_SHARE = 0.6;
/** At most this many year slots: a longer history shows its latest years. */
const MAX_YEARS = 15;

const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * Coverage at each year end (the last bar today's), the years left to the deadline as empty
 * slots, the target as a line and the deadline's year marked.
 * @example yearChart([figure(2024, …, 40 %)], 70, '2025-12-31').bars.map((b) => b.year) // [2024, 2025]
 */
export function yearChart(years: readonly CoverageFigure[], targetPercentage: number, deadline: string, nowAt?: string): YearChart {
  const deadlineYear = Number(deadline.slice(0, 4));
  if (!Number.isInteger(deadlineYear)) throw new Error(`The deadline ${deadline} is not a date`);
  const byYear = new Map(years.map((figure) => [figure.year, figure]));
  const known = years.map((figure) => figure.year);
  const first = known.length > 0 ? Math.min(...known) : deadlineYear;
  const last = Math.max(known.length > 0 ? Math.max(...known) : deadlineYear, deadlineYear);
  const start = Math.max(first, last - MAX_YEARS + 1);
  const { plot } = YEAR_FRAME;
  const count = last - start + 1;
  const slot = plot.width / count;
  const yOf = (value: number): number => round(plot.y + plot.height - (Math.min(Math.max(value, 0), 100) / 100) * plot.height);
  const bars: YearBar[] = [];
  for (let year = start; year <= last; year += 1) {
    const figure = byYear.get(year);
    const x = plot.x + (year - start) * slot;
    const width = slot * BAR_SHARE;
    const top = figure === undefined ? yOf(0) : yOf(figure.percentage);
    bars.push({
      year,
      percentage: figure?.percentage ?? null,
      x: round(x + (slot - width) / 2),
      width: round(width),
      y: top,
      height: round(yOf(0) - top),
      centre: round(x + slot / 2),
      current: figure !== undefined && nowAt !== undefined && figure.at === nowAt,
    });
  }
  const deadlineSlot = deadlineYear >= start ? { year: deadlineYear, x: round(plot.x + (deadlineYear - start) * slot), width: round(slot), centre: round(plot.x + (deadlineYear - start + 0.5) * slot) } : null;
  return {
    ...YEAR_FRAME,
    bars,
    ticks: [0, 25, 50, 75, 100].map((value) => ({ value, y: yOf(value) })),
    target: { value: targetPercentage, y: yOf(targetPercentage) },
    deadline: deadlineSlot,
  };
}

/** The four states, in the order the stacked bar draws them (left to right, the furthest along last). */
export const STATE_ORDER = ['notDocumented', 'described', 'digitised', 'published'] as const;
export type StateKey = (typeof STATE_ORDER)[number];

export interface StateSegment {
  state: StateKey;
  count: number;
  /** Its share of the elements in scope, 0..100, one decimal. */
  share: number;
  x: number;
  width: number;
}

export interface StateChart extends ChartFrame {
  segments: StateSegment[];
  total: number;
}

const STATE_FRAME: ChartFrame = { width: 640, height: 72, plot: { x: 0, y: 8, width: 640, height: 56 } };

/**
 * The elements in scope by state as one bar, each state's width its share (empty states
 * are left out; nothing in scope draws nothing).
 * @example stateChart({ total: 4, notDocumented: 1, described: 1, digitised: 1, published: 1 }).segments[1] // { state: 'described', count: 1, share: 25, x: 160, width: 160 }
 */
export function stateChart(figure: Pick<CoverageFigure, 'total' | StateKey>): StateChart {
  const sum = STATE_ORDER.reduce((total, state) => total + figure[state], 0);
  if (sum !== figure.total) throw new Error(`The states add up to ${sum}, not the ${figure.total} elements in scope`);
  const { plot } = STATE_FRAME;
  const segments: StateSegment[] = [];
  let before = 0;
  for (const state of STATE_ORDER) {
    const count = figure[state];
    if (count === 0 || figure.total === 0) continue;
    segments.push({
      state,
      count,
      share: Math.round((count / figure.total) * 1000) / 10,
      x: round(plot.x + (before / figure.total) * plot.width),
      width: round((count / figure.total) * plot.width),
    });
    before += count;
  }
  return { ...STATE_FRAME, segments, total: figure.total };
}
