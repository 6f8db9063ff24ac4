import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { CoverageYearReport } from '@disan/schemas';
import { UpstreamError } from '../errors.ts';
import type { ReportLanguage } from './labels.ts';
import { reportTables, type Cell } from './tables.ts';

/**
 * DejaVu Sans from Debian's fonts-dejavu-core (installed by .ci/provision and the API image):
 * it has every Vietnamese letter with its tone marks, which PDF's standard fonts lack.
 * Read where Debian puts it, never copied into the repository.
 */
export const PDF_FONT_PATHS = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
} as const;

const MARGIN = 48;

/** The yearly report as a PDF (A4): the summary, the figures by year, the gaps, the additions. */
export async function coveragePdf(report: CoverageYearReport, lang: ReportLanguage = 'vi', now = new Date()): Promise<Buffer> {
  for (const path of Object.values(PDF_FONT_PATHS)) {
    if (!existsSync(path)) throw new UpstreamError(`The PDF report needs the font ${path} (Debian package fonts-dejavu-core): run npm run setup`);
  }
  const tables = reportTables(report, lang, now);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: tables.title, Producer: 'Disan', Creator: 'Disan' }, lang });
  doc.registerFont('regular', PDF_FONT_PATHS.regular);
  doc.registerFont('bold', PDF_FONT_PATHS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => { resolve(Buffer.concat(chunks)); });
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(16).text(tables.title);
  doc.moveDown(0.5);
  doc.fontSize(10);
  for (const [label, value] of tables.summary) {
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(text(value));
  }
  section(doc, tables.sheetNames.years);
  table(doc, tables.years.header, tables.years.rows, [1.4, 1, 1, 1.2, 1, 1, 1]);
  section(doc, tables.sheetNames.gaps);
  table(doc, tables.gaps.header.slice(1), tables.gaps.rows.map((row) => row.slice(1)), [2.2, 1.4, 1.4, 1.2, 1, 0.6, 1.8]);
  section(doc, tables.sheetNames.added);
  table(doc, tables.added.header, tables.added.rows, [1.6, 3, 1, 1]);
  doc.end();
  return done;
}

const text = (value: Cell): string => (value === null ? '' : String(value));

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(1);
  doc.x = MARGIN;
  doc.font('bold').fontSize(12).text(title);
  doc.moveDown(0.3);
}

/** A plain table that breaks across pages: each row as tall as its tallest cell. */
function table(doc: PDFKit.PDFDocument, header: readonly string[], rows: readonly Cell[][], weights: readonly number[]): void {
  const width = doc.page.width - 2 * MARGIN;
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / sum) * width);
  const row = (cells: readonly Cell[], bold: boolean): void => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8);
    const heights = cells.map((value, i) => doc.heightOfString(text(value), { width: widths[i]! - 4 }));
    const height = Math.max(...heights, 10) + 4;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((value, i) => {
      doc.text(text(value), x + 2, top + 2, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).lineWidth(0.3).strokeColor('#999999').stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  row(header, true);
  for (const cells of rows) row(cells, false);
}
