import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Media, Rendition } from '@disan/schemas';
import type { Catalog } from '../catalog/catalog.ts';
import { UnsupportedMediaError } from '../errors.ts';
import type { Indexer } from '../indexing/indexer.ts';
import type { AvAdapter, AvProbe } from '../media/ffmpeg.ts';
import { derivativeKey } from '../storage/keys.ts';
import type { ObjectStorage } from '../storage/storage.ts';
import { createMediaJobHandler } from './media-job.ts';

/**
 * What the video and audio jobs share: the original as a local file (ffmpeg needs a
 * seekable file: read in place from filesystem storage, copied from S3), steps that each
 * publish their files and record them on the media at once, and the rule that a
 * bad input fails the media for good while anything else is thrown for a retry.
 */

export interface AvJobDeps {
  catalog: Catalog;
  storage: ObjectStorage;
  av: AvAdapter;
  indexer: Indexer;
}

/** A file a step wrote into the work folder, published as `derivatives/<mediaId>/<name>.<extension>`. */
export interface StepOutput {
  name: string;
  extension: string;
  mimeType: string;
  file: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
}

export interface Step {
  /** Renditions the step makes: when all are recorded and stored, a re-run skips the step. */
  names: string[];
  run(): Promise<StepOutput[]>;
  /** Re-index the item once this step is recorded (e.g. the first playable rendition). */
  announce?: boolean;
}

export interface AvWork {
  media: Media;
  /** The original, as a local file. */
  input: string;
  /** A private temp folder for outputs, removed afterwards. */
  dir: string;
  signal: AbortSignal | undefined;
}

/**
 * Runs `plan` for one media: probe, then its steps in order, recording each
 * step's renditions as soon as they are stored, then `ready`. Idempotent: keys
 * are deterministic and steps already recorded (and still in storage) are skipped,
 * so a retry after a crash resumes where the last one stopped.
 */
export function createAvJobHandler(
  deps: AvJobDeps,
  plan: (work: AvWork, probe: AvProbe) => Step[],
  accept: (probe: AvProbe) => void,
) {
  return createMediaJobHandler(deps, async (media, signal) => {
    await withLocalOriginal(deps.storage, media.originalKey, async (input, dir) => {
      const probe = await deps.av.probe(input, signal ? { signal } : {});
      accept(probe);
      await deps.catalog.media.update(media.id, describeProbe(probe));
      await runSteps(deps, media, plan({ media, input, dir, signal }, probe));
    });
    // Each step recorded its renditions as it went: the media only needs to become ready.
    return {};
  });
}

/** Bad input common to every recording: no stream at all, or nothing in it. */
export function acceptRecording(probe: AvProbe): void {
  if (probe.durationSeconds <= 0) throw new UnsupportedMediaError('the recording is empty (0 seconds long, nothing to play)');
  if (!probe.video && !probe.audio) throw new UnsupportedMediaError('it contains no audio or video stream');
  if (probe.video && probe.video.frames === 0 && !probe.audio) throw new UnsupportedMediaError('the video has no frames');
}

async function runSteps(deps: AvJobDeps, media: Media, steps: Step[]): Promise<void> {
  let derivatives = [...media.derivatives];
  for (const step of steps) {
    if (await alreadyDone(deps.storage, derivatives, step.names)) continue;
    const outputs = await step.run();
    const published: Rendition[] = [];
    for (const output of outputs) published.push(await publish(deps.storage, media.id, output));
    const names = new Set(published.map((r) => r.name));
    derivatives = [...derivatives.filter((r) => !names.has(r.name)), ...published];
    await deps.catalog.media.update(media.id, { derivatives });
    if (step.announce) await deps.indexer.indexItems([media.itemId]);
  }
}

async function alreadyDone(storage: ObjectStorage, derivatives: Rendition[], names: string[]): Promise<boolean> {
  for (const name of names) {
    const recorded = derivatives.find((r) => r.name === name);
    if (!recorded) return false;
    const stored = await storage.head(recorded.key);
    if (stored?.size !== recorded.size) return false;
  }
  return true;
}

async function publish(storage: ObjectStorage, mediaId: string, output: StepOutput): Promise<Rendition> {
  const key = derivativeKey(mediaId, output.name, output.extension);
  // ffmpeg exits 0 without writing anything when, say, a seek lands past the last frame.
  const size = await stat(output.file).then((s) => s.size, () => 0);
  if (size === 0) throw new UnsupportedMediaError(`no ${output.name} could be made: the recording has no usable frames or samples there`);
  const info = await storage.put(key, createReadStream(output.file), { contentType: output.mimeType, size });
  return {
    name: output.name,
    key,
    mimeType: output.mimeType,
    size: info.size,
    ...(output.width ? { width: output.width } : {}),
    ...(output.height ? { height: output.height } : {}),
    ...(output.durationSeconds ? { durationSeconds: output.durationSeconds } : {}),
  };
}

/**
 * Gives `work` the original as a local file and a private temp folder for outputs,
 * removed whatever happens. An original kept as a plain file (filesystem storage) is
 * read in place: a two-hour film is not copied first. From S3 it is copied.
 */
export async function withLocalOriginal(storage: ObjectStorage, key: string, work: (input: string, dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'disan-av-'));
  try {
    let input = (await storage.localFile?.(key)) ?? null;
    if (input === null) {
      input = join(dir, 'original');
      const { body } = await storage.get(key);
      await pipeline(body, createWriteStream(input));
    }
    await work(input, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Duration, display size and a flat, small `technical` record for archivists and players. */
function describeProbe(probe: AvProbe): Parameters<Catalog['media']['update']>[1] {
  const technical: Record<string, string | number> = { container: probe.container, durationSeconds: probe.durationSeconds };
  if (probe.bitrate !== undefined) technical.bitrate = probe.bitrate;
  const { video, audio } = probe;
  if (video) {
    technical.videoCodec = video.codec;
    technical.rotation = video.rotation;
    if (video.fps !== undefined) technical.fps = video.fps;
    if (video.pixelFormat) technical.pixelFormat = video.pixelFormat;
  }
  if (audio) {
    technical.audioCodec = audio.codec;
    technical.channels = audio.channels;
    technical.sampleRate = audio.sampleRate;
  }
  return {
    durationSeconds: probe.durationSeconds,
    technical,
    ...(video ? { width: video.width, height: video.height } : {}),
  };
}
