import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTesseractTsv, tidy } from './ocr-tsv.ts';

// Tesseract 5.3's `tsv` output for page 1 of the sample scan
// (media-samples/khmer/quyet-dinh-ho-tro-ok-om-bok-ban-quet.pdf at 300 dpi, `-l vie --psm 3`).
const DECISION_TSV = readFileSync(new URL('fixtures/scanned-decision-page-1.tsv', import.meta.url), 'utf8');

describe('parseTesseractTsv', () => {
  const page = parseTesseractTsv(DECISION_TSV);

  it('rebuilds the page text line by line, as the txt output writes it', () => {
    expect(page.text.split('\n').slice(0, 4)).toEqual(['ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG', 'BAN DÂN TỘC', 'QUYẾT ĐỊNH', expect.stringMatching(/^Về việc hỗ trợ kinh phí tổ chức/) as unknown]);
  });

  it('keeps every word with its box as fractions of the 2480 × 3509 px page', () => {
    const [first] = page.lines[0]!;
    expect(first).toEqual({ text: 'ỦY', x: round(243 / 2480), y: round(279 / 3509), w: round(63 / 2480), h: round(51 / 3509) });
    expect(page.lines.flat().map((w) => w.text).join(' ')).toBe(page.text.replace(/\n/g, ' '));
    for (const word of page.lines.flat()) {
      expect(word.x + word.w).toBeLessThanOrEqual(1);
      expect(word.y + word.h).toBeLessThanOrEqual(1);
    }
  });

  it('joins Han characters without the spaces tesseract puts between them, in the text only', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t10\t10\t10\t90\t關',
      '5\t1\t1\t1\t1\t2\t20\t10\t10\t10\t90\t帝',
      '5\t1\t1\t1\t1\t3\t40\t10\t10\t10\t90\t"Ok"',
    ].join('\n');
    const han = parseTesseractTsv(tsv);
    expect(han.text).toBe('關帝 "Ok"');
    expect(han.lines[0]!.map((w) => w.text)).toEqual(['關', '帝', '"Ok"']);
  });

  it('refuses output without a page size', () => {
    expect(() => parseTesseractTsv('level\tleft\n5\t3\n')).toThrow(/page size/);
  });
});

describe('tidy', () => {
  it('removes the spaces tesseract puts between Han characters, and blank lines, but keeps Latin spacing', () => {
    expect(tidy('關 帝 廟 中 秋 節\n\n  lễ hội   Ok Om Bok \n')).toBe('關帝廟中秋節\nlễ hội Ok Om Bok');
  });
});

const round = (value: number) => Math.round(value * 1e5) / 1e5;
