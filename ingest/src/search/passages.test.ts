import type { TextPassage } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { inReadingOrder, locatePassages, MAX_ANALYZED_PASSAGES } from './passages.ts';
import { queryWords } from './query.ts';

const page = (page: number, text: string, mediaId = 'book'): TextPassage => ({ mediaId, itemId: 'item', seq: page - 1, source: 'pdf-text', page, text });
const cue = (seq: number, startSeconds: number, text: string): TextPassage => ({ mediaId: 'subs', itemId: 'item', seq, source: 'captions', startSeconds, endSeconds: startSeconds + 4, text });

describe('locatePassages', () => {
  it('finds the page holding the word and marks it with its original spelling', () => {
    const pages = [page(1, 'Mở đầu'), page(2, 'Lễ hội Ok Om Bok'), page(3, 'Kết luận')];
    expect(locatePassages(pages, queryWords('le hoi '))).toEqual([{ mediaId: 'book', source: 'pdf-text', page: 2, html: '<mark>Lễ</mark> <mark>hội</mark> Ok Om Bok' }]);
  });

  it('says the time of a caption cue', () => {
    const cues = [cue(0, 0, 'Chào mừng'), cue(1, 90, 'Đua ghe ngo trên sông')];
    expect(locatePassages(cues, queryWords('ghe ngo '))).toEqual([{ mediaId: 'subs', source: 'captions', startSeconds: 90, endSeconds: 94, html: 'Đua <mark>ghe</mark> <mark>ngo</mark> trên sông' }]);
  });

  it('ranks passages with more query words first, then in reading order, at most three', () => {
    const pages = [page(1, 'ghe'), page(2, 'ngo'), page(3, 'ghe ngo'), page(4, 'ghe'), page(5, 'ghe ngo')];
    expect(locatePassages(pages, queryWords('ghe ngo ')).map((p) => p.page)).toEqual([3, 5, 1]);
  });

  it('ranks a passage with the word as typed above one matching it with a typo', () => {
    const pages = [page(1, 'pottery'), page(2, 'potery')];
    expect(locatePassages(pages, queryWords('potery ')).map((p) => p.page)).toEqual([2, 1]);
  });

  it('matches like the engines: prefix on the last word, typos, Han folding', () => {
    const pages = [page(1, 'pottery village'), page(2, '關帝廟'), page(3, 'pagoda')];
    expect(locatePassages(pages, queryWords('potery ')).map((p) => p.page)).toEqual([1]);
    expect(locatePassages(pages, queryWords('关帝庙')).map((p) => p.html)).toEqual(['<mark>關帝廟</mark>']);
    expect(locatePassages(pages, queryWords('pago')).map((p) => p.page)).toEqual([3]);
  });

  it('escapes markup found in the text', () => {
    expect(locatePassages([page(1, 'a <b>ghe</b> & "c"')], queryWords('ghe '))[0]?.html).toBe('a &lt;b&gt;<mark>ghe</mark>&lt;/b&gt; &amp; &quot;c&quot;');
  });

  it('finds a rare word on a late page of a long document, and a typo of it', () => {
    const pages = Array.from({ length: 5000 }, (_, index) => page(index + 1, `trang ${index + 1} lễ hội đua ghe ngo`));
    pages[4000] = page(4001, 'đua ghe trên sông Maspero');
    expect(locatePassages(pages, queryWords('maspero ')).map((p) => p.page)).toEqual([4001]);
    expect(locatePassages(pages, queryWords('masperp ')).map((p) => p.page)).toEqual([4001]);
  });

  it('finds nothing without query words or without a match', () => {
    expect(locatePassages([page(1, 'ghe ngo')], [])).toEqual([]);
    expect(locatePassages([page(1, 'ghe ngo')], queryWords('chua '))).toEqual([]);
  });

  it('analyzes a bounded number of passages however many hold the word', () => {
    const pages = Array.from({ length: 5000 }, (_, index) => page(index + 1, `trang ${index + 1} ghe ngo`));
    const started = performance.now();
    expect(locatePassages(pages, queryWords('ghe ')).map((p) => p.page)).toEqual([1, 2, 3]);
    expect(MAX_ANALYZED_PASSAGES).toBeLessThanOrEqual(100);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('inReadingOrder', () => {
  it('orders media by their position in the item, then passages by sequence', () => {
    const passages = [page(2, 'b2', 'a-second'), page(1, 'z1', 'z-first'), page(1, 'b1', 'a-second'), page(2, 'z2', 'z-first')];
    const order = new Map([['z-first', 0], ['a-second', 1]]);
    expect(inReadingOrder(passages, order).map((p) => p.text)).toEqual(['z1', 'z2', 'b1', 'b2']);
  });
});
