/**
 * What every video and recording gets, decided from the probe alone (pure, so the
 * rules are unit-tested without ffmpeg). Names become derivative keys:
 * `derivatives/<mediaId>/<name>.<ext>`.
 */

export interface Size {
  width: number;
  height: number;
}

export interface Mp4Rendition extends Size {
  name: string;
}

/** Rendition heights for landscape video; for portrait video the same numbers bound the width (the short side). */
export const VIDEO_LADDER = [480, 720, 1080] as const;

/**
 * MP4 renditions smallest first, never upscaled: a source whose short side is
 * below the smallest rung gets one rendition at its own size.
 * @example videoLadder({ width: 640, height: 360 }) // [{ name: 'mp4-360', width: 640, height: 360 }]
 * @example videoLadder({ width: 1920, height: 1080 }).map((r) => r.name) // ['mp4-480', 'mp4-720', 'mp4-1080']
 */
export function videoLadder(display: Size): Mp4Rendition[] {
  const short = Math.min(display.width, display.height);
  const rungs: number[] = VIDEO_LADDER.filter((rung) => rung <= short);
  // Rounded down to even: a 241-line source must not come out 242 lines tall.
  if (rungs.length === 0) rungs.push(evenDown(short));
  return rungs.map((rung) => ({ name: `mp4-${rung}`, ...fitShortSide(display, rung) }));
}

/** Scales so the short side is `shortSide`, keeping the aspect ratio; both sides even (4:2:0 needs it). */
export function fitShortSide(display: Size, shortSide: number): Size {
  const landscape = display.width >= display.height;
  const scale = shortSide / Math.min(display.width, display.height);
  const sourceLong = landscape ? display.width : display.height;
  const long = Math.min(even(sourceLong * scale), evenDown(sourceLong));
  const short = even(shortSide);
  return landscape ? { width: long, height: short } : { width: short, height: long };
}

/** Fits inside a box, never enlarging; both sides even. */
export function fitInside(display: Size, box: Size): Size {
  const scale = Math.min(1, box.width / display.width, box.height / display.height);
  return { width: evenDown(display.width * scale), height: evenDown(display.height * scale) };
}

/** The poster frame: at 10% of the video, or 1 s into a short one (skips black leaders and fades), inside the video. */
export function posterTime(durationSeconds: number): number {
  if (durationSeconds >= 10) return durationSeconds * 0.1;
  return Math.min(1, durationSeconds / 2);
}

export const POSTER_BOX: Size = { width: 1280, height: 720 };

export interface StripPlan extends Size {
  intervalSeconds: number;
  count: number;
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
}

const STRIP_TILE_WIDTH = 160;
const STRIP_MAX_TILES = 100;
const STRIP_COLUMNS = 10;

/**
 * A scrubbing strip: one frame every `intervalSeconds` (at least 1 s, widened so
 * there are at most 100 tiles), 160 pixels wide, 10 to a row.
 */
export function stripPlan(durationSeconds: number, display: Size): StripPlan {
  const intervalSeconds = Math.max(1, Math.ceil(durationSeconds / STRIP_MAX_TILES));
  const count = Math.max(1, Math.ceil(durationSeconds / intervalSeconds));
  const columns = Math.min(STRIP_COLUMNS, count);
  const rows = Math.ceil(count / columns);
  const tileWidth = STRIP_TILE_WIDTH;
  const tileHeight = even((STRIP_TILE_WIDTH * display.height) / display.width);
  return { intervalSeconds, count, columns, rows, tileWidth, tileHeight, width: columns * tileWidth, height: rows * tileHeight };
}

/**
 * A WebVTT thumbnails track for players (Video.js, Vidstack, Plyr): each cue
 * points at its tile in the sprite with a media fragment `#xywh=`. `spriteUrl` is
 * relative to the track, as both are served from the same derivative folder.
 * @example thumbnailsVtt(plan, 3, 'strip-jpeg') // 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nstrip-jpeg#xywh=0,0,160,90\n…'
 */
export function thumbnailsVtt(plan: StripPlan, durationSeconds: number, spriteUrl: string): string {
  const cues: string[] = [];
  for (let index = 0; index < plan.count; index++) {
    const start = index * plan.intervalSeconds;
    const end = Math.min(durationSeconds, start + plan.intervalSeconds);
    if (end <= start) break;
    const x = (index % plan.columns) * plan.tileWidth;
    const y = Math.floor(index / plan.columns) * plan.tileHeight;
    cues.push(`${timestamp(start)} --> ${timestamp(end)}\n${spriteUrl}#xywh=${x},${y},${plan.tileWidth},${plan.tileHeight}`);
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** @example timestamp(3723.5) // '01:02:03.500' */
export function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Rounds down to an even number, at least 2. */
function evenDown(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2);
}

/** Rounds to the nearest even number, at least 2. */
export function even(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}
