import { UnsupportedMediaError } from '../errors.ts';

/** What the pipeline needs from `ffprobe -print_format json -show_format -show_streams`. */
export interface AvProbe {
  container: string;
  /** 0 when neither the container nor a stream states a duration. */
  durationSeconds: number;
  bitrate?: number;
  video?: {
    codec: string;
    /** Display size: width and height swapped when the stream is rotated by 90 or 270 degrees. */
    width: number;
    height: number;
    /** Rotation in degrees, 0, 90, 180 or 270, from the display matrix or the old `rotate` tag. */
    rotation: number;
    fps?: number;
    /** Frames counted by the container, when it says. */
    frames?: number;
    pixelFormat?: string;
  };
  audio?: { codec: string; channels: number; sampleRate: number };
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  pix_fmt?: string;
  channels?: number;
  sample_rate?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string };
}

/**
 * Reads ffprobe's JSON. Cover art in an MP3 or M4A shows up as a one-frame video
 * stream (`attached_pic`): it is not a video and is ignored.
 * @example parseProbe('{"format":{"format_name":"ogg","duration":"2.0"},"streams":[...]}').durationSeconds // 2
 */
export function parseProbe(json: string): AvProbe {
  let output: ProbeOutput;
  try {
    output = JSON.parse(json) as ProbeOutput;
  } catch (error) {
    throw new UnsupportedMediaError('ffprobe described the file in a way that cannot be read', { cause: error });
  }
  const streams = output.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1 && (s.width ?? 0) > 0);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const durations = [output.format?.duration, video?.duration, audio?.duration].map(positive);
  const bitrate = positive(output.format?.bit_rate);
  return {
    container: output.format?.format_name ?? 'unknown',
    durationSeconds: round(durations.find((d) => d !== undefined) ?? 0, 3),
    ...(bitrate !== undefined ? { bitrate: Math.round(bitrate) } : {}),
    ...(video ? { video: describeVideo(video) } : {}),
    ...(audio ? { audio: { codec: audio.codec_name ?? 'unknown', channels: audio.channels ?? 0, sampleRate: Number(audio.sample_rate ?? 0) } } : {}),
  };
}

function describeVideo(stream: ProbeStream): NonNullable<AvProbe['video']> {
  const rotation = rotationOf(stream);
  const sideways = rotation === 90 || rotation === 270;
  const width = stream.width ?? 0;
  const height = stream.height ?? 0;
  const fps = frameRate(stream.avg_frame_rate) ?? frameRate(stream.r_frame_rate);
  const frames = positive(stream.nb_frames);
  return {
    codec: stream.codec_name ?? 'unknown',
    width: sideways ? height : width,
    height: sideways ? width : height,
    rotation,
    ...(fps !== undefined ? { fps } : {}),
    ...(frames !== undefined ? { frames } : {}),
    ...(stream.pix_fmt ? { pixelFormat: stream.pix_fmt } : {}),
  };
}

/** Newer files carry a display matrix (side data); older ones a `rotate` tag. Normalised to 0-359 in steps of 90. */
function rotationOf(stream: ProbeStream): number {
  const matrix = stream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const degrees = matrix ?? Number(stream.tags?.rotate ?? 0);
  if (!Number.isFinite(degrees)) return 0;
  return ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
}

function frameRate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const [num, den] = value.split('/').map(Number);
  if (!num || !den || !Number.isFinite(num / den)) return undefined;
  return round(num / den, 3);
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
