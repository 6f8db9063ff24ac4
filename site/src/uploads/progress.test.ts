import { describe, expect, it } from 'vitest';
import { bytesPerSecond, formatBytes, formatDuration, overall, recordSample, secondsLeft, type Sample } from './progress.ts';

describe('speed over a window', () => {
  it('keeps the readings of the last 20 s and the one just before them', () => {
    let samples: Sample[] = [];
    for (let s = 0; s <= 60; s += 5) samples = recordSample(samples, { at: s * 1000, sent: s * 10_000 });
    expect(samples[0]?.at).toBe(40_000);
    expect(samples.at(-1)?.at).toBe(60_000);
    expect(bytesPerSecond(samples)).toBe(10_000);
  });

  it('sees a stall within the window, where the average since the start would not', () => {
    let samples: Sample[] = [];
    for (let s = 0; s <= 100; s += 5) samples = recordSample(samples, { at: s * 1000, sent: Math.min(s, 60) * 50_000 });
    // 50 kB/s for a minute, then nothing for 40 s: the average since the start is still 30 kB/s.
    expect(bytesPerSecond(samples)).toBe(0);
    expect(secondsLeft(10_000_000, 3_000_000, bytesPerSecond(samples))).toBeNull();
  });

  it('has no speed before two readings a second apart', () => {
    expect(bytesPerSecond([])).toBeNull();
    expect(bytesPerSecond([{ at: 0, sent: 0 }, { at: 500, sent: 1000 }])).toBeNull();
    expect(bytesPerSecond([{ at: 0, sent: 0 }, { at: 2000, sent: 1000 }])).toBe(500);
  });

  it.each([
    [1_000_000, 0, 100_000, 10],
    [1_000_000, 999_999, 100_000, 1],
    [1_000_000, 1_000_000, 100_000, 0],
    [1_000_000, 0, null, null],
    [1_000_000, 0, 0, null],
  ])('total %i, sent %i at %s B/s: %s s left', (total, sent, speed, left) => {
    expect(secondsLeft(total, sent, speed)).toBe(left);
  });
});

describe('overall progress', () => {
  it('adds the files up and never counts more than a file holds', () => {
    expect(overall([{ sent: 5, total: 10 }, { sent: 12, total: 10 }, { sent: 0, total: 20 }])).toEqual({ sent: 15, total: 40, fraction: 0.375 });
    expect(overall([])).toEqual({ sent: 0, total: 0, fraction: 1 });
  });
});

describe('formatting', () => {
  it.each([
    [0, 'en', '0 byte'],
    [1_500_000, 'en', '1.5 MB'],
    [250_000, 'en', '250 kB'],
    [12_345_678_901, 'en', '12 GB'],
  ])('%i bytes in %s: %s', (bytes, locale, text) => {
    expect(formatBytes(bytes, locale)).toBe(text);
  });

  it('writes sizes in each language', () => {
    for (const locale of ['vi', 'km', 'zh-Hans']) expect(formatBytes(1_500_000, locale)).toMatch(/1[.,]5/);
  });

  it.each([
    [0.2, 'en', '1 sec'],
    [45, 'en', '45 sec'],
    [75, 'en', '2 min'],
    [3600, 'en', '1 hr'],
    [3 * 3600 + 600, 'en', '3 hr 10 min'],
  ])('%s s in %s: %s', (seconds, locale, text) => {
    expect(formatDuration(seconds, locale)).toBe(text);
  });
});
