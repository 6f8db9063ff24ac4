/**
 * Upload progress as a person reads it: bytes in the reader's units, a speed measured over
 * the last few seconds (a 3G link stalls and bursts: the rate since the start would hide
 * a stall for minutes, the rate of the last chunk jumps about), and the time left.
 * Pure, so the island and the tests share it.
 */

/** One reading: bytes sent so far (all files together) at a time in milliseconds. */
export interface Sample {
  at: number;
  sent: number;
}

/** How far back the speed looks. Chunks of 1-5 MB take 10-40 s on 3G: 20 s sees at least one. */
export const SPEED_WINDOW_MS = 20_000;

/**
 * Keeps the samples of the window (and the one just before it, as the window's start).
 * @example recordSample([{ at: 0, sent: 0 }], { at: 30_000, sent: 10 }).length // 2
 */
export function recordSample(samples: readonly Sample[], sample: Sample, windowMs = SPEED_WINDOW_MS): Sample[] {
  const all = [...samples, sample];
  const from = sample.at - windowMs;
  let first = 0;
  while (first + 1 < all.length - 1 && (all[first + 1]?.at ?? 0) <= from) first += 1;
  return all.slice(first);
}

/**
 * Bytes per second over the samples kept; null until there are two readings a second apart.
 * A paused upload sends nothing: its speed falls to 0 and the time left is unknown.
 * @example bytesPerSecond([{ at: 0, sent: 0 }, { at: 4000, sent: 400_000 }]) // 100000
 */
export function bytesPerSecond(samples: readonly Sample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at - first.at < 1000) return null;
  return Math.max(0, (last.sent - first.sent) / ((last.at - first.at) / 1000));
}

/**
 * Seconds left at the given speed, rounded up; null when it cannot be told (no speed yet, stalled).
 * @example secondsLeft(1_000_000, 250_000, 100_000) // 8
 */
export function secondsLeft(total: number, sent: number, speed: number | null): number | null {
  if (speed === null || speed <= 0) return null;
  return Math.ceil(Math.max(0, total - sent) / speed);
}

/** Per file: what is sent of what. */
export interface FileProgress {
  sent: number;
  total: number;
}

/**
 * All files together, and the fraction done (0-1); a file of 0 bytes counts as done.
 * @example overall([{ sent: 5, total: 10 }, { sent: 10, total: 10 }]) // { sent: 15, total: 20, fraction: 0.75 }
 */
export function overall(files: readonly FileProgress[]): { sent: number; total: number; fraction: number } {
  let sent = 0;
  let total = 0;
  for (const file of files) {
    sent += Math.min(file.sent, file.total);
    total += file.total;
  }
  return { sent, total, fraction: total === 0 ? 1 : sent / total };
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A size in the reader's language and units of 1000 (as phones and operators count them).
 * @example formatBytes(1_500_000, 'en') // '1.5 MB'
 * @example formatBytes(999, 'vi') // '999 byte'
 */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: BYTE_UNITS[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}

/**
 * A time left in the reader's language: seconds under a minute, minutes under an hour, then hours and minutes.
 * @example formatDuration(75, 'en') // '2 min'
 * @example formatDuration(3 * 3600 + 600, 'en') // '3 hr 10 min'
 */
export function formatDuration(seconds: number, locale: string): string {
  const unit = (n: number, name: 'second' | 'minute' | 'hour') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(n);
  if (seconds < 60) return unit(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return unit(Math.ceil(seconds / 60), 'minute');
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.ceil((seconds - hours * 3600) / 60);
  if (minutes === 0) return unit(hours, 'hour');
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format([unit(hours, 'hour'), unit(minutes, 'minute')]);
}
