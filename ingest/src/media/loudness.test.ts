import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAvAdapter } from './ffmpeg.ts';
import { applyFilter, LOUDNESS_TARGET, parseLoudnorm } from './loudness.ts';

const run = promisify(execFile);
const av = createAvAdapter({ ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' });

/** Integrated loudness as ffmpeg's ebur128 filter measures it (its summary's "I:" line), independent of loudnorm. */
async function integratedLoudness(file: string): Promise<number> {
  const { stderr } = await run('ffmpeg', ['-nostdin', '-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=framelog=verbose', '-f', 'null', '-']);
  const match = /Integrated loudness:\s*I:\s*(-?[\d.]+) LUFS/.exec(stderr);
  if (!match) throw new Error(`ebur128 printed no integrated loudness:\n${stderr.slice(-800)}`);
  return Number(match[1]);
}

/** A five-second voice-like tone (330 Hz with a 3 Hz tremolo) at a given gain, as WAV. */
async function tone(file: string, amplitude: number): Promise<string> {
  await run('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=48000:duration=5',
    '-af', `volume='${amplitude}*(0.6+0.4*sin(2*PI*3*t))':eval=frame`, '-c:a', 'pcm_s16le', file]);
  return file;
}

describe('parseLoudnorm and applyFilter', () => {
  const log = `[Parsed_loudnorm_0 @ 0x55] \n{\n\t"input_i" : "-27.61",\n\t"input_tp" : "-4.47",\n\t"input_lra" : "18.06",\n\t"input_thresh" : "-39.20",\n\t"output_i" : "-16.58",\n\t"normalization_type" : "dynamic",\n\t"target_offset" : "0.58"\n}\n`;

  it('reads the first pass figures from the end of the log', () => {
    expect(parseLoudnorm(`Stream #0:0: Audio: pcm_s16le {bogus}\n${log}`)).toEqual({ integrated: -27.61, truePeak: -4.47, range: 18.06, threshold: -39.2, offset: 0.58 });
  });

  it('leaves silence alone: -inf is no measurement', () => {
    expect(parseLoudnorm(log.replace('"-27.61"', '"-inf"'))).toBeNull();
  });

  it('says so when loudnorm printed nothing', () => {
    expect(() => parseLoudnorm('Output #0, null')).toThrow(/no measurement/);
    expect(() => parseLoudnorm('{ "input_i" : "-20" }')).toThrow(/no input_tp/);
  });

  it('applies one plain gain when it keeps the true peak under its ceiling', () => {
    expect(applyFilter({ integrated: -30, truePeak: -20, range: 3, threshold: -40, offset: 0.2 })).toBe('volume=14.00dB');
    expect(applyFilter({ integrated: -8, truePeak: 0, range: 3, threshold: -18, offset: 0 })).toBe('volume=-8.00dB');
  });

  it('leaves loud peaks to loudnorm, with the measured figures', () => {
    const filter = applyFilter({ integrated: -30, truePeak: -12, range: 3, threshold: -40, offset: 0.2 });
    expect(filter).toContain(`I=${LOUDNESS_TARGET.integrated}:TP=${LOUDNESS_TARGET.truePeak}`);
    expect(filter).toContain('measured_I=-30:measured_TP=-12:measured_LRA=3:measured_thresh=-40:offset=0.2:linear=true');
  });
});

describe('two-pass loudness normalisation with real ffmpeg', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disan-loudness-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['a quiet voice far from the microphone', (file: string) => tone(file, 0.02)],
    // lavfi's sine is at 1/8 of full scale: 7.5 brings its peaks near 0 dBFS (about -8 LUFS).
    ['a voice shouting into it', (file: string) => tone(file, 7.5)],
  ])('brings %s within 1 LU of the target, in Opus and MP3', async (_name, make) => {
    const input = await make(join(dir, `${_name.length}.wav`));
    const before = await integratedLoudness(input);
    expect(Math.abs(before - LOUDNESS_TARGET.integrated)).toBeGreaterThan(8);
    const measure = await av.loudness(input, 5);
    expect(measure?.integrated).toBeCloseTo(before, 0);
    for (const [format, extension] of [['opus', 'opus'], ['mp3', 'mp3']] as const) {
      const output = join(dir, `${_name.length}.${extension}`);
      await av.audio(input, output, format, 5, {}, measure);
      const after = await integratedLoudness(output);
      expect(Math.abs(after - LOUDNESS_TARGET.integrated), `${format}: ${after} LUFS (was ${before})`).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it('draws the waveform from the audio as it plays: the quiet voice fills the player', async () => {
    const input = await tone(join(dir, 'quiet.wav'), 0.02);
    const measure = await av.loudness(input, 5);
    const peakOf = async (normalise: boolean) => {
      let peak = 0;
      await av.pcm(input, 8000, (chunk) => {
        for (let i = 0; i + 1 < chunk.length; i += 2) peak = Math.max(peak, Math.abs(chunk.readInt16LE(i)) / 32768);
      }, 5, {}, normalise ? measure : null);
      return peak;
    };
    expect(await peakOf(false)).toBeLessThan(0.03);
    expect(await peakOf(true)).toBeGreaterThan(0.2);
  }, 60_000);
});
