import { parse } from 'csv-parse/sync';
import { InvalidInputError, readSheet, type SheetData } from 'read-excel-file/node';
import type { SheetRow } from '@disan/schemas';
import { ValidationError } from '../../errors.ts';
import { sheetColumnName } from '../../registration/sheet.ts';

/** The two kinds of file a sheet arrives as: what an archivist saves from a spreadsheet program. */
export const SHEET_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type SheetFormat = keyof typeof SHEET_TYPES;

/** A row of a sheet with the number its spreadsheet program shows beside it (the header is row 1). */
export interface TableRow {
  line: number;
  cells: SheetRow;
}

/** A sheet read into rows of text, whatever it was saved as, and the rows that could not be read at all. */
export interface SheetTable {
  columns: string[];
  rows: TableRow[];
  unreadable: { line: number; reason: string }[];
}

/**
 * Reads a sheet (CSV in UTF-8, or XLSX) into the same rows of text: CSV and XLSX of one
 * spreadsheet give the same table. Cells the export neutralised ('=...) get their text back.
 */
export async function readSheetTable(bytes: Uint8Array, format: SheetFormat): Promise<SheetTable> {
  return format === 'csv' ? csvTable(bytes) : xlsxTable(bytes);
}

function csvTable(bytes: Uint8Array): SheetTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError('The sheet is not UTF-8 text: save it as "CSV UTF-8" (or as an Excel workbook, .xlsx) and try again');
  }
  const table: SheetTable = { columns: [], rows: [], unreadable: [] };
  // A spreadsheet shows a cell holding line breaks as one row: the row number is the
  // parser's line minus the line breaks inside the cells read so far.
  let breaksInCells = 0;
  const records = parse<{ record: SheetRow; info: { lines: number } }>(text, {
    columns: (header: string[]) => (table.columns = header.map(sheetColumnName)),
    bom: true,
    skip_empty_lines: true,
    trim: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      table.unreadable.push({ line: Number(error?.lines ?? 0) - breaksInCells, reason: `the row cannot be read as CSV: ${error?.message ?? 'unknown error'}` });
      return undefined;
    },
    on_record: (entry: { record: SheetRow; info: { lines: number } }) => {
      for (const value of Object.values(entry.record)) breaksInCells += (value.match(/\n/g) ?? []).length;
      return { record: entry.record, info: { lines: entry.info.lines - breaksInCells } };
    },
  });
  // A spreadsheet saves a blank row as a line of commas: skipped, like an empty line.
  table.rows = records.filter(({ record }) => Object.values(record).some((value) => value !== '')).map(({ record, info }) => ({ line: info.lines, cells: restoreCells(record) }));
  return table;
}

async function xlsxTable(bytes: Uint8Array): Promise<SheetTable> {
  let data: SheetData<string>;
  try {
    // Numbers as the cell shows them ("9.6037", not 9.603699999): coordinates and codes stay exact.
    data = await readSheet<string>(Buffer.from(bytes), { parseNumber: (text: string) => text, trim: false });
  } catch (error) {
    if (error instanceof InvalidInputError || (error instanceof Error && /xlsx|zip|sheet/i.test(error.message))) {
      throw new ValidationError('The file is not an Excel workbook (.xlsx) that can be read: save the sheet as .xlsx or as "CSV UTF-8" and try again');
    }
    throw error;
  }
  const headerIndex = data.findIndex((row) => row.some((cell) => text(cell) !== ''));
  if (headerIndex < 0) return { columns: [], rows: [], unreadable: [] };
  const columns = data[headerIndex]!.map((cell) => sheetColumnName(text(cell)));
  const rows: TableRow[] = [];
  data.slice(headerIndex + 1).forEach((row, index) => {
    const values = row.map((cell) => text(cell).trim());
    if (values.every((value) => value === '')) return;
    const cells: SheetRow = {};
    columns.forEach((column, i) => {
      if (column !== '') cells[column] = values[i] ?? '';
    });
    rows.push({ line: headerIndex + index + 2, cells: restoreCells(cells) });
  });
  return { columns: columns.filter((column) => column !== ''), rows, unreadable: [] };
}

/** A cell's text: dates typed as dates read as YYYY-MM-DD (EDTF, embargo ends). */
function text(cell: string | number | boolean | Date | typeof Date | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return typeof cell === 'function' ? '' : String(cell);
}

/** Takes back the apostrophe the export put before a cell a spreadsheet would run as a formula. */
const restoreCells = (cells: SheetRow): SheetRow => Object.fromEntries(Object.entries(cells).map(([column, value]) => [column, restoreCell(value)]));

/** @example restoreCell("'=SUM(A1)") // '=SUM(A1)' */
export const restoreCell = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * A cell a spreadsheet would run as a formula (beginning with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe (OWASP, CSV injection). A plain number stays
 * as it is: a negative longitude is no formula, and stays a number in the spreadsheet.
 * @example neutralizeCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 * @example neutralizeCell('-72.5') // '-72.5'
 */
export const neutralizeCell = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell);
