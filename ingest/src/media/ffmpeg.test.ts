import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedMediaError } from '../errors.ts';
import { ffprobeJson, generateAudio, generateVideo, truncatedMp4 } from '../../../tests/support/generate-av.ts';
import { createAvAdapter } from './ffmpeg.ts';
import { stripPlan } from './av-renditions.ts';

const av = createAvAdapter({ ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' });

describe('the ffmpeg adapter on real generated files', () => {
  let dir: string;
  let clip: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disan-ffmpeg-'));
    clip = await generateVideo(join(dir, 'clip.mp4'), { seconds: 2 });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('probes duration, display size, codecs, frame rate and audio', async () => {
    const probe = await av.probe(clip);
    expect(probe.durationSeconds).toBeCloseTo(2, 1);
    expect(probe.video).toMatchObject({ codec: 'h264', width: 320, height: 240, rotation: 0, fps: 15, pixelFormat: 'yuv420p' });
    expect(probe.audio).toMatchObject({ codec: 'aac', channels: 1, sampleRate: 48000 });
  });

  it('reports a phone-style rotated video in display orientation', async () => {
    const rotated = await generateVideo(join(dir, 'rotated.mp4'), { seconds: 1, rotate: 90 });
    const probe = await av.probe(rotated);
    expect(probe.video?.rotation).toBe(90);
    expect([probe.video?.width, probe.video?.height]).toEqual([240, 320]);
  });

  it('writes an H.264/AAC MP4 with its index before the media data (faststart)', async () => {
    const out = join(dir, 'out.mp4');
    await av.mp4(clip, out, { width: 160, height: 120, audio: true, durationSeconds: 2 });
    const probe = await ffprobeJson(out);
    expect(probe.streams.map((s) => s.codec_name)).toEqual(['h264', 'aac']);
    expect(probe.streams[0]).toMatchObject({ width: 160, height: 120, pix_fmt: 'yuv420p' });
    const bytes = await readFile(out);
    expect(bytes.indexOf('moov')).toBeGreaterThan(0);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  it('makes a poster as JPEG and WebP, and a sprite of the planned size', async () => {
    const files = { jpeg: join(dir, 'p.jpg'), webp: join(dir, 'p.webp') };
    await av.poster(clip, files, { atSeconds: 1, width: 320, height: 240 });
    expect((await ffprobeJson(files.jpeg)).streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 320, height: 240 });
    expect((await ffprobeJson(files.webp)).streams[0]).toMatchObject({ codec_name: 'webp', width: 320, height: 240 });
    const plan = stripPlan(2, { width: 320, height: 240 });
    await av.sprite(clip, join(dir, 's.jpg'), plan, 2);
    expect((await ffprobeJson(join(dir, 's.jpg'))).streams[0]).toMatchObject({ width: plan.width, height: plan.height });
  });

  it('encodes Opus and MP3 and streams a mono PCM decode', async () => {
    const tone = await generateAudio(join(dir, 'tone.wav'), { seconds: 1, format: 'wav' });
    await av.audio(tone, join(dir, 'a.opus'), 'opus', 1);
    await av.audio(tone, join(dir, 'a.mp3'), 'mp3', 1);
    expect((await ffprobeJson(join(dir, 'a.opus'))).streams[0]?.codec_name).toBe('opus');
    expect((await ffprobeJson(join(dir, 'a.mp3'))).streams[0]?.codec_name).toBe('mp3');
    let bytes = 0;
    await av.pcm(tone, 8000, (chunk) => { bytes += chunk.length; }, 1);
    expect(bytes).toBe(8000 * 2); // one second, 16-bit mono
  });

  it('refuses a truncated MP4 with a reason naming the missing index', async () => {
    const broken = await truncatedMp4(join(dir, 'broken.mp4'));
    const error = await av.probe(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedMediaError);
    expect((error as Error).message).toMatch(/truncated.*moov/);
  });

  it('opens nothing but the one local file: a playlist naming another file is refused, and no network protocol is opened', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      // An HLS playlist named like a video, whose segment is another file on this machine:
      // left alone, ffmpeg's HLS demuxer reads that file (and serves it as the upload's renditions).
      const hostile = join(dir, 'hostile.mp4');
      await writeFile(hostile, `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n${clip}\n#EXT-X-ENDLIST\n`);
      await expect(av.probe(hostile)).rejects.toBeInstanceOf(UnsupportedMediaError);
      await expect(av.poster(hostile, { jpeg: join(dir, 'p.jpg'), webp: join(dir, 'p.webp') }, { atSeconds: 0, width: 32, height: 32 })).rejects.toThrow();
      // Any protocol but a local file is refused before a connection is made.
      await expect(av.probe(`http://127.0.0.1:${port}/film.mp4`)).rejects.toThrow();
      await expect(av.audio(`http://127.0.0.1:${port}/film.mp4`, join(dir, 'a.opus'), 'opus', 1)).rejects.toThrow();
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('kills ffmpeg when the job is aborted, leaving no child behind', async () => {
    const big = await generateVideo(join(dir, 'big.mp4'), { width: 1280, height: 720, seconds: 3, audio: false });
    const controller = new AbortController();
    const out = join(dir, 'aborted.mp4');
    const started = performance.now();
    const result = av.mp4(big, out, { width: 1280, height: 720, audio: false, durationSeconds: 3 }, {
      signal: controller.signal,
      onProgress: () => { controller.abort(new Error('worker stopping')); },
    });
    await expect(result).rejects.toThrow('worker stopping');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(await ffmpegChildren()).toEqual([]);
  });

  it('stops a child that outlives its timeout', async () => {
    const big = await generateVideo(join(dir, 'slow.mp4'), { width: 640, height: 480, seconds: 3, audio: false });
    await expect(av.mp4(big, join(dir, 'slow-out.mp4'), { width: 640, height: 480, audio: false, durationSeconds: 3 }, { timeoutMs: 30 })).rejects.toThrow(/longer than/);
    expect(await ffmpegChildren()).toEqual([]);
  });
});

/** ffmpeg processes whose parent is this test process (Linux /proc). */
async function ffmpegChildren(): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const name = /^Name:\s+(\S+)/m.exec(status)?.[1];
    const parent = /^PPid:\s+(\d+)/m.exec(status)?.[1];
    if (name === 'ffmpeg' && parent === String(process.pid)) found.push(pid);
  }
  return found;
}
