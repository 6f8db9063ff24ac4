import type { TextPassage } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { hasText, mergePassages } from './document-text.ts';
import { contiguousRuns } from './ocr-job.ts';

const passage = (page: number, source: TextPassage['source'], text: string) => ({ mediaId: 'm', itemId: 'i', page, source, text });

describe('mergePassages', () => {
  it('replaces only the given source, keeps the other, orders by page and numbers from 0', () => {
    const existing: TextPassage[] = [
      { ...passage(1, 'pdf-text', 'một'), seq: 0 },
      { ...passage(2, 'ocr', 'hai (cũ)'), seq: 1 },
      { ...passage(3, 'pdf-text', 'ba'), seq: 2 },
    ];
    const merged = mergePassages(existing, 'ocr', [passage(4, 'ocr', 'bốn'), passage(2, 'ocr', 'hai')]);
    expect(merged.map((p) => [p.seq, p.page, p.source, p.text])).toEqual([
      [0, 1, 'pdf-text', 'một'], [1, 2, 'ocr', 'hai'], [2, 3, 'pdf-text', 'ba'], [3, 4, 'ocr', 'bốn'],
    ]);
  });
});

describe('hasText', () => {
  it.each([['', false], ['  \n ', false], ['- 3', false], ['Trang', true], ['關帝廟', true], ['បុណ្យ', true]])('%j has a text layer: %s', (text, expected) => {
    expect(hasText(text)).toBe(expected);
  });
});

describe('contiguousRuns', () => {
  it('groups consecutive pages up to a batch size', () => {
    expect(contiguousRuns([1, 2, 3, 7, 8, 10], 2)).toEqual([[1, 2], [3], [7, 8], [10]]);
    expect(contiguousRuns([], 10)).toEqual([]);
  });
});
