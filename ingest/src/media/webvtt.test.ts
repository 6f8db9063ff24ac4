import { describe, expect, it } from 'vitest';
import { UnsupportedMediaError } from '../errors.ts';
import { formatTimestamp, parseWebVtt, serializeWebVtt, WebVttError } from './webvtt.ts';

const SAMPLE = `\uFEFFWEBVTT - Đua ghe ngo

STYLE
::cue { color: yellow }

NOTE người ghi: bản nháp
nhiều dòng

intro
00:00.000 --> 00:04.250 align:start line:90%
<v Người dẫn>Chào mừng đến với <i>lễ hội</i> Ok Om Bok &amp; đua ghe ngo

00:01:30.000 --> 00:01:34.500
<v.loud Trọng tài>Ghe về đích!
<c.yellow>Sóc Trăng</c> <00:01:32.000>chiến thắng
`;

describe('parseWebVtt', () => {
  it('reads cues with ids, both timestamp forms, settings, and plain text without tags', () => {
    const vtt = parseWebVtt(SAMPLE);
    expect(vtt.cues).toHaveLength(2);
    expect(vtt.cues[0]).toMatchObject({ id: 'intro', startSeconds: 0, endSeconds: 4.25, settings: 'align:start line:90%', voices: ['Người dẫn'] });
    expect(vtt.cues[0]!.text).toBe('Chào mừng đến với lễ hội Ok Om Bok & đua ghe ngo');
    expect(vtt.cues[1]).toMatchObject({ startSeconds: 90, endSeconds: 94.5, voices: ['Trọng tài'] });
    expect(vtt.cues[1]!.text).toBe('Ghe về đích!\nSóc Trăng chiến thắng');
  });

  it('keeps STYLE blocks, drops NOTE blocks, and re-serialises a clean file that parses to the same cues', () => {
    const vtt = parseWebVtt(SAMPLE);
    expect(vtt.blocks).toEqual(['STYLE\n::cue { color: yellow }']);
    const clean = serializeWebVtt(vtt);
    expect(clean.startsWith('WEBVTT\n\nSTYLE')).toBe(true);
    expect(clean).not.toContain('NOTE');
    expect(clean).toContain('00:01:30.000 --> 00:01:34.500');
    expect(parseWebVtt(clean).cues).toEqual(vtt.cues);
  });

  it('accepts CRLF line endings and an empty file with only the header', () => {
    expect(parseWebVtt('WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nhi\r\n').cues[0]!.text).toBe('hi');
    expect(parseWebVtt('WEBVTT\n').cues).toEqual([]);
  });

  it.each([
    ['a missing header', 'hello\n\n00:01.000 --> 00:02.000\nx', 1, /must start with "WEBVTT"/],
    ['a comma as decimal mark (SRT style)', 'WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nx', 3, /not a timestamp/],
    ['minutes above 59', 'WEBVTT\n\n00:61:00.000 --> 00:62:00.000\nx', 3, /not a timestamp/],
    ['an end before the start', 'WEBVTT\n\n1\n00:00:05.000 --> 00:00:02.000\nx', 4, /ends .* before or when it starts/],
    ['an id with no timing line', 'WEBVTT\n\nhello there\nno timing', 4, /expected a cue timing line/],
    ['an unknown cue setting', 'WEBVTT\n\n00:01.000 --> 00:02.000 colour:red\nx', 3, /unknown cue setting "colour:red"/],
    ['a STYLE block after a cue', 'WEBVTT\n\n00:01.000 --> 00:02.000\nx\n\nSTYLE\n::cue {}', 6, /before the first cue/],
  ])('refuses %s with the line number', (_, input, line, message) => {
    let caught: unknown;
    try {
      parseWebVtt(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WebVttError);
    expect(caught).toBeInstanceOf(UnsupportedMediaError);
    expect((caught as WebVttError).line).toBe(line);
    expect((caught as WebVttError).message).toMatch(new RegExp(`^WebVTT line ${line}: `));
    expect((caught as WebVttError).message).toMatch(message);
  });
});

describe('formatTimestamp', () => {
  it.each([[0, '00:00:00.000'], [90.5, '00:01:30.500'], [3725.007, '01:02:05.007']])('formats %d s as %s', (seconds, text) => {
    expect(formatTimestamp(seconds)).toBe(text);
  });
});
