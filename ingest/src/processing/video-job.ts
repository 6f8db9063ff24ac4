import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AvProbe } from '../media/ffmpeg.ts';
import type { ImageAdapter } from '../media/image.ts';
import { IMAGE_RENDITIONS } from '../media/renditions.ts';
import { fitInside, type Mp4Rendition, POSTER_BOX, posterTime, stripPlan, thumbnailsVtt, videoLadder } from '../media/av-renditions.ts';
import { acceptRecording, createAvJobHandler, type AvJobDeps, type AvWork, type Step } from './av-job.ts';
import { audioSteps } from './audio-job.ts';

/**
 * `video.derivatives`: poster (JPEG + WebP, and the photos' small `thumb` JPEG for
 * search results and cards, which would otherwise be sent a poster up to 1280×720), H.264/AAC MP4 renditions at 480p,
 * 720p and 1080p as far as the source goes (never enlarged), and a scrubbing
 * strip (sprite JPEG + WebVTT thumbnails track).
 *
 * Time to first playable: one job runs the steps in order, poster and the
 * smallest MP4 first, and records each step's files on the media as soon as they
 * are stored. The media stays `processing` (but playable) until the larger
 * renditions are done, then becomes `ready`. One job rather than a follow-up job
 * keeps one outcome per file for `disan ingest`'s report, and a retry resumes at
 * the first step not yet recorded. Transcodes run one at a time per worker
 * (JOB_CONCURRENCY): x264 already uses every core.
 *
 * A "video" that holds only sound (an MP4 of a recording) gets the audio steps.
 */
export interface VideoJobDeps extends AvJobDeps {
  images: ImageAdapter;
}

const THUMB = IMAGE_RENDITIONS.find((r) => r.name === 'thumb')!;

export function createVideoJobHandler(deps: VideoJobDeps) {
  return createAvJobHandler(deps, (work, probe) => (probe.video ? videoSteps(deps, work, probe, probe.video) : audioSteps(deps, work, probe)), acceptRecording);
}

function videoSteps({ av, images }: VideoJobDeps, { input, dir, signal }: AvWork, probe: AvProbe, video: NonNullable<AvProbe['video']>): Step[] {
  const run = signal ? { signal } : {};
  const duration = probe.durationSeconds;
  const display = { width: video.width, height: video.height };
  const [smallest, ...larger] = videoLadder(display);
  const mp4 = (rendition: Mp4Rendition, announce = false): Step => ({
    names: [rendition.name],
    announce,
    run: async () => {
      const file = join(dir, `${rendition.name}.mp4`);
      await av.mp4(input, file, { width: rendition.width, height: rendition.height, audio: probe.audio !== undefined, durationSeconds: duration }, run);
      return [{ name: rendition.name, extension: 'mp4', mimeType: 'video/mp4', file, width: rendition.width, height: rendition.height, durationSeconds: duration }];
    },
  });

  const poster: Step = {
    names: ['poster-jpeg', 'poster-webp', 'thumb'],
    run: async () => {
      const size = fitInside(display, POSTER_BOX);
      const files = { jpeg: join(dir, 'poster.jpg'), webp: join(dir, 'poster.webp'), thumb: join(dir, 'thumb.jpg') };
      await av.poster(input, files, { atSeconds: posterTime(duration), ...size }, run);
      const [thumb] = await images.renditions(await readFile(files.jpeg), [THUMB]);
      await writeFile(files.thumb, thumb!.data);
      return [
        { name: 'poster-jpeg', extension: 'jpg', mimeType: 'image/jpeg', file: files.jpeg, ...size },
        { name: 'poster-webp', extension: 'webp', mimeType: 'image/webp', file: files.webp, ...size },
        { name: 'thumb', extension: 'jpg', mimeType: thumb!.mimeType, file: files.thumb, width: thumb!.width, height: thumb!.height },
      ];
    },
  };

  const strip: Step = {
    names: ['strip-jpeg', 'strip-vtt'],
    run: async () => {
      const plan = stripPlan(duration, display);
      const sprite = join(dir, 'strip.jpg');
      const track = join(dir, 'strip.vtt');
      await av.sprite(input, sprite, plan, duration, run);
      // Players resolve a cue against the track's address, /api/media/<id>/strip-vtt: the
      // relative name `strip-jpeg` is then the sprite's own address, /api/media/<id>/strip-jpeg.
      await writeFile(track, thumbnailsVtt(plan, duration, 'strip-jpeg'));
      return [
        { name: 'strip-jpeg', extension: 'jpg', mimeType: 'image/jpeg', file: sprite, width: plan.width, height: plan.height },
        { name: 'strip-vtt', extension: 'vtt', mimeType: 'text/vtt', file: track, durationSeconds: duration },
      ];
    },
  };

  return [poster, ...(smallest ? [mp4(smallest, true)] : []), strip, ...larger.map((rendition) => mp4(rendition))];
}
