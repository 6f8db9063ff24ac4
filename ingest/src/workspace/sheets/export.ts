import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import writeXlsxFile from 'write-excel-file/node';
import type { SearchQuery, SheetRow } from '@disan/schemas';
import { readFilter, type Viewer } from '../../access/index.ts';
import type { Sql } from '../../database/database.ts';
import type { SearchServiceDeps } from '../../search/service.ts';
import { searchArchive } from '../../search/service.ts';
import { itemCells, sheetColumns } from './cells.ts';
import { iterateHeads, readHeads, sheetLanguages, type SheetHead } from './heads.ts';
import { neutralizeCell } from './table.ts';

/** Which records an export holds: one collection's, a search's, or (neither) every record. */
export type ExportSelection = { collection: string } | { search: Omit<SearchQuery, 'page' | 'pageSize' | 'facets'> } | Record<string, never>;

export interface SheetExportDeps extends SearchServiceDeps {
  db: Sql;
}

/** Records read per round trip: an export never holds the archive in memory, only a page. */
const BATCH = 100;

/**
 * The rows of an export, in pages: one row per file of each record (a record without
 * files: one row, file empty), every row repeating the record's fields, in the columns
 * of `disan ingest --sheet`. Staff only (canExportRecords); the viewer's read filter is
 * still applied, so the door alone never decides what leaves.
 */
export async function* exportRows(deps: SheetExportDeps, viewer: Viewer, selection: ExportSelection, columns: readonly string[]): AsyncGenerator<string[][]> {
  for await (const heads of selectedHeads(deps, viewer, selection)) {
    yield heads.flatMap((head) => headRows(head).map((row) => columns.map((column) => neutralizeCell(row[column] ?? ''))));
  }
}

/** The columns of an export: SHEET_COLUMNS with one column per language the records use. */
export const exportColumns = async (deps: SheetExportDeps): Promise<string[]> => sheetColumns(await sheetLanguages(deps.db));

function headRows(head: SheetHead): SheetRow[] {
  const cells = { ...itemCells(head.item), status: head.state };
  if (head.files.length === 0) return [{ ...cells, file: '', caption: '' }];
  return head.files.map((file) => ({ ...cells, file: file.name, caption: file.caption ?? '' }));
}

async function* selectedHeads(deps: SheetExportDeps, viewer: Viewer, selection: ExportSelection): AsyncGenerator<SheetHead[]> {
  const filter = readFilter(viewer);
  if (filter === false) return;
  if ('search' in selection) {
    // The search decides which records and in what order; their heads come from the catalog.
    for (let page = 1; page <= 1000; page++) {
      const result = await searchArchive(deps, { ...selection.search, facets: [], page, pageSize: BATCH }, viewer);
      const heads = await readHeads(deps.db, result.hits.map((hit) => hit.id));
      yield result.hits.flatMap((hit) => heads.get(hit.id) ?? []);
      if (page * BATCH >= result.total || result.hits.length === 0) return;
    }
    return;
  }
  // Staff read every record (readFilter is true): the catalog lists them in pages by id.
  if (filter !== true) return;
  yield* iterateHeads(deps.db, { collection: 'collection' in selection ? selection.collection : undefined, batchSize: BATCH });
}

/** The export as CSV (UTF-8 with a byte order mark, so Excel reads Khmer and Chinese right), streamed page by page. */
export function exportCsv(deps: SheetExportDeps, viewer: Viewer, selection: ExportSelection): Readable {
  const csv = stringify({ bom: true });
  void (async () => {
    try {
      const columns = await exportColumns(deps);
      await write(csv, columns);
      for await (const rows of exportRows(deps, viewer, selection, columns)) for (const row of rows) await write(csv, row);
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return csv;
}

/** Writes a row, waiting while the reader is behind (backpressure), so a slow download holds a page, not the archive. */
function write(stream: ReturnType<typeof stringify>, row: string[]): Promise<void> {
  return stream.write(row) ? Promise.resolve() : new Promise((resolve) => {
        stream.once('drain', () => {
          resolve();
        });
      });
}

/**
 * The export as an XLSX workbook. write-excel-file builds the whole sheet before zipping
 * it, so the rows are held in memory (text only, about 1 KB a row): XLSX suits the tens of
 * thousands of rows a spreadsheet program opens; CSV streams any size.
 */
export async function exportXlsx(deps: SheetExportDeps, viewer: Viewer, selection: ExportSelection): Promise<Buffer> {
  const columns = await exportColumns(deps);
  const data: (string | null)[][] = [columns];
  for await (const rows of exportRows(deps, viewer, selection, columns)) for (const row of rows) data.push(row.map((cell) => (cell === '' ? null : cell)));
  return writeXlsxFile(data.map((row) => row.map((value) => (value === null ? null : { value, type: String }))), { sheet: 'disan' }).toBuffer();
}
