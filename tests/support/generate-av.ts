/**
 * Audio and video made on the fly with ffmpeg's synthetic sources (lavfi
 * testsrc2, smptebars, sine, anoisesrc), so tests run on real files without
 * carrying recordings in the repository, plus the hostile ones the pipeline must
 * refuse. Like the image bench's vipsthumbnail, this test tooling calls the
 * binary directly: the archive's own code reaches ffmpeg only through
 * ingest/src/media/ffmpeg.ts.
 *
 *   node tests/support/generate-av.ts samples   # (re)writes the sample recordings in media-samples/
 */
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const FFMPEG = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];

export function ffmpeg(args: string[]): Promise<unknown> {
  return run('ffmpeg', [...FFMPEG, ...args], { maxBuffer: 16 * 1024 * 1024 });
}

export async function ffprobeJson(file: string): Promise<ProbeJson> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
  return JSON.parse(stdout) as ProbeJson;
}

export interface ProbeJson {
  format: { format_name: string; duration?: string };
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; pix_fmt?: string; channels?: number; sample_rate?: string }[];
}

export interface VideoOptions {
  width?: number;
  height?: number;
  seconds?: number;
  fps?: number;
  audio?: boolean;
  /** Written as the stream's display rotation (the way phones record portrait video). */
  rotate?: 90 | 180 | 270;
  /** Index at the end, as cameras write it (default); the truncated-file case needs this. */
  faststart?: boolean;
}

/** A small H.264 (+ AAC) MP4 of the testsrc2 pattern and a sine tone. */
export async function generateVideo(file: string, options: VideoOptions = {}): Promise<string> {
  const { width = 320, height = 240, seconds = 2, fps = 15, audio = true } = options;
  const inputs = ['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`];
  if (audio) inputs.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`);
  const codecs = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', ...(audio ? ['-c:a', 'aac', '-b:a', '64k'] : [])];
  const faststart = options.faststart ? ['-movflags', '+faststart'] : [];
  if (!options.rotate) {
    await ffmpeg([...inputs, ...codecs, ...faststart, '-shortest', file]);
    return file;
  }
  // ffmpeg 5.1 turns the `rotate` tag into a display matrix only when copying streams.
  const upright = `${file}.upright.mp4`;
  await ffmpeg([...inputs, ...codecs, '-shortest', upright]);
  await ffmpeg(['-i', upright, '-c', 'copy', '-metadata:s:v:0', `rotate=${options.rotate}`, ...faststart, file]);
  await rm(upright);
  return file;
}

/** A tone that swells and fades (so the waveform has a shape), as Opus, MP3 or WAV. */
export async function generateAudio(file: string, options: { seconds?: number; format?: 'opus' | 'mp3' | 'wav' } = {}): Promise<string> {
  const { seconds = 2, format = 'opus' } = options;
  const codec = { opus: ['-c:a', 'libopus', '-b:a', '48k'], mp3: ['-c:a', 'libmp3lame', '-b:a', '64k'], wav: ['-c:a', 'pcm_s16le'] }[format];
  await ffmpeg([
    '-f', 'lavfi', '-i', `sine=frequency=330:sample_rate=48000:duration=${seconds}`,
    '-af', `volume='0.9*sin(PI*t/${seconds})':eval=frame`, ...codec, file,
  ]);
  return file;
}

/** The first `fraction` of a camera-style MP4: the index (moov) at the end is lost. */
export async function truncatedMp4(file: string, fraction = 0.5): Promise<string> {
  const whole = await readFile(await generateVideo(file, { seconds: 2 }));
  await writeFile(file, whole.subarray(0, Math.floor(whole.length * fraction)));
  return file;
}

/** An MP4 holding only a subtitle track: a real container with no audio or video in it. */
export async function subtitlesOnlyMp4(file: string): Promise<string> {
  const srt = `${file}.srt`;
  await writeFile(srt, '1\n00:00:00,000 --> 00:00:01,000\nChỉ có phụ đề\n');
  await ffmpeg(['-i', srt, '-c:s', 'mov_text', file]);
  return file;
}

/** An MP4 with a video track and not one frame in it: a zero-length recording. */
export async function emptyMp4(file: string): Promise<string> {
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15', '-frames:v', '0', '-c:v', 'libx264', file]);
  return file;
}

/** A WAV file with its header and not one sample: a zero-length recording. */
export async function emptyWav(file: string): Promise<string> {
  await ffmpeg(['-f', 'lavfi', '-i', 'sine=duration=1', '-t', '0', '-c:a', 'pcm_s16le', file]);
  return file;
}

/** A real MP4 signature ("ftyp" box) followed by noise: detected as video, decodes as nothing. */
export async function fakeMp4(file: string): Promise<string> {
  const real = await readFile(await generateVideo(file, { seconds: 1 }));
  const noise = Buffer.alloc(32 * 1024);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
  await writeFile(file, Buffer.concat([real.subarray(0, 32), noise]));
  return file;
}

/**
 * The sample recordings of media-samples/ (generated, and every caption says so):
 * a 95 s festival video for the ngo boat race item (640x360, low bitrate; the
 * captions file beside it has a cue at 01:30) and a 15 s chant-like recording.
 */
export async function generateSamples(root: string): Promise<void> {
  const font = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
  const text = `drawtext=fontfile=${font}:text='Dua ghe ngo - generated test video':fontsize=22:fontcolor=white:box=1:boxcolor=black@0.5:x=mod(t*60\\,w+tw)-tw:y=h-60,`
    + `drawtext=fontfile=${font}:text='%{pts\\:hms}':fontsize=28:fontcolor=yellow:x=20:y=20`;
  await ffmpeg([
    '-f', 'lavfi', '-i', 'smptebars=size=640x360:rate=12:duration=95',
    '-f', 'lavfi', '-i', "sine=frequency=220:beep_factor=4:sample_rate=24000:duration=95",
    '-vf', text, '-c:v', 'libx264', '-preset', 'veryslow', '-crf', '40', '-maxrate', '60k', '-bufsize', '240k', '-g', '120', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '16k', '-ac', '1', '-movflags', '+faststart', '-shortest',
    join(root, 'khmer', 'ok-om-bok-dua-ghe.mp4'),
  ]);
  await ffmpeg([
    '-f', 'lavfi', '-i', 'sine=frequency=196:sample_rate=48000:duration=15',
    '-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.05:sample_rate=48000:duration=15',
    '-filter_complex', "[0:a]volume='0.6+0.3*sin(2*PI*t/2.5)':eval=frame[tone];[tone][1:a]amix=inputs=2:duration=first",
    '-c:a', 'libopus', '-b:a', '24k', '-ac', '1',
    join(root, 'khmer', 'tung-kinh-chua-doi.opus'),
  ]);
}

if (process.argv[2] === 'samples') await generateSamples(join(import.meta.dirname, '..', '..', 'media-samples'));
