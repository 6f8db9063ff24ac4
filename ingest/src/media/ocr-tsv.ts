import type { WordBox } from '@disan/schemas';
import { parse } from 'csv-parse/sync';
import { UnsupportedMediaError } from '../errors.ts';

/**
 * Tesseract's `tsv` output read into lines of words with boxes, and the page text
 * rebuilt from them, so one run of tesseract gives both. Rows are tab separated with a
 * header (level, page_num, block_num, par_num, line_num, word_num, left, top, width,
 * height, conf, text); level 1 is the page (its size), level 5 a word.
 */

export interface OcrPage {
  /** The page's text, tidied (see tidy). */
  text: string;
  /** Words by printed line, in reading order, boxes as fractions of the page. */
  lines: WordBox[][];
}

interface TsvRow {
  level: string;
  block_num: string;
  par_num: string;
  line_num: string;
  left: string;
  top: string;
  width: string;
  height: string;
  text?: string;
}

/** Reads one page's TSV. Bad TSV (no page row, no header) is a clear error, not an empty page. */
export function parseTesseractTsv(tsv: string): OcrPage {
  // Quotes are ordinary characters in tesseract's TSV: a word may be a lone '"'.
  const rows = parse<TsvRow>(tsv, { delimiter: '\t', quote: false, columns: true, skip_empty_lines: true, relax_column_count: true });
  const page = rows.find((row) => row.level === '1');
  const pageWidth = Number(page?.width);
  const pageHeight = Number(page?.height);
  if (!(pageWidth > 0 && pageHeight > 0)) throw new UnsupportedMediaError('OCR answered no page size in its TSV output');
  const lines = new Map<string, WordBox[]>();
  const paragraphOf = new Map<string, string>();
  for (const row of rows) {
    const text = (row.text ?? '').normalize('NFC').trim();
    if (row.level !== '5' || text === '') continue;
    const lineId = `${row.block_num}.${row.par_num}.${row.line_num}`;
    paragraphOf.set(lineId, `${row.block_num}.${row.par_num}`);
    const words = lines.get(lineId) ?? [];
    words.push({ text, ...fractionBox(row, pageWidth, pageHeight) });
    lines.set(lineId, words);
  }
  return { text: tidy(rebuildText([...lines.entries()], paragraphOf)), lines: [...lines.values()] };
}

/** Lines as tesseract's `txt` output writes them: words joined by a space, a blank line between paragraphs. */
function rebuildText(lines: [string, WordBox[]][], paragraphOf: ReadonlyMap<string, string>): string {
  let text = '';
  let paragraph: string | undefined;
  for (const [lineId, words] of lines) {
    const current = paragraphOf.get(lineId);
    if (paragraph !== undefined) text += current === paragraph ? '\n' : '\n\n';
    paragraph = current;
    text += words.map((word) => word.text).join(' ');
  }
  return text;
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;
const clamp = (value: number) => Math.min(1, Math.max(0, value));

function fractionBox(row: TsvRow, pageWidth: number, pageHeight: number): Omit<WordBox, 'text'> {
  const x = clamp(Number(row.left) / pageWidth);
  const y = clamp(Number(row.top) / pageHeight);
  return {
    x: round(x),
    y: round(y),
    w: round(clamp(Number(row.width) / pageWidth + x) - x),
    h: round(clamp(Number(row.height) / pageHeight + y) - y),
  };
}

/**
 * Tesseract separates CJK characters with spaces and leaves ragged blank lines;
 * Chinese has no spaces between words, so they are removed between Han characters.
 */
export function tidy(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu, '').replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
