import type { TextPassage } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { clock, fitCaptionsToRecording } from './captions-fit.ts';

const cue = (seq: number, startSeconds: number, endSeconds: number): TextPassage => ({
  mediaId: 'm-vtt', itemId: 'i', seq, source: 'captions', startSeconds, endSeconds, recordingId: 'm-video', text: `cue ${seq}`,
});

describe('fitCaptionsToRecording', () => {
  it('leaves captions that fit, within half a second of tolerance, as they are and says nothing', () => {
    const passages = [cue(0, 0, 4), cue(1, 90, 95.4)];
    expect(fitCaptionsToRecording(passages, 95)).toEqual({ passages });
  });

  it('clamps cues that end after the recording, leaves out those that start after it, and says so', () => {
    const fitted = fitCaptionsToRecording([cue(0, 0, 4), cue(1, 90, 96), cue(2, 94, 97), cue(3, 95.3, 99), cue(4, 98, 102)], 95);
    expect(fitted.passages.map((p) => [p.seq, p.text, p.startSeconds, p.endSeconds])).toEqual([
      [0, 'cue 0', 0, 4],
      [1, 'cue 1', 90, 95],
      [2, 'cue 2', 94, 95],
      [3, 'cue 3', 95, 95],
    ]);
    expect(fitted.warning).toBe('the captions run to 1:42 but the recording lasts 1:35: 3 cues end after it (clamped), 1 starts after it (left out of search)');
  });

  it('names one clamped cue in the singular and leaves out nothing when every cue starts in time', () => {
    expect(fitCaptionsToRecording([cue(0, 1, 3)], 2).warning).toBe('the captions run to 0:03 but the recording lasts 0:02: 1 cue ends after it (clamped)');
  });
});

describe('clock', () => {
  it.each([
    [0, '0:00'],
    [95, '1:35'],
    [94.5, '1:34.5'],
    [3725, '1:02:05'],
  ])('%s s reads %s', (seconds, expected) => {
    expect(clock(seconds)).toBe(expected);
  });
});
