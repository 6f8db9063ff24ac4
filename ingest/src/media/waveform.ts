/**
 * Waveform peaks for a player to draw, computed while ffmpeg streams a low-rate
 * mono decode (16-bit little-endian PCM): a two-hour recording never sits in
 * memory. The JSON follows the shape of BBC audiowaveform's output (`version`,
 * `sample_rate`, `samples_per_pixel`, min/max pairs) with camelCase names and
 * values scaled to -1…1 (`Waveform` in schemas/).
 */
import type { Waveform } from '@disan/schemas';

export const WAVEFORM_SAMPLE_RATE = 8000;
/** About as many points as a wide player has pixels. */
export const WAVEFORM_TARGET_POINTS = 1500;

/**
 * @example samplesPerPeak(10, 8000) // 54 (1482 points)
 */
export function samplesPerPeak(durationSeconds: number, sampleRate: number, target = WAVEFORM_TARGET_POINTS): number {
  return Math.max(1, Math.ceil((durationSeconds * sampleRate) / target));
}

/** Feeds PCM chunks in (split anywhere, even inside a sample), takes the waveform out. */
export function createPeakCollector(sampleRate: number, perPeak: number) {
  const peaks: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  let inBlock = 0;
  let carry: Buffer | undefined;

  const flush = () => {
    if (inBlock === 0) return;
    peaks.push(scale(min), scale(max));
    min = Infinity;
    max = -Infinity;
    inBlock = 0;
  };

  return {
    push(chunk: Buffer): void {
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const whole = bytes.length - (bytes.length % 2);
      carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : undefined;
      for (let offset = 0; offset < whole; offset += 2) {
        const sample = bytes.readInt16LE(offset);
        if (sample < min) min = sample;
        if (sample > max) max = sample;
        if (++inBlock === perPeak) flush();
      }
    },
    finish(): Waveform {
      flush();
      return { version: 1, sampleRate, samplesPerPeak: perPeak, length: peaks.length / 2, peaks: [...peaks] };
    },
  };
}

const scale = (sample: number) => Math.round((sample / 32768) * 10_000) / 10_000;
