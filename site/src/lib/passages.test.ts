import type { HitPassage } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { focusFrom, focusHref, passageHref, passageLabel, showsSnippet, timecode } from './passages.ts';

const passage = (over: Partial<HitPassage>): HitPassage => ({ mediaId: 'm1', source: 'pdf-text', html: '', ...over });

describe('passageHref', () => {
  it.each([
    ['a document page', passage({ page: 7 }), '/en/item/ok?media=m1&page=7#media-m1'],
    ['a caption cue (whole seconds)', passage({ source: 'captions', startSeconds: 90.8, endSeconds: 95 }), '/en/item/ok?media=m1&t=90#media-m1'],
    ['a caption cue at its recording', passage({ source: 'captions', startSeconds: 90, recordingId: 'film' }), '/en/item/ok?media=film&t=90#media-film'],
    ['a passage with neither', passage({}), '/en/item/ok?media=m1#media-m1'],
  ])('points %s at the item page, opened there', (_case, p, expected) => {
    expect(passageHref('/en/item/ok', p)).toBe(expected);
  });

  it('carries the words searched for to a page, for the reader to highlight, not to a cue', () => {
    expect(passageHref('/item/ok', passage({ page: 7 }), ' Sampot ')).toBe('/item/ok?media=m1&page=7&q=Sampot#media-m1');
    expect(passageHref('/item/ok', passage({ source: 'captions', startSeconds: 9 }), 'Sampot')).toBe('/item/ok?media=m1&t=9#media-m1');
    expect(passageHref('/item/ok', passage({ page: 7 }), '')).toBe('/item/ok?media=m1&page=7#media-m1');
  });
});

describe('timecode and passageLabel', () => {
  it.each([
    [0, '00:00:00'],
    [90, '00:01:30'],
    [3725.9, '01:02:05'],
    [-3, '00:00:00'],
  ])('%s s reads %s', (seconds, expected) => {
    expect(timecode(seconds)).toBe(expected);
  });

  it('names a page with the reader’s template and a cue with its time code', () => {
    expect(passageLabel({ page: 7 }, 'trang {page}')).toBe('trang 7');
    expect(passageLabel({ startSeconds: 90 }, 'trang {page}')).toBe('00:01:30');
    expect(passageLabel({}, 'trang {page}')).toBeNull();
  });
});

describe('focusFrom', () => {
  it.each([
    ['media=m1&page=7', { mediaId: 'm1', page: 7 }],
    ['media=m1&page=7&q=l%E1%BB%85+h%E1%BB%99i', { mediaId: 'm1', page: 7, q: 'lễ hội' }],
    ['media=m1&t=90&q=x', { mediaId: 'm1', seconds: 90 }],
    ['media=m1&t=90', { mediaId: 'm1', seconds: 90 }],
    ['media=m1&t=0', { mediaId: 'm1', seconds: 0 }],
    ['media=m1', { mediaId: 'm1' }],
    ['media=m1&page=0', { mediaId: 'm1' }],
    ['media=m1&page=-3&t=1e9', { mediaId: 'm1' }],
    ['media=m1&t=12.5', { mediaId: 'm1' }],
    ['media=M1%3Cscript%3E&page=2', null],
    ['page=7', null],
    ['', null],
  ])('reads "%s" as %j, ignoring anything malformed', (query, expected) => {
    expect(focusFrom(new URLSearchParams(query))).toEqual(expected);
  });
});

describe('focusHref and showsSnippet', () => {
  it('opens a medium of the item page, at a page or a whole second, or just scrolled to it', () => {
    expect(focusHref('', 'film', { seconds: 95.9 })).toBe('?media=film&t=95#media-film');
    expect(focusHref('/km/item/ok', 'doc', { page: 3 })).toBe('/km/item/ok?media=doc&page=3#media-doc');
    expect(focusHref('/item/ok', 'doc')).toBe('/item/ok?media=doc#media-doc');
  });

  it.each([
    ['a title snippet beside passages', { field: 'title', html: 'x' }, 1, true],
    ['a media-text snippet with passages (it repeats the first)', { field: 'fullText', html: 'x' }, 1, false],
    ['a media-text snippet without passages', { field: 'fullText', html: 'x' }, 0, true],
    ['no snippet', null, 1, false],
  ] as const)('shows %s: %s', (_case, snippet, passages, expected) => {
    expect(showsSnippet({ snippet, passages: Array.from({ length: passages }, () => passage({ page: 1 })) })).toBe(expected);
  });
});
