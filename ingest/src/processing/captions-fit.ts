import type { TextPassage } from '@disan/schemas';

/**
 * Caption timings and a container's duration are rounded differently (a frame,
 * an audio packet): an overrun this small is noise, not a mismatch worth a warning.
 */
export const CAPTION_OVERRUN_TOLERANCE_SECONDS = 0.5;

export interface FittedCaptions {
  passages: TextPassage[];
  /** Why the captions do not fit their recording, for a person; absent when they do. */
  warning?: string;
}

/**
 * Fits caption passages to the recording they belong to: cues that end after it are
 * clamped to its end, cues that start after it are left out (a search hit there
 * would seek past the end of the player). Passages are renumbered so `seq` stays
 * contiguous.
 * @example fitCaptionsToRecording([{ ..., startSeconds: 90, endSeconds: 102 }], 95).warning
 * // 'the captions run to 1:42 but the recording lasts 1:35: 1 cue ends after it (clamped)'
 */
export function fitCaptionsToRecording(passages: readonly TextPassage[], recordingSeconds: number): FittedCaptions {
  const limit = recordingSeconds + CAPTION_OVERRUN_TOLERANCE_SECONDS;
  const kept = passages.filter((p) => (p.startSeconds ?? 0) <= limit);
  const clamped = kept.filter((p) => (p.endSeconds ?? 0) > limit).length;
  const dropped = passages.length - kept.length;
  const fitted = kept.map((p, seq) => {
    if ((p.endSeconds ?? 0) <= limit) return { ...p, seq };
    return { ...p, seq, startSeconds: Math.min(p.startSeconds ?? 0, recordingSeconds), endSeconds: recordingSeconds };
  });
  if (clamped === 0 && dropped === 0) return { passages: fitted };
  const runsTo = Math.max(...passages.map((p) => p.endSeconds ?? 0));
  const parts = [
    ...(clamped > 0 ? [`${count(clamped, 'cue ends', 'cues end')} after it (clamped)`] : []),
    ...(dropped > 0 ? [`${count(dropped, 'starts', 'start')} after it (left out of search)`] : []),
  ];
  return { passages: fitted, warning: `the captions run to ${clock(runsTo)} but the recording lasts ${clock(recordingSeconds)}: ${parts.join(', ')}` };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** @example clock(102) // '1:42'; clock(94.5) // '1:34.5'; clock(3725) // '1:02:05' */
export function clock(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const whole = Math.floor(tenths / 10);
  const fraction = tenths % 10 === 0 ? '' : `.${tenths % 10}`;
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${h > 0 ? `${h}:${pad(m)}` : m}:${pad(s)}${fraction}`;
}
