import { Type, type Static } from 'typebox';

/**
 * Waveform peaks of a recording (the `waveform-json` rendition), for a player or a page
 * to draw. The shape follows BBC audiowaveform's output (`version`, `sample_rate`,
 * `samples_per_pixel`, min/max pairs) with camelCase names and values scaled to -1…1.
 */
export const Waveform = Type.Object(
  {
    version: Type.Literal(1),
    /** Rate of the decode the peaks were taken from. */
    sampleRate: Type.Integer({ minimum: 1 }),
    /** Source samples behind each min/max pair. */
    samplesPerPeak: Type.Integer({ minimum: 1 }),
    /** Number of min/max pairs: `peaks.length / 2`. */
    length: Type.Integer({ minimum: 0 }),
    /** min0, max0, min1, max1, … in -1…1, four decimals. */
    peaks: Type.Array(Type.Number({ minimum: -1, maximum: 1 })),
  },
  { additionalProperties: false },
);
export type Waveform = Static<typeof Waveform>;
