import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';
import type { ReadEntry } from '../exchange/entry.ts';
import { neutralizeCell, readSheetTable, type SheetFormat } from '../../workspace/sheets/table.ts';
import { orderColumns } from './columns.ts';
import { entryRow, rowEntry, type SheetEntry } from './rows.ts';

/** The rows of a dictionary sheet, header first, formula-like cells neutralised as the record sheets do. */
export function entryTable(entries: readonly SheetEntry[]): string[][] {
  const rows = entries.map(entryRow);
  const columns = orderColumns(rows.flatMap((row) => Object.keys(row)));
  return [columns, ...rows.map((row) => columns.map((column) => neutralizeCell(row[column] ?? '')))];
}

/** The entries as CSV, UTF-8 with a byte order mark so Excel reads Khmer, Han and Cham right. */
export const entriesCsv = (entries: readonly SheetEntry[]): string => stringify(entryTable(entries), { bom: true });

/** The entries as an XLSX workbook, every cell text (an id or a date stays as typed). */
export async function entriesXlsx(entries: readonly SheetEntry[]): Promise<Buffer> {
  const data = entryTable(entries).map((row) => row.map((value) => (value === '' ? null : { value, type: String })));
  return writeXlsxFile(data, { sheet: 'dictionary' }).toBuffer();
}

/**
 * A dictionary sheet read back into entries, row by row: a bad row is refused with its
 * reasons (each naming its column) and the others read. Rows are numbered as the
 * spreadsheet shows them (the header is row 1).
 */
export async function readEntrySheet(bytes: Uint8Array, format: SheetFormat): Promise<ReadEntry[]> {
  const table = await readSheetTable(bytes, format);
  const seen = new Map<string, number>();
  const read: ReadEntry[] = table.unreadable.map(({ line, reason }) => ({ line, errors: [reason], warnings: [] }));
  for (const row of table.rows) {
    const { entry, errors } = rowEntry(row.cells);
    const first = entry ? seen.get(entry.id) : undefined;
    if (entry && first !== undefined) {
      read.push({ line: row.line, errors: [`id: "${entry.id}" is already the entry of row ${first}`], warnings: [] });
      continue;
    }
    if (entry) seen.set(entry.id, row.line);
    read.push({ line: row.line, ...(entry ? { entry } : {}), errors, warnings: [] });
  }
  return read.sort((a, b) => a.line - b.line);
}
