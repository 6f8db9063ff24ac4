import { describe, expect, it } from 'vitest';
import { fitInside, posterTime, stripPlan, thumbnailsVtt, timestamp, videoLadder } from './av-renditions.ts';

describe('videoLadder', () => {
  it.each([
    [{ width: 1920, height: 1080 }, ['mp4-480 854x480', 'mp4-720 1280x720', 'mp4-1080 1920x1080']],
    [{ width: 1280, height: 720 }, ['mp4-480 854x480', 'mp4-720 1280x720']],
    [{ width: 854, height: 480 }, ['mp4-480 854x480']],
    [{ width: 640, height: 360 }, ['mp4-360 640x360']],
    [{ width: 321, height: 241 }, ['mp4-240 320x240']],
    [{ width: 1080, height: 1920 }, ['mp4-480 480x854', 'mp4-720 720x1280', 'mp4-1080 1080x1920']],
    [{ width: 3840, height: 2160 }, ['mp4-480 854x480', 'mp4-720 1280x720', 'mp4-1080 1920x1080']],
  ])('%o gets %o, smallest first, never enlarged, even sides', (display, expected) => {
    expect(videoLadder(display).map((r) => `${r.name} ${r.width}x${r.height}`)).toEqual(expected);
  });
});

describe('poster and strip', () => {
  it('takes the poster at 10% of a long video and 1 s into a short one, always inside it', () => {
    expect(posterTime(95)).toBeCloseTo(9.5);
    expect(posterTime(4)).toBe(1);
    expect(posterTime(0.4)).toBeCloseTo(0.2);
  });

  it('fits the poster inside 1280x720 without enlarging', () => {
    expect(fitInside({ width: 1920, height: 1080 }, { width: 1280, height: 720 })).toEqual({ width: 1280, height: 720 });
    expect(fitInside({ width: 1080, height: 1920 }, { width: 1280, height: 720 })).toEqual({ width: 404, height: 720 });
    expect(fitInside({ width: 320, height: 240 }, { width: 1280, height: 720 })).toEqual({ width: 320, height: 240 });
  });

  it('keeps at most 100 tiles, one per second or wider', () => {
    expect(stripPlan(95, { width: 640, height: 360 })).toMatchObject({ intervalSeconds: 1, count: 95, columns: 10, rows: 10, tileWidth: 160, tileHeight: 90, width: 1600, height: 900 });
    expect(stripPlan(3600, { width: 640, height: 360 })).toMatchObject({ intervalSeconds: 36, count: 100 });
    expect(stripPlan(0.5, { width: 320, height: 240 })).toMatchObject({ intervalSeconds: 1, count: 1, columns: 1, rows: 1 });
  });

  it('writes a thumbnails track whose cues cover the video and point at their tiles', () => {
    const plan = stripPlan(12.5, { width: 640, height: 360 });
    const vtt = thumbnailsVtt(plan, 12.5, 'strip-jpeg');
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nstrip-jpeg#xywh=0,0,160,90\n')).toBe(true);
    expect(vtt).toContain('00:00:10.000 --> 00:00:11.000\nstrip-jpeg#xywh=0,90,160,90');
    expect(vtt.trimEnd().endsWith('00:00:12.000 --> 00:00:12.500\nstrip-jpeg#xywh=320,90,160,90')).toBe(true);
  });

  it('formats WebVTT timestamps', () => {
    expect(timestamp(3723.5)).toBe('01:02:03.500');
    expect(timestamp(0)).toBe('00:00:00.000');
  });
});
