import { spawn } from 'node:child_process';
import { UnsupportedMediaError, UpstreamError } from '../errors.ts';
import { parseProbe, type AvProbe } from './ffprobe-json.ts';
import { applyFilter, MEASURE_FILTER, parseLoudnorm, type LoudnessMeasure } from './loudness.ts';

/**
 * The audio/video adapter: the only file that starts ffmpeg or ffprobe.
 *
 * It spawns them directly, with explicit argument arrays and no shell, rather than
 * through fluent-ffmpeg: that library's upstream was archived in May 2025, and we
 * need exact control of every argument, our own progress parsing (`-progress`),
 * and a child that is killed (SIGKILL) the moment a job is aborted or times out.
 * Every call reads a local file and writes local files; the jobs move bytes to and
 * from storage. Failures that mean "this input is not usable audio/video" become
 * UnsupportedMediaError (permanent, with a reason a person can act on); anything
 * else (a kill, a missing binary, a crash) is left retryable.
 */

export type { AvProbe } from './ffprobe-json.ts';
export type { LoudnessMeasure } from './loudness.ts';

export interface AvAdapterOptions {
  ffmpegPath: string;
  ffprobePath: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Kill the child after this long (default: 10 minutes plus 20 s per second of media). */
  timeoutMs?: number;
  /** Seconds of output written so far, parsed from ffmpeg's `-progress` stream. */
  onProgress?: (seconds: number) => void;
}

export interface Mp4Spec {
  width: number;
  height: number;
  /** Maps the first audio stream when the source has one. */
  audio: boolean;
  durationSeconds: number;
}

export interface SpriteSpec {
  intervalSeconds: number;
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
}

export type AudioFormat = 'opus' | 'mp3';

const COMMON = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];

/**
 * Demuxers for the containers registration accepts (detect.ts): MP4/MOV, Matroska/WebM,
 * MPEG-PS/TS, MP3, WAV, FLAC, Ogg, AAC. Nothing else is opened, even if a file's bytes
 * were made to look like a playlist or a concat list.
 */
const DEMUXERS = 'mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,mpeg,mpegts,mp3,wav,flac,ogg,aac';

/**
 * Input options pinning a hostile container to local files: no http, tcp, data or
 * other protocol may be opened on its behalf, and only the expected demuxers run.
 */
export const PINNED_INPUT = ['-protocol_whitelist', 'file', '-format_whitelist', DEMUXERS];

const fromFile = (input: string): string[] => [...PINNED_INPUT, '-i', input];
const PROGRESS = ['-progress', 'pipe:1', '-nostats'];
const normalised = (measure: LoudnessMeasure | null): string[] => (measure ? ['-af', applyFilter(measure)] : []);
const STDERR_TAIL = 4096;

export function createAvAdapter(options: AvAdapterOptions) {
  const ffmpeg = (args: string[], run: RunOptions & { onStdout?: (chunk: Buffer) => void }, durationSeconds = 0) =>
    runTool(options.ffmpegPath, [...COMMON, ...args], { ...run, timeoutMs: run.timeoutMs ?? defaultTimeout(durationSeconds) });

  /** Streams, codecs, duration and display size (after rotation) of a local file. */
  async function probe(file: string, run: RunOptions = {}): Promise<AvProbe> {
    const args = ['-v', 'error', ...PINNED_INPUT, '-print_format', 'json', '-show_format', '-show_streams', file];
    const { stdout } = await runTool(options.ffprobePath, args, { ...run, timeoutMs: run.timeoutMs ?? 60_000 }).catch((error: unknown) => {
      throw asBadInput(error, 'cannot read it as audio or video');
    });
    return parseProbe(stdout.toString('utf8'));
  }

  /** H.264 + AAC in MP4 for the web: veryfast, CRF 23, 4:2:0, index at the front so playback starts before the download ends. */
  async function mp4(input: string, output: string, spec: Mp4Spec, run: RunOptions = {}): Promise<void> {
    const audio = spec.audio ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2'] : ['-an'];
    const args = [
      ...fromFile(input), ...PROGRESS,
      '-map', '0:v:0', '-vf', `scale=${spec.width}:${spec.height}:flags=bicubic,setsar=1,format=yuv420p`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high',
      ...audio, '-sn', '-dn', '-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4', output,
    ];
    await ffmpeg(args, run, spec.durationSeconds).catch(rethrowDecodeErrors);
  }

  /** One frame at `atSeconds`, upright, as JPEG and WebP from a single decode. */
  async function poster(input: string, outputs: { jpeg: string; webp: string }, spec: { atSeconds: number; width: number; height: number }, run: RunOptions = {}): Promise<void> {
    const args = [
      '-ss', spec.atSeconds.toFixed(3), ...fromFile(input), '-an', '-sn',
      '-filter_complex', `[0:v:0]scale=${spec.width}:${spec.height},setsar=1,split=2[j][w]`,
      '-map', '[j]', '-frames:v', '1', '-q:v', '3', '-f', 'image2', '-update', '1', outputs.jpeg,
      '-map', '[w]', '-frames:v', '1', '-c:v', 'libwebp', '-quality', '80', '-f', 'image2', '-update', '1', outputs.webp,
    ];
    await ffmpeg(args, run).catch(rethrowDecodeErrors);
  }

  /** A sprite sheet: one frame every `intervalSeconds`, tiled left to right, top to bottom. */
  async function sprite(input: string, output: string, spec: SpriteSpec, durationSeconds: number, run: RunOptions = {}): Promise<void> {
    const filter = `fps=1/${spec.intervalSeconds},scale=${spec.tileWidth}:${spec.tileHeight},setsar=1,tile=${spec.columns}x${spec.rows}`;
    const args = [...fromFile(input), ...PROGRESS, '-an', '-sn', '-map', '0:v:0', '-vf', filter, '-frames:v', '1', '-q:v', '4', '-f', 'image2', '-update', '1', output];
    await ffmpeg(args, run, durationSeconds).catch(rethrowDecodeErrors);
  }

  /**
   * The first loudness pass: the integrated loudness, true peak and range of the first
   * audio stream (EBU R128, loudness.ts), or null for silence. Decodes, writes nothing.
   */
  async function loudness(input: string, durationSeconds: number, run: RunOptions = {}): Promise<LoudnessMeasure | null> {
    // loudnorm prints its figures at the info level, after the run.
    const args = ['-loglevel', 'info', '-nostats', ...fromFile(input), '-map', '0:a:0', '-vn', '-sn', '-af', MEASURE_FILTER, '-f', 'null', '-'];
    const { stderr } = await ffmpeg(args, run, durationSeconds).catch(rethrowDecodeErrors);
    return parseLoudnorm(stderr);
  }

  /**
   * Opus in Ogg (96 kb/s, the modern default) or MP3 (128 kb/s, plays everywhere), at
   * 48 kHz; with a first pass's `measure`, normalised to the loudness target in one gain.
   */
  async function audio(input: string, output: string, format: AudioFormat, durationSeconds: number, run: RunOptions = {}, measure: LoudnessMeasure | null = null): Promise<void> {
    const codec = format === 'opus' ? ['-c:a', 'libopus', '-b:a', '96k', '-f', 'ogg'] : ['-c:a', 'libmp3lame', '-b:a', '128k', '-f', 'mp3'];
    const args = [...fromFile(input), ...PROGRESS, '-map', '0:a:0', '-vn', '-sn', '-map_metadata', '-1', ...normalised(measure), '-ar', '48000', ...codec, output];
    await ffmpeg(args, run, durationSeconds).catch(rethrowDecodeErrors);
  }

  /**
   * Decodes the first audio stream to mono signed 16-bit PCM at `sampleRate`, streamed to
   * `onSamples`; with `measure`, as the normalised renditions play it.
   */
  async function pcm(input: string, sampleRate: number, onSamples: (chunk: Buffer) => void, durationSeconds: number, run: RunOptions = {}, measure: LoudnessMeasure | null = null): Promise<void> {
    const args = [...fromFile(input), '-map', '0:a:0', '-vn', ...normalised(measure), '-ac', '1', '-ar', String(sampleRate), '-f', 's16le', '-c:a', 'pcm_s16le', 'pipe:1'];
    await ffmpeg(args, { ...run, onStdout: onSamples }, durationSeconds).catch(rethrowDecodeErrors);
  }

  return { probe, mp4, poster, sprite, audio, pcm, loudness };
}

export type AvAdapter = ReturnType<typeof createAvAdapter>;

/** ffmpeg exited with an error; `stderr` keeps the tail of what it said. */
export class AvToolError extends Error {
  readonly stderr: string;
  readonly exitCode: number | null;
  constructor(message: string, stderr: string, exitCode: number | null) {
    super(message);
    this.name = 'AvToolError';
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
}

interface ToolRun extends RunOptions {
  timeoutMs: number;
  onStdout?: (chunk: Buffer) => void;
}

/** Runs one child to completion. Kills it on abort or timeout; never leaves it running. */
function runTool(binary: string, args: string[], run: ToolRun): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(abortReason(run.signal));
      return;
    }
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    const stdout: Buffer[] = [];
    let stderr = '';
    let failure: Error | undefined;
    const kill = (reason: Error) => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const onAbort = () => { kill(abortReason(run.signal!)); };
    const timer = setTimeout(() => { kill(new Error(`${toolName(binary)} took longer than ${Math.round(run.timeoutMs / 1000)} s and was stopped`)); }, run.timeoutMs);
    run.signal?.addEventListener('abort', onAbort, { once: true });
    const progress = run.onProgress ? progressParser(run.onProgress) : undefined;

    child.stdout.on('data', (chunk: Buffer) => {
      if (run.onStdout) run.onStdout(chunk);
      else if (progress) progress(chunk);
      else stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??= error.code === 'ENOENT'
        ? new UpstreamError(`${toolName(binary)} was not found at "${binary}" (set DISAN_FFMPEG_PATH / DISAN_FFPROBE_PATH)`, { cause: error })
        : error;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else if (code === 0) resolve({ stdout: Buffer.concat(stdout), stderr });
      else reject(new AvToolError(`${toolName(binary)} failed (${code === null ? `signal ${String(signal)}` : `exit ${code}`}): ${lastLine(stderr)}`, stderr, code));
    });
  });
}

/** `-progress` writes key=value lines; out_time_us is the position reached in the output. */
function progressParser(onProgress: (seconds: number) => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^out_time_us=(\d+)/.exec(line);
      if (match) onProgress(Number(match[1]) / 1e6);
    }
  };
}

/** What ffmpeg says when the input itself is unusable, as a reason a person can act on. */
const BAD_INPUT: [RegExp, string][] = [
  [/moov atom not found/i, 'the file is truncated or is not a real MP4/MOV: its index (the "moov" box) is missing'],
  [/Invalid data found when processing input/i, 'the content is damaged or is not audio/video (ffmpeg: invalid data)'],
  [/does not contain any stream|Output file #\d+ does not contain any stream/i, 'it contains no audio or video stream'],
  [/matches no streams/i, 'it has no stream of the kind needed'],
  [/Could not find codec parameters|no frame!|decode_slice_header error|Error while decoding|corrupt|Invalid NAL/i, 'the audio/video data is damaged and cannot be decoded'],
  [/End of file/i, 'the file ends too early (truncated)'],
];

export function badInputReason(stderr: string): string | undefined {
  return BAD_INPUT.find(([pattern]) => pattern.test(stderr))?.[1];
}

function asBadInput(error: unknown, prefix: string): unknown {
  if (!(error instanceof AvToolError)) return error;
  return new UnsupportedMediaError(`${prefix}: ${badInputReason(error.stderr) ?? lastLine(error.stderr)}`, { cause: error });
}

/** A failed encode is the input's fault only when ffmpeg says so; otherwise it is worth a retry. */
function rethrowDecodeErrors(error: unknown): never {
  if (error instanceof AvToolError && error.exitCode !== null) {
    const reason = badInputReason(error.stderr);
    if (reason) throw new UnsupportedMediaError(reason, { cause: error });
  }
  throw error;
}

function defaultTimeout(durationSeconds: number): number {
  return 600_000 + Math.ceil(durationSeconds) * 20_000;
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

const toolName = (binary: string) => binary.split('/').pop() ?? binary;

function lastLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.at(-1) ?? 'no message';
}
