import { describe, expect, it } from 'vitest';
import { UnsupportedMediaError } from '../errors.ts';
import { parseProbe } from './ffprobe-json.ts';

const probe = (streams: object[], format: object = { format_name: 'mov,mp4', duration: '12.5', bit_rate: '800000' }) => parseProbe(JSON.stringify({ streams, format }));

describe('parseProbe', () => {
  it('reads a video with sound', () => {
    expect(probe([
      { codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, avg_frame_rate: '30000/1001', nb_frames: '375', pix_fmt: 'yuv420p' },
      { codec_type: 'audio', codec_name: 'aac', channels: 2, sample_rate: '44100' },
    ])).toEqual({
      container: 'mov,mp4', durationSeconds: 12.5, bitrate: 800000,
      video: { codec: 'h264', width: 1920, height: 1080, rotation: 0, fps: 29.97, frames: 375, pixelFormat: 'yuv420p' },
      audio: { codec: 'aac', channels: 2, sampleRate: 44100 },
    });
  });

  it.each([
    [{ side_data_list: [{ rotation: -90 }] }, 270, [1080, 1920]],
    [{ side_data_list: [{ rotation: 90 }] }, 90, [1080, 1920]],
    [{ tags: { rotate: '180' } }, 180, [1920, 1080]],
  ])('turns rotation %o into %i degrees and display size %o', (extra, rotation, size) => {
    const { video } = probe([{ codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, ...extra }]);
    expect(video?.rotation).toBe(rotation);
    expect([video?.width, video?.height]).toEqual(size);
  });

  it('ignores cover art in a music file: it is not a video', () => {
    const result = probe([
      { codec_type: 'audio', codec_name: 'mp3', channels: 2, sample_rate: '44100' },
      { codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } },
    ], { format_name: 'mp3', duration: '3.0' });
    expect(result.video).toBeUndefined();
    expect(result.audio?.codec).toBe('mp3');
  });

  it('falls back to a stream duration, and to 0 when nothing says', () => {
    expect(probe([{ codec_type: 'audio', codec_name: 'opus', duration: '4.2' }], { format_name: 'ogg' }).durationSeconds).toBe(4.2);
    expect(probe([], { format_name: 'mov,mp4', duration: 'N/A' }).durationSeconds).toBe(0);
  });

  it('refuses output that is not JSON', () => {
    expect(() => parseProbe('not json')).toThrow(UnsupportedMediaError);
  });
});
