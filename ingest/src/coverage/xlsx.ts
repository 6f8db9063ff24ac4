import writeXlsxFile from 'write-excel-file/node';
import type { CoverageYearReport } from '@disan/schemas';
import type { ReportLanguage } from './labels.ts';
import { reportTables, type Cell } from './tables.ts';

const cell = (value: Cell) => (value === null ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String });
const header = (values: readonly string[]) => values.map((value) => ({ value, type: String, fontWeight: 'bold' as const }));

/** The yearly report as an XLSX workbook: summary, figures by year, gaps, additions of the year. */
export async function coverageWorkbook(report: CoverageYearReport, lang: ReportLanguage = 'vi', now = new Date()): Promise<Buffer> {
  const tables = reportTables(report, lang, now);
  const sheet = (name: string, head: readonly string[], rows: readonly Cell[][], widths: number[]) => ({
    sheet: name.slice(0, 31),
    data: [header(head), ...rows.map((row) => row.map(cell))],
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  });
  return writeXlsxFile([
    { sheet: tables.sheetNames.summary.slice(0, 31), data: [[{ value: tables.title, type: String, fontWeight: 'bold' as const }, null], ...tables.summary.map(([label, value]) => [{ value: label, type: String }, cell(value)])], columns: [{ width: 60 }, { width: 50 }] },
    sheet(tables.sheetNames.years, tables.years.header, tables.years.rows, [22, 18, 18, 22, 18, 18, 16]),
    sheet(tables.sheetNames.gaps, tables.gaps.header, tables.gaps.rows, [24, 40, 24, 28, 22, 16, 10, 40]),
    sheet(tables.sheetNames.added, tables.added.header, tables.added.rows, [24, 50, 18, 14]),
  ]).toBuffer();
}
