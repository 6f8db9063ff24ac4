import type { SheetPreview } from '@disan/schemas';
import type { Viewer } from '../../access/index.ts';
import type { Sql } from '../../database/database.ts';
import { elementIdOf, isElementSheet, planElementSheet } from '../../inventory/sheet.ts';
import { readHeads } from './heads.ts';
import { planSheet, sheetIdOf, type SheetPlan } from './plan.ts';
import { readSheetTable, type SheetFormat } from './table.ts';
import { writeSheet, type SheetWriteDeps } from './write.ts';

export { exportCsv, exportXlsx, type ExportSelection, type SheetExportDeps } from './export.ts';
export { neutralizeCell, restoreCell, SHEET_TYPES, type SheetFormat } from './table.ts';
export { SHEET_NOTE } from './write.ts';

/**
 * Sheets in the workspace (issue 12): the metadata sheet of `disan ingest --sheet`, as
 * CSV or XLSX, previewed row by row against the catalog before anything is written, then
 * imported through the workspace engine (or a province's list of heritage elements, see
 * inventory/sheet.ts); and records exported in the same columns, so a
 * sheet goes out and comes back in unchanged.
 */
export async function planSheetFile(sql: Sql, viewer: Viewer, bytes: Uint8Array, format: SheetFormat): Promise<SheetPlan> {
  const table = await readSheetTable(bytes, format);
  // A province's list of heritage elements (issue 15) is told by its columns and planned in its own way.
  const elements = isElementSheet(table.columns);
  const ids = [...new Set(table.rows.map((row) => (elements ? elementIdOf(row.cells) : sheetIdOf(row.cells))).filter((id) => id !== ''))];
  const heads = await readHeads(sql, ids);
  return elements ? planElementSheet(table, heads, viewer) : planSheet(table, heads, viewer);
}

/** Every row with its errors and outcome (new, changed, unchanged, invalid); writes nothing. */
export async function previewSheet(sql: Sql, viewer: Viewer, bytes: Uint8Array, format: SheetFormat): Promise<SheetPreview> {
  return (await planSheetFile(sql, viewer, bytes, format)).preview;
}

/** Writes the sheet's valid records (unchanged ones are left alone: no version) and lists the files still to upload. */
export async function importSheet(deps: SheetWriteDeps & { db: Sql }, viewer: Viewer, bytes: Uint8Array, format: SheetFormat, options: { note?: string | undefined } = {}): Promise<SheetPreview> {
  return writeSheet(deps, viewer, await planSheetFile(deps.db, viewer, bytes, format), options);
}
