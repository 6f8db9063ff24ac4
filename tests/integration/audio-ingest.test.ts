import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Media } from '@disan/schemas';
import { type Archive, ingest } from '@disan/ingest';
import type { IngestReport } from '../../ingest/src/registration/files.ts';
import { readAll } from '../../ingest/src/processing/read-all.ts';
import type { Waveform } from '@disan/schemas';
import { temporaryArchive } from '../support/archive.ts';
import { startS3Server, type TestS3Server } from '../support/s3-server.ts';
import { emptyWav, ffmpeg, ffprobeJson, generateAudio, generateVideo } from '../support/generate-av.ts';

/**
 * `disan ingest` of recordings with the originals in S3 (s3rver on loopback):
 * the job copies each original to a temp file for ffmpeg, publishes Opus, MP3
 * and waveform peaks back to the bucket, and refuses an empty recording.
 */
describe('disan ingest of audio, originals in S3', () => {
  let s3: TestS3Server;
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let report: IngestReport;
  const media = async (name: string): Promise<Media> => {
    const all = [...(await archive.catalog.media.listByStatus('ready')), ...(await archive.catalog.media.listByStatus('failed'))];
    return all.find((m) => m.originalName === name)!;
  };
  const read = async (m: Media, name: string) => readAll((await archive.storage.get(m.derivatives.find((d) => d.name === name)!.key)).body);

  beforeAll(async () => {
    s3 = await startS3Server('disan-audio-test');
    ({ archive, dispose } = await temporaryArchive({
      DISAN_STORAGE: 's3', S3_ENDPOINT: s3.endpoint, S3_BUCKET: s3.bucket, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    }));
    folder = await mkdtemp(join(tmpdir(), 'disan-audio-'));
    await generateAudio(join(folder, 'chant.opus'), { seconds: 3, format: 'opus' });
    await generateAudio(join(folder, 'drums.mp3'), { seconds: 2, format: 'mp3' });
    await generateAudio(join(folder, 'field.wav'), { seconds: 1, format: 'wav' });
    // An MP4 holding only sound: detected as video, made into audio renditions.
    const both = await generateVideo(join(tmpdir(), `disan-sound-${process.pid}.mp4`), { seconds: 1 });
    await ffmpeg(['-i', both, '-vn', '-c:a', 'copy', join(folder, 'recording.mp4')]);
    await rm(both);
    await emptyWav(join(folder, 'empty.wav'));
    report = await ingest(archive, { inputs: [folder] });
  }, 120_000);

  afterAll(async () => {
    await dispose();
    await s3.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('ingests every good recording and refuses the empty one with a reason', () => {
    expect(report.outcomes).toMatchObject({ ingested: 4, failed: 1 });
    expect(report.failures).toEqual([{ file: 'empty.wav', reason: expect.stringMatching(/empty \(0 seconds/) as unknown }]);
  });

  it('records duration, codec, channels and sample rate', async () => {
    const chant = await media('chant.opus');
    expect(chant.durationSeconds).toBeCloseTo(3, 1);
    expect(chant.technical).toMatchObject({ audioCodec: 'opus', channels: 1, sampleRate: 48000 });
    expect(chant.width).toBeUndefined();
  });

  it('makes Opus and MP3 renditions that decode as such, in the bucket', async () => {
    for (const name of ['chant.opus', 'drums.mp3', 'field.wav', 'recording.mp4']) {
      const m = await media(name);
      expect(m.derivatives.map((d) => d.name)).toEqual(['audio-opus', 'audio-mp3', 'waveform-json']);
      const dir = await mkdtemp(join(tmpdir(), 'disan-audio-out-'));
      await writeFile(join(dir, 'a.opus'), await read(m, 'audio-opus'));
      await writeFile(join(dir, 'a.mp3'), await read(m, 'audio-mp3'));
      expect((await ffprobeJson(join(dir, 'a.opus'))).streams[0]?.codec_name).toBe('opus');
      expect((await ffprobeJson(join(dir, 'a.mp3'))).streams[0]).toMatchObject({ codec_name: 'mp3' });
      await rm(dir, { recursive: true });
    }
  });

  it('stores waveform peaks a player can draw: the swell of the tone shows in the values', async () => {
    const chant = await media('chant.opus');
    const waveform = JSON.parse((await read(chant, 'waveform-json')).toString()) as Waveform;
    // About 1500 points: 3 s (plus the Opus encoder's few ms) at 8000 Hz, ~16 samples a point.
    expect(waveform).toMatchObject({ version: 1, sampleRate: 8000, samplesPerPeak: Math.ceil((chant.durationSeconds! * 8000) / 1500) });
    expect(waveform.length).toBe(Math.ceil(24_000 / waveform.samplesPerPeak));
    expect(waveform.peaks).toHaveLength(waveform.length * 2);
    const amplitude = (i: number) => waveform.peaks[2 * i + 1]! - waveform.peaks[2 * i]!;
    // lavfi's sine is at 1/8 of full scale, under volume 0.9·sin(πt/3): near silence at the ends, loudest in the middle.
    expect(amplitude(5)).toBeLessThan(0.02);
    expect(amplitude(Math.floor(waveform.length / 2))).toBeGreaterThan(0.2);
    expect(Math.max(...waveform.peaks)).toBeLessThanOrEqual(1);
    expect(Math.min(...waveform.peaks)).toBeGreaterThanOrEqual(-1);
  });
});
