import { describe, expect, it } from 'vitest';
import { passageLocation, plain, timeCode } from './search.ts';

describe('timeCode', () => {
  it.each([
    [0, '00:00:00'],
    [90, '00:01:30'],
    [89.9, '00:01:29'],
    [3725.5, '01:02:05'],
    [36_000, '10:00:00'],
  ])('writes %s seconds as %s', (seconds, expected) => {
    expect(timeCode(seconds)).toBe(expected);
  });
});

describe('passageLocation', () => {
  it('names the page of document text and the time of a cue', () => {
    expect(passageLocation({ mediaId: 'm', source: 'ocr', page: 7, html: '' })).toBe('page 7');
    expect(passageLocation({ mediaId: 'm', source: 'captions', startSeconds: 90, endSeconds: 95, html: '' })).toBe('00:01:30');
    expect(passageLocation({ mediaId: 'm', source: 'captions', html: '' })).toBe('captions');
  });
});

describe('plain', () => {
  it('shows marks as «» and unescapes the rest', () => {
    expect(plain('…a &lt;b&gt; <mark>Lễ</mark> &amp; c')).toBe('…a <b> «Lễ» & c');
  });
});
