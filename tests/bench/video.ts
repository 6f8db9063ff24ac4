import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '@disan/ingest/config';
import { type Archive, ingest, openArchive } from '@disan/ingest';
import { fitInside, POSTER_BOX, posterTime, stripPlan, videoLadder } from '../../ingest/src/media/av-renditions.ts';
import { generateVideo } from '../support/generate-av.ts';

/**
 * Video, in one run:
 * 1. The whole Disan pipeline (type detection, SHA-256, original stored, job
 *    queue, probe, poster, renditions, strip, storage, catalog, index) against
 *    bare `ffmpeg` commands making the same files with the same settings from the
 *    same clip, one after the other (as the job does). Target ratio >= 0.95.
 * 2. Time from `disan ingest` to the first playable rendition of a 60-second
 *    1080p clip, and to all renditions, with the same ratio on that clip.
 * Clips are generated here (testsrc2 + a tone), so the numbers need no download.
 */
const RATIO_SECONDS = Number(process.env.BENCH_VIDEO_SECONDS ?? 10);
const PLAYABLE_SECONDS = 60;
const ROUNDS = 2;
const run = promisify(execFile);

function ffmpeg(args: string[]): Promise<unknown> {
  return run('ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

/** What an operator would type to make the job's files by hand. */
async function bareFfmpeg(clip: string, seconds: number, out: string): Promise<number> {
  const display = { width: 1920, height: 1080 };
  const poster = fitInside(display, POSTER_BOX);
  const strip = stripPlan(seconds, display);
  const [smallest, ...larger] = videoLadder(display);
  const mp4 = (r: { name: string; width: number; height: number }) => ffmpeg([
    '-i', clip, '-map', '0:v:0', '-vf', `scale=${r.width}:${r.height}:flags=bicubic,setsar=1,format=yuv420p`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high',
    '-map', '0:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-movflags', '+faststart', join(out, `${r.name}.mp4`),
  ]);
  const started = performance.now();
  await ffmpeg([
    '-ss', posterTime(seconds).toFixed(3), '-i', clip, '-an', '-sn',
    '-filter_complex', `[0:v:0]scale=${poster.width}:${poster.height},setsar=1,split=2[j][w]`,
    '-map', '[j]', '-frames:v', '1', '-q:v', '3', join(out, 'poster.jpg'),
    '-map', '[w]', '-frames:v', '1', '-c:v', 'libwebp', '-quality', '80', join(out, 'poster.webp'),
  ]);
  await mp4(smallest!);
  await ffmpeg(['-i', clip, '-an', '-vf', `fps=1/${strip.intervalSeconds},scale=${strip.tileWidth}:${strip.tileHeight},setsar=1,tile=${strip.columns}x${strip.rows}`, '-frames:v', '1', '-q:v', '4', join(out, 'strip.jpg')]);
  for (const r of larger) await mp4(r);
  return (performance.now() - started) / 1000;
}

async function withArchive<T>(work: (archive: Archive) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'disan-bench-video-'));
  const archive = await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir }));
  try {
    return await work(archive);
  } finally {
    await archive.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Seconds to ingest the clip; `firstPlayable` is when an MP4 was first recorded on its media (polled every 50 ms). */
function disanRun(clip: string): Promise<{ total: number; firstPlayable: number }> {
  return withArchive(async (archive) => {
    const started = performance.now();
    let firstPlayable = NaN;
    const state = { polling: true };
    const poll = (async () => {
      while (state.polling && Number.isNaN(firstPlayable)) {
        const [media] = await archive.catalog.media.listByStatus('processing');
        if (media?.derivatives.some((d) => d.name.startsWith('mp4-'))) firstPlayable = (performance.now() - started) / 1000;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const report = await ingest(archive, { inputs: [clip] });
    const total = (performance.now() - started) / 1000;
    state.polling = false;
    await poll;
    if (report.outcomes.ingested !== 1) throw new Error(`bench video ingest failed: ${JSON.stringify(report.failures)}`);
    return { total, firstPlayable };
  });
}

export async function benchVideo(): Promise<{ label: string; value: string }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'disan-bench-clips-'));
  try {
    const clip = await generateVideo(join(dir, 'ratio.mp4'), { width: 1920, height: 1080, seconds: RATIO_SECONDS, fps: 25, faststart: true });
    const out = await mkdtemp(join(dir, 'bare-'));
    // Alternating rounds, best of each: the two cores are shared, and a noisy neighbour should not pick the winner.
    let bare = Infinity;
    let ours = { total: Infinity, firstPlayable: Infinity };
    for (let round = 0; round < ROUNDS; round++) {
      bare = Math.min(bare, await bareFfmpeg(clip, RATIO_SECONDS, out));
      const run = await disanRun(clip);
      if (run.total < ours.total) ours = run;
    }

    const long = await generateVideo(join(dir, 'long.mp4'), { width: 1920, height: 1080, seconds: PLAYABLE_SECONDS, fps: 25, faststart: true });
    const longOut = await mkdtemp(join(dir, 'bare-long-'));
    const bareLong = await bareFfmpeg(long, PLAYABLE_SECONDS, longOut);
    const timed = await disanRun(long);
    const speed = (seconds: number) => `${(PLAYABLE_SECONDS / seconds).toFixed(2)}x real time`;
    return [
      { label: 'video clip', value: `${RATIO_SECONDS} s 1080p25 H.264+AAC -> poster, mp4-480, strip, mp4-720, mp4-1080 (veryfast, CRF 23)` },
      { label: 'video bare ffmpeg (same commands)', value: `${bare.toFixed(1)} s (best of ${ROUNDS}, alternating)` },
      { label: 'video disan pipeline', value: `${ours.total.toFixed(1)} s (best of ${ROUNDS})` },
      { label: 'video ratio disan / bare ffmpeg', value: `${(bare / ours.total).toFixed(2)}x speed (target >= 0.95)` },
      { label: 'video 60 s 1080p: first playable', value: `${timed.firstPlayable.toFixed(1)} s after ingest start (${speed(timed.firstPlayable)}; poster + mp4-480)` },
      { label: 'video 60 s 1080p: all renditions', value: `${timed.total.toFixed(1)} s (${speed(timed.total)})` },
      // The pipeline's fixed cost per file (hash, store, catalog, queue: about 0.4 s) weighs less on a real-length film.
      { label: 'video 60 s: bare ffmpeg, one round', value: `${bareLong.toFixed(1)} s` },
      { label: 'video 60 s ratio disan / bare ffmpeg', value: `${(bareLong / timed.total).toFixed(2)}x speed (one round each)` },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchVideo()) console.log(`${line.label.padEnd(40)} ${line.value}`);
}
