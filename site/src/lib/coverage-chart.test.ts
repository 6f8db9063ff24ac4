import { describe, expect, it } from 'vitest';
import { figure, SOC_TRANG } from '../coverage/report.fixture.ts';
import { stateChart, yearChart } from './coverage-chart.ts';

describe('the coverage by year chart', () => {
  const chart = yearChart(SOC_TRANG.years, 70, '2025-12-31', SOC_TRANG.now.at);

  it('has a bar for every year, the last one today\'s', () => {
    expect(chart.bars.map((bar) => [bar.year, bar.percentage, bar.current])).toEqual([[2023, 12.5, false], [2024, 40, false], [2025, 50, true]]);
  });

  it('scales each bar to its percentage from the bottom of the plot', () => {
    const bottom = chart.plot.y + chart.plot.height;
    for (const bar of chart.bars) {
      expect(bar.y + bar.height).toBeCloseTo(bottom);
      expect(bar.height).toBeCloseTo(((bar.percentage ?? 0) / 100) * chart.plot.height);
      expect(bar.x).toBeGreaterThanOrEqual(chart.plot.x);
      expect(bar.x + bar.width).toBeLessThanOrEqual(chart.plot.x + chart.plot.width);
    }
    expect(chart.bars[2]!.height).toBeCloseTo(128);
  });

  it('draws the target across at its height and marks the deadline\'s year', () => {
    expect(chart.target).toEqual({ value: 70, y: chart.plot.y + chart.plot.height * 0.3 });
    expect(chart.deadline).toMatchObject({ year: 2025, centre: chart.bars[2]!.centre });
    expect(chart.ticks.map((tick) => tick.value)).toEqual([0, 25, 50, 75, 100]);
  });

  it('leaves empty slots for the years still to come up to the deadline', () => {
    const later = yearChart(SOC_TRANG.years, 70, '2027-06-30');
    expect(later.bars.map((bar) => [bar.year, bar.percentage])).toEqual([[2023, 12.5], [2024, 40], [2025, 50], [2026, null], [2027, null]]);
    expect(later.bars[4]!.height).toBe(0);
    expect(later.deadline?.year).toBe(2027);
  });

  it('shows the latest fifteen years of a long history, and refuses a deadline that is not a date', () => {
    const long = Array.from({ length: 30 }, (_, i) => figure(1996 + i, 1, 1, 0, 0, 0));
    expect(yearChart(long, 50, '2020-12-31').bars[0]?.year).toBe(2011);
    expect(yearChart(long, 50, '2000-12-31').deadline).toBeNull();
    expect(() => yearChart(long, 50, 'soon')).toThrow(/not a date/);
  });
});

describe('the state breakdown', () => {
  it('lays the states side by side, each as wide as its share', () => {
    const chart = stateChart(SOC_TRANG.now);
    expect(chart.segments.map((s) => [s.state, s.count, s.share])).toEqual([['notDocumented', 3, 30], ['described', 2, 20], ['digitised', 3, 30], ['published', 2, 20]]);
    expect(chart.segments.map((s) => s.x)).toEqual([0, 192, 320, 512]);
    const last = chart.segments.at(-1)!;
    expect(last.x + last.width).toBeCloseTo(chart.plot.width);
  });

  it('leaves out empty states, draws nothing for an empty scope, and refuses states that do not add up', () => {
    expect(stateChart(figure(2025, 2, 0, 0, 2, 0)).segments).toEqual([{ state: 'digitised', count: 2, share: 100, x: 0, width: 640 }]);
    expect(stateChart(figure(2025, 0, 0, 0, 0, 0)).segments).toEqual([]);
    expect(() => stateChart({ total: 5, notDocumented: 1, described: 1, digitised: 1, published: 1 })).toThrow(/add up to 4/);
  });
});
