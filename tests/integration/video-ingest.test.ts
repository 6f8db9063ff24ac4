import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Media } from '@disan/schemas';
import { type Archive, ingest } from '@disan/ingest';
import type { IngestReport } from '../../ingest/src/registration/files.ts';
import { readAll } from '../../ingest/src/processing/read-all.ts';

const OPERATOR_TOKEN = 'video-test-operator-token-0123456789';
import { buildApp } from '../../api/src/app.ts';
import { temporaryArchive } from '../support/archive.ts';
import { emptyMp4, fakeMp4, ffprobeJson, generateVideo, subtitlesOnlyMp4, truncatedMp4 } from '../support/generate-av.ts';

/**
 * `disan ingest` on real (tiny, generated) videos and every bad input the issue
 * names, in one run; then a second run. Good files get their renditions, bad
 * ones a reason, the rest goes on.
 */
describe('disan ingest of video', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let first: IngestReport;
  let second: IngestReport;
  const byName = async (name: string): Promise<Media> => {
    for (const status of ['ready', 'failed', 'processing', 'pending'] as const) {
      const found = (await archive.catalog.media.listByStatus(status)).find((m) => m.originalName === name);
      if (found) return found;
    }
    throw new Error(`no media for ${name}`);
  };
  const fetch = async (media: Media, name: string, out: string) => {
    const rendition = media.derivatives.find((d) => d.name === name)!;
    await writeFile(out, await readAll((await archive.storage.get(rendition.key)).body));
    return out;
  };

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive({ DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN, LOG_LEVEL: 'silent' }));
    folder = await mkdtemp(join(tmpdir(), 'disan-video-'));
    await mkdir(join(folder, 'bad'));
    await generateVideo(join(folder, 'clip.mp4'), { seconds: 2 });
    await generateVideo(join(folder, 'hd.mp4'), { width: 1280, height: 720, seconds: 1, fps: 5 });
    await generateVideo(join(folder, 'phone.mp4'), { seconds: 1, rotate: 90, audio: false });
    await truncatedMp4(join(folder, 'bad', 'truncated.mp4'));
    await subtitlesOnlyMp4(join(folder, 'bad', 'subtitles-only.mp4'));
    await emptyMp4(join(folder, 'bad', 'zero-length.mp4'));
    await fakeMp4(join(folder, 'bad', 'not-a-video.mp4'));
    await rm(join(folder, 'bad', 'subtitles-only.mp4.srt'));
    first = await ingest(archive, { inputs: [folder] });
    second = await ingest(archive, { inputs: [folder] });
  });

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ['bad/truncated.mp4', /truncated.*"moov" box\) is missing/],
    ['bad/subtitles-only.mp4', /no audio or video stream/],
    ['bad/zero-length.mp4', /empty \(0 seconds/],
    ['bad/not-a-video.mp4', /not a real MP4/],
  ])('fails %s for good with a reason, keeping its original', async (file, reason) => {
    expect(first.failures.find((f) => f.file === file)?.reason).toMatch(reason);
    const media = await byName(file);
    expect(media.status).toBe('failed');
    expect(await archive.storage.head(media.originalKey)).not.toBeNull();
    const job = await archive.jobs.get(`video.derivatives:${media.id}`);
    // Not retried: one attempt, settled (the media carries the failure, as for images).
    expect(job?.attempts).toBe(1);
    expect(job?.status).not.toBe('queued');
  });

  it('ingests every good video while the bad ones fail', () => {
    expect(first.outcomes).toMatchObject({ ingested: 3, failed: 4 });
  });

  it('records duration, display size and technical details from the probe', async () => {
    const clip = await byName('clip.mp4');
    expect(clip.durationSeconds).toBeCloseTo(2, 1);
    expect([clip.width, clip.height]).toEqual([320, 240]);
    expect(clip.technical).toMatchObject({ videoCodec: 'h264', audioCodec: 'aac', rotation: 0, fps: 15, container: expect.stringContaining('mp4') as unknown });
  });

  it('never upscales: a 240-line source gets one rendition at its own size, a 720p one gets 480p and 720p', async () => {
    const names = (media: Media) => media.derivatives.map((d) => d.name).filter((n) => n.startsWith('mp4-'));
    expect(names(await byName('clip.mp4'))).toEqual(['mp4-240']);
    const hd = await byName('hd.mp4');
    expect(names(hd)).toEqual(['mp4-480', 'mp4-720']);
    expect(hd.derivatives.find((d) => d.name === 'mp4-480')).toMatchObject({ width: 854, height: 480, mimeType: 'video/mp4' });
  });

  it('makes renditions that play in browsers: H.264 + AAC, 4:2:0, index first', async () => {
    const hd = await byName('hd.mp4');
    const file = await fetch(hd, 'mp4-720', join(folder, 'out-720.mp4'));
    const probe = await ffprobeJson(file);
    expect(probe.streams.map((s) => s.codec_name)).toEqual(['h264', 'aac']);
    expect(probe.streams[0]).toMatchObject({ width: 1280, height: 720, pix_fmt: 'yuv420p' });
    const bytes = await readFile(file);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  it('turns a rotated phone video upright in every rendition', async () => {
    const phone = await byName('phone.mp4');
    expect(phone.technical?.rotation).toBe(90);
    expect([phone.width, phone.height]).toEqual([240, 320]);
    const probe = await ffprobeJson(await fetch(phone, 'mp4-240', join(folder, 'phone-out.mp4')));
    expect(probe.streams.map((s) => [s.codec_type, s.width, s.height])).toEqual([['video', 240, 320]]);
    const poster = await ffprobeJson(await fetch(phone, 'poster-jpeg', join(folder, 'phone-poster.jpg')));
    expect(poster.streams[0]).toMatchObject({ width: 240, height: 320 });
  });

  it('makes a poster and a scrubbing strip whose WebVTT track points into the sprite', async () => {
    const clip = await byName('clip.mp4');
    expect(clip.derivatives.find((d) => d.name === 'poster-webp')).toMatchObject({ width: 320, height: 240, mimeType: 'image/webp' });
    const sprite = clip.derivatives.find((d) => d.name === 'strip-jpeg')!;
    expect(sprite).toMatchObject({ width: 320, height: 120 }); // 2 tiles of 160x120, one per second
    const vtt = await readAll((await archive.storage.get(clip.derivatives.find((d) => d.name === 'strip-vtt')!.key)).body);
    expect(vtt.toString()).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nstrip-jpeg#xywh=0,0,160,120\n\n00:00:01.000 --> 00:00:02.000\nstrip-jpeg#xywh=160,0,160,120\n');
    // Players resolve each cue against the track's own address: it must name the sprite's, which answers.
    const track = `/api/media/${clip.id}/strip-vtt`;
    const app = await buildApp({ archive, config: archive.config, logger: false });
    try {
      for (const cue of vtt.toString().split('\n').filter((line) => line.includes('#xywh='))) {
        const resolved = new URL(cue, `http://archive.example${track}`);
        expect(resolved.pathname).toBe(`/api/media/${clip.id}/strip-jpeg`);
        const answer = await app.inject({ url: resolved.pathname, headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
        expect(answer.statusCode, answer.body).toBe(200);
        expect(answer.headers['content-type']).toBe('image/jpeg');
      }
    } finally {
      await app.close();
    }
  });

  it('stores every derivative under derivatives/<mediaId>/<name>.<ext> with its recorded size', async () => {
    for (const media of await archive.catalog.media.listByStatus('ready')) {
      for (const rendition of media.derivatives) {
        expect(rendition.key).toMatch(new RegExp(`^derivatives/${media.id}/${rendition.name}\\.(mp4|jpg|webp|vtt)$`));
        expect((await archive.storage.head(rendition.key))?.size).toBe(rendition.size);
      }
    }
  });

  it('changes nothing on a second run: same keys, no duplicates', async () => {
    expect(second.outcomes).toMatchObject({ ingested: 0, skipped: 3, failed: 4 });
    const keys: string[] = [];
    for await (const object of archive.storage.list('derivatives/')) keys.push(object.key);
    const recorded = (await archive.catalog.media.listByStatus('ready')).flatMap((m) => m.derivatives.map((d) => d.key));
    expect(keys.sort()).toEqual(recorded.sort());
    expect(new Set(keys).size).toBe(keys.length);
  });
});
