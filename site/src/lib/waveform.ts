/** Height of the drawing box; the width is the number of bars. */
export const WAVEFORM_HEIGHT = 40;
/** Enough bars to see a recording's shape on a phone, few enough to keep the page light. */
export const WAVEFORM_BARS = 120;
const BAR_WIDTH = 0.7;

export interface WaveformDrawing {
  /** SVG path data: one bar per slice of the recording, from its lowest to its highest peak. */
  d: string;
  width: number;
  height: number;
}

/** A quiet recording is drawn up to this many times louder, as players do, so its shape shows; near-silence stays flat. */
const MAX_GAIN = 20;

const round = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.max(-1, Math.min(1, n)) : 0);

function gainFor(peaks: readonly unknown[]): number {
  let loudest = 0;
  for (const peak of peaks) loudest = Math.max(loudest, Math.abs(clamp(peak)));
  return loudest === 0 ? 1 : Math.min(MAX_GAIN, 1 / loudest);
}

/**
 * The waveform of a recording as bars, drawn on the server so the page needs no
 * JavaScript: the min/max peak pairs (-1…1) are grouped into at most `bars` slices,
 * scaled so the loudest peak fills the box (at most 20×). Null when there is nothing
 * to draw. Values out of range or not numbers count as silence.
 * @example waveformPath([-1, 1], 1) // { d: 'M0 0h0.7v40h-0.7z', width: 1, height: 40 }
 */
export function waveformPath(peaks: unknown, bars = WAVEFORM_BARS): WaveformDrawing | null {
  if (!Array.isArray(peaks)) return null;
  const pairs = Math.floor(peaks.length / 2);
  if (pairs === 0 || bars < 1) return null;
  const count = Math.min(bars, pairs);
  const middle = WAVEFORM_HEIGHT / 2;
  const gain = gainFor(peaks);
  const parts: string[] = [];
  for (let bar = 0; bar < count; bar++) {
    const from = Math.floor((bar * pairs) / count);
    const to = Math.max(from + 1, Math.floor(((bar + 1) * pairs) / count));
    let low = 0;
    let high = 0;
    for (let i = from; i < to; i++) {
      low = Math.min(low, clamp(peaks[2 * i]) * gain);
      high = Math.max(high, clamp(peaks[2 * i + 1]) * gain);
    }
    const span = (high - low) * middle;
    // Silence still shows as a thin line across the middle, so the chart reads as a recording.
    const length = Math.max(0.5, span);
    const top = span < 0.5 ? middle - length / 2 : middle - high * middle;
    parts.push(`M${bar} ${round(top)}h${BAR_WIDTH}v${round(length)}h-${BAR_WIDTH}z`);
  }
  return { d: parts.join(''), width: count, height: WAVEFORM_HEIGHT };
}
