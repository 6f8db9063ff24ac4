import { describe, expect, it } from 'vitest';
import { WAVEFORM_HEIGHT, waveformPath } from './waveform.ts';

describe('waveformPath', () => {
  it('draws one bar per pair from the lowest to the highest peak, centred', () => {
    expect(waveformPath([-1, 1], 1)).toEqual({ d: 'M0 0h0.7v40h-0.7z', width: 1, height: WAVEFORM_HEIGHT });
    expect(waveformPath([-1, 1, 0, 0.25], 2)?.d).toBe('M0 0h0.7v40h-0.7zM1 15h0.7v5h-0.7z');
  });

  it('draws a quiet recording louder so its shape shows, at most 20 times, and leaves silence flat', () => {
    expect(waveformPath([-0.25, 0.25, 0, 0.125], 2)?.d).toBe('M0 0h0.7v40h-0.7zM1 10h0.7v10h-0.7z');
    expect(waveformPath([-0.01, 0.01], 1)?.d).toBe('M0 16h0.7v8h-0.7z');
    expect(waveformPath([0, 0], 1)?.d).toBe('M0 19.8h0.7v0.5h-0.7z');
  });

  it('groups many pairs into at most the bars asked, keeping each slice’s extremes', () => {
    const peaks = Array.from({ length: 1500 }, (_, i) => [-(i % 10) / 10, (i % 10) / 10]).flat();
    const drawing = waveformPath(peaks, 120);
    expect(drawing?.width).toBe(120);
    expect(drawing?.d.match(/M/g)).toHaveLength(120);
    // Every slice of 12.5 pairs holds the loudest peak (0.9, drawn full height).
    expect(drawing?.d.startsWith('M0 0h0.7v40h-0.7z')).toBe(true);
  });

  it.each([
    ['no peaks', []],
    ['a lone value', [0.3]],
    ['not a list', { peaks: [1] }],
    ['nothing', undefined],
  ])('draws nothing for %s', (_case, peaks) => {
    expect(waveformPath(peaks)).toBeNull();
  });

  it('treats silence as a thin line and garbage as silence, never as NaN in the path', () => {
    const drawing = waveformPath([0, 0, 'loud', Number.NaN, -7, 7], 3);
    expect(drawing?.d).toBe('M0 19.8h0.7v0.5h-0.7zM1 19.8h0.7v0.5h-0.7zM2 0h0.7v40h-0.7z');
  });
});
