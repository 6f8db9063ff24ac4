import { describe, expect, it } from 'vitest';
import { createPeakCollector, samplesPerPeak } from './waveform.ts';

const pcm = (samples: number[]) => {
  const buffer = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => buffer.writeInt16LE(s, i * 2));
  return buffer;
};

describe('waveform peaks', () => {
  it('chooses about 1500 points whatever the length', () => {
    expect(samplesPerPeak(10, 8000)).toBe(54);
    expect(samplesPerPeak(7200, 8000)).toBe(38400);
    expect(samplesPerPeak(0.01, 8000)).toBe(1);
  });

  it('keeps the min and max of each block, scaled to -1…1, the last block partial', () => {
    const collector = createPeakCollector(8000, 3);
    collector.push(pcm([0, 16384, -16384, 32767, -32768, 100, 5]));
    expect(collector.finish()).toEqual({ version: 1, sampleRate: 8000, samplesPerPeak: 3, length: 3, peaks: [-0.5, 0.5, -1, 1, 0.0002, 0.0002] });
  });

  it('gives the same peaks when chunks split a sample in two', () => {
    const bytes = pcm([1000, -2000, 3000, -4000, 5000]);
    const whole = createPeakCollector(8000, 2);
    whole.push(bytes);
    const split = createPeakCollector(8000, 2);
    for (const cut of [bytes.subarray(0, 3), bytes.subarray(3, 4), bytes.subarray(4, 9), bytes.subarray(9)]) split.push(cut);
    expect(split.finish()).toEqual(whole.finish());
  });
});
