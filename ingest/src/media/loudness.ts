/**
 * Loudness normalisation of audio renditions with ffmpeg's `loudnorm` filter (EBU R128),
 * in two passes: the first measures the original, the second applies one gain computed
 * from that measurement (`linear=true`), so a word is not pumped by the filter's dynamic
 * mode and every rendition of a recording gets the same gain. Pure: the adapter
 * (ffmpeg.ts) runs the passes, this file says what to ask and reads the answer.
 */

/**
 * -16 LUFS integrated, true peak at most -1.5 dBTP, loudness range 11 LU: the level AES
 * TD1004 recommends for streamed speech heard on phones (EBU R128's -23 LUFS is for
 * broadcast and sounds too quiet beside other apps); words recorded in a quiet house and
 * at a loud festival then play at the same level, one after another.
 */
export const LOUDNESS_TARGET = { integrated: -16, truePeak: -1.5, range: 11 } as const;

/** What the first pass measures of the original. */
export interface LoudnessMeasure {
  integrated: number;
  truePeak: number;
  range: number;
  threshold: number;
  /** The offset loudnorm proposes to land exactly on the target. */
  offset: number;
}

const TARGET = `I=${LOUDNESS_TARGET.integrated}:TP=${LOUDNESS_TARGET.truePeak}:LRA=${LOUDNESS_TARGET.range}`;

/** The first pass's filter: measure, and print the figures as JSON on stderr. */
export const MEASURE_FILTER = `loudnorm=${TARGET}:print_format=json`;

/**
 * The second pass's filter. When one gain reaches the target without pushing the true peak
 * over its ceiling (what loudnorm's `linear=true` then applies, and nothing more), it is
 * ffmpeg's plain `volume` filter: the same sound, without loudnorm's 192 kHz resampling,
 * which made a 30 s recording's encode three times slower. Otherwise loudnorm itself, with
 * the measured figures, limits the peaks (its dynamic mode); the caller sets the output rate.
 * @example applyFilter({ integrated: -30, truePeak: -20, range: 3, threshold: -40, offset: 0.2 }) // 'volume=14.00dB'
 * @example applyFilter({ integrated: -30, truePeak: -3, range: 3, threshold: -40, offset: 0.2 })
 * // 'loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-30:measured_TP=-3:measured_LRA=3:measured_thresh=-40:offset=0.2:linear=true'
 */
export function applyFilter(measure: LoudnessMeasure): string {
  const m = measure;
  const gain = LOUDNESS_TARGET.integrated - m.integrated;
  if (m.truePeak + gain <= LOUDNESS_TARGET.truePeak) return `volume=${gain.toFixed(2)}dB`;
  return `loudnorm=${TARGET}:measured_I=${m.integrated}:measured_TP=${m.truePeak}:measured_LRA=${m.range}:measured_thresh=${m.threshold}:offset=${m.offset}:linear=true`;
}

/**
 * The figures loudnorm printed at the end of a measuring pass (the last JSON object of its
 * log), or null for a silent recording (`-inf`): silence is left as it is, since no gain
 * can bring it to a level.
 * @example parseLoudnorm('[Parsed_loudnorm_0 @ 0x1] \n{ "input_i" : "-27.61", "input_tp" : "-4.47", "input_lra" : "18.06", "input_thresh" : "-39.20", "target_offset" : "0.58" }')
 * // { integrated: -27.61, truePeak: -4.47, range: 18.06, threshold: -39.2, offset: 0.58 }
 */
export function parseLoudnorm(log: string): LoudnessMeasure | null {
  const start = log.lastIndexOf('{');
  const end = log.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('loudnorm printed no measurement');
  const printed = JSON.parse(log.slice(start, end + 1)) as Record<string, unknown>;
  const figure = (key: string) => {
    const value = printed[key];
    if (typeof value !== 'string') throw new Error(`loudnorm's measurement has no ${key}`);
    return Number(value);
  };
  const measure = {
    integrated: figure('input_i'),
    truePeak: figure('input_tp'),
    range: figure('input_lra'),
    threshold: figure('input_thresh'),
    offset: figure('target_offset'),
  };
  return Object.values(measure).every(Number.isFinite) ? measure : null;
}
