import { readFileSync } from 'node:fs';
import type { TextPassage } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { parseTesseractTsv } from '../media/ocr-tsv.ts';
import { findInDocument, lineText } from './find.ts';

// Tesseract's real TSV for page 1 of the sample scan (see media/ocr-tsv.test.ts).
const scan = parseTesseractTsv(readFileSync(new URL('../media/fixtures/scanned-decision-page-1.tsv', import.meta.url), 'utf8'));
const passage = (page: number, source: TextPassage['source'], text: string): TextPassage => ({ mediaId: 'm1', itemId: 'i1', seq: page - 1, source, page, text });

const report = [
  passage(1, 'pdf-text', 'Lễ hội Ok Om Bok của đồng bào Khmer'),
  passage(2, 'pdf-text', 'Trang phục truyền thống'),
  passage(7, 'pdf-text', 'Phụ nữ mặc Sampot trong lễ cúng trăng. Sampot dệt tay.'),
];

describe('findInDocument', () => {
  it.each([
    ['a word on one page, every occurrence counted', 'Sampot', [{ page: 7, terms: ['Sampot'], hits: 2 }]],
    ['Vietnamese typed without tones, answered with the page spelling', 'le hoi', [{ page: 1, terms: ['Lễ', 'hội'], hits: 2 }]],
    ['Vietnamese with tones', 'trang phục', [{ page: 2, terms: ['Trang', 'phục'], hits: 2 }]],
    ['the last word as a prefix while typing', 'Samp', [{ page: 7, terms: ['Sampot'], hits: 2 }]],
    ['nothing for a word on no page', 'Chnam', []],
  ])('finds %s', (_case, q, pages) => {
    expect(findInDocument(report, { pages: [] }, q).map(({ page, terms, hits }) => ({ page, terms, hits }))).toEqual(pages);
  });

  it('lists pages holding every word before pages holding some', () => {
    expect(findInDocument(report, { pages: [] }, 'lễ trăng').map((p) => p.page)).toEqual([7]);
  });

  it('boxes the OCR words of a scanned page that match, typed without tones', () => {
    const pages = findInDocument([passage(1, 'ocr', scan.text)], { pages: [{ page: 1, lines: scan.lines }] }, 'ho tro kinh phi');
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page!.source).toBe('ocr');
    expect(page!.terms).toEqual(expect.arrayContaining(['hỗ', 'trợ', 'kinh', 'phí']));
    const hoBox = scan.lines.flat().find((w) => w.text === 'hỗ')!;
    expect(page!.boxes).toContainEqual({ x: hoBox.x, y: hoBox.y, w: hoBox.w, h: hoBox.h });
    expect(page!.boxes.length).toBeGreaterThanOrEqual(4);
  });

  it('boxes every Han character of a Chinese word tesseract read one character at a time', () => {
    const line = [
      { text: '關', x: 0.1, y: 0.1, w: 0.05, h: 0.05 },
      { text: '帝', x: 0.16, y: 0.1, w: 0.05, h: 0.05 },
      { text: '廟', x: 0.22, y: 0.1, w: 0.05, h: 0.05 },
    ];
    expect(lineText(line).text).toBe('關帝廟');
    const [page] = findInDocument([passage(1, 'ocr', '關帝廟')], { pages: [{ page: 1, lines: [line] }] }, '关帝');
    expect(page?.boxes.length).toBeGreaterThanOrEqual(2);
  });

  it('falls back to the page text, without boxes, for a scan read before word boxes were kept', () => {
    expect(findInDocument([passage(3, 'ocr', 'hỗ trợ')], { pages: [] }, 'ho tro')).toEqual([{ page: 3, source: 'ocr', terms: ['hỗ', 'trợ'], hits: 2, boxes: [] }]);
  });
});
