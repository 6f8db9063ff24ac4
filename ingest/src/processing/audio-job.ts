import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UnsupportedMediaError } from '../errors.ts';
import type { AvProbe, LoudnessMeasure } from '../media/ffmpeg.ts';
import { createPeakCollector, samplesPerPeak, WAVEFORM_SAMPLE_RATE } from '../media/waveform.ts';
import { acceptRecording, createAvJobHandler, type AvJobDeps, type AvWork, type Step } from './av-job.ts';

/**
 * `audio.derivatives`: Opus (`audio-opus`, Ogg) and MP3 (`audio-mp3`, 128 kb/s)
 * renditions, loudness-normalised (media/loudness.ts: one measuring pass, then one gain),
 * and waveform peaks (`waveform-json`) for the player. A damaged or empty recording
 * fails its media with the reason; the original is kept.
 */
export function createAudioJobHandler(deps: AvJobDeps) {
  return createAvJobHandler(deps, (work, probe) => audioSteps(deps, work, probe), acceptAudio);
}

export function acceptAudio(probe: AvProbe): void {
  acceptRecording(probe);
  if (!probe.audio) throw new UnsupportedMediaError('it has no audio stream');
}

/** The steps of a recording; the video job uses them too for a "video" file that holds only sound. */
export function audioSteps({ av }: AvJobDeps, { input, dir, signal }: AvWork, probe: AvProbe): Step[] {
  const run = signal ? { signal } : {};
  const duration = probe.durationSeconds;
  // Measured once per run, and only when a step still has to be made: a run resumed after
  // a crash measures again (the same original gives the same figures, so the same gain).
  let measured: Promise<LoudnessMeasure | null> | undefined;
  const measure = () => (measured ??= av.loudness(input, duration, run));
  const encode = (name: string, format: 'opus' | 'mp3', extension: string, mimeType: string): Step => ({
    names: [name],
    announce: format === 'opus',
    run: async () => {
      const file = join(dir, `${name}.${extension}`);
      await av.audio(input, file, format, duration, run, await measure());
      return [{ name, extension, mimeType, file, durationSeconds: duration }];
    },
  });
  return [
    encode('audio-opus', 'opus', 'opus', 'audio/ogg; codecs=opus'),
    encode('audio-mp3', 'mp3', 'mp3', 'audio/mpeg'),
    {
      names: ['waveform-json'],
      run: async () => {
        const peaks = createPeakCollector(WAVEFORM_SAMPLE_RATE, samplesPerPeak(duration, WAVEFORM_SAMPLE_RATE));
        // Drawn from the audio as it plays (normalised): a quiet word is not a flat line.
        await av.pcm(input, WAVEFORM_SAMPLE_RATE, (chunk) => { peaks.push(chunk); }, duration, run, await measure());
        const file = join(dir, 'waveform.json');
        await writeFile(file, JSON.stringify(peaks.finish()));
        return [{ name: 'waveform-json', extension: 'json', mimeType: 'application/json', file }];
      },
    },
  ];
}
