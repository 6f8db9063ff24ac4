import { describe, expect, it } from 'vitest';
import { matchFiles, normalizePath, sharedTail, type SheetFile } from './matching.ts';

const row = (line: number, file: string): SheetFile => ({ line, file, record: `rec-${line}` });
const drop = (path: string) => ({ path, file: path });
const pairs = (entries: SheetFile[], paths: string[]) => {
  const m = matchFiles(entries, paths.map(drop));
  return {
    matched: m.matched.map((p) => [p.entry.line, p.dropped.path]),
    missing: m.missing.map((e) => e.line),
    extra: m.extra.map((d) => d.path),
  };
};

describe('normalizePath', () => {
  it.each([
    ['./photos/a.jpg', 'photos/a.jpg'],
    ['photos\\a.jpg', 'photos/a.jpg'],
    ['/photos//a.jpg', 'photos/a.jpg'],
    // NFD (as macOS hands names out) becomes NFC
    ['Le\u0302\u0303 ho\u0323\u0302i.jpg', 'Lễ hội.jpg'],
  ])('%s -> %s', (raw, normal) => {
    expect(normalizePath(raw)).toBe(normal);
  });
});

describe('sharedTail', () => {
  it('counts whole segments from the end only', () => {
    expect(sharedTail('Trip/photos/a.jpg', 'photos/a.jpg')).toBe(2);
    expect(sharedTail('Trip/xphotos/a.jpg', 'photos/a.jpg')).toBe(1);
    expect(sharedTail('a.jpg', 'b.jpg')).toBe(0);
    expect(sharedTail('A.JPG', 'a.jpg')).toBe(0);
    expect(sharedTail('A.JPG', 'a.jpg', true)).toBe(1);
  });
});

describe('matchFiles', () => {
  it('matches a dropped folder (its own name first) to the paths the sheet names', () => {
    expect(pairs([row(2, 'photos/a.jpg'), row(3, 'films/b.mp4')], ['Chuyến đi/films/b.mp4', 'Chuyến đi/photos/a.jpg'])).toEqual({
      matched: [[2, 'Chuyến đi/photos/a.jpg'], [3, 'Chuyến đi/films/b.mp4']],
      missing: [],
      extra: [],
    });
  });

  it('matches files chosen on a phone (names only) to rows that give a folder', () => {
    expect(pairs([row(2, 'photos/a.jpg'), row(3, 'b.jpg')], ['a.jpg', 'b.jpg'])).toEqual({ matched: [[2, 'a.jpg'], [3, 'b.jpg']], missing: [], extra: [] });
  });

  it('tells two files of the same name apart by their folders', () => {
    expect(pairs([row(2, 'day1/x.jpg'), row(3, 'day2/x.jpg')], ['T/day2/x.jpg', 'T/day1/x.jpg']).matched).toEqual([
      [2, 'T/day1/x.jpg'],
      [3, 'T/day2/x.jpg'],
    ]);
  });

  it('leaves out a name two rows share when nothing tells them apart, rather than guessing', () => {
    expect(pairs([row(2, 'day1/x.jpg'), row(3, 'day2/x.jpg')], ['x.jpg'])).toEqual({ matched: [], missing: [2, 3], extra: ['x.jpg'] });
  });

  it('lists what the sheet names but was not chosen, and what was chosen but is not in the sheet', () => {
    expect(pairs([row(2, 'a.jpg'), row(3, 'b.jpg')], ['a.jpg', 'notes.txt', '.DS_Store'])).toEqual({ matched: [[2, 'a.jpg']], missing: [3], extra: ['notes.txt', '.DS_Store'] });
  });

  it('gives a row one file only: the second copy is left out', () => {
    expect(pairs([row(2, 'a.jpg')], ['A/a.jpg', 'B/a.jpg'])).toMatchObject({ matched: [[2, 'A/a.jpg']], extra: ['B/a.jpg'] });
  });

  it('falls back to comparing without case, and prefers the exact name', () => {
    expect(pairs([row(2, 'img_01.jpg')], ['DCIM/IMG_01.JPG']).matched).toEqual([[2, 'DCIM/IMG_01.JPG']]);
    expect(pairs([row(2, 'a.jpg'), row(3, 'A.JPG')], ['A.JPG', 'a.jpg']).matched).toEqual([[2, 'a.jpg'], [3, 'A.JPG']]);
  });

  it('matches Vietnamese names whatever the normalisation form', () => {
    expect(pairs([row(2, 'Lễ hội.jpg')], ['Le\u0302\u0303 ho\u0323\u0302i.jpg']).matched).toHaveLength(1);
  });
});
