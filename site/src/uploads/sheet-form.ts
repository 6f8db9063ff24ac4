import { sheetType, type Sheet } from '../api/media-client.ts';

/**
 * The sheet between the preview and the confirmation: the page keeps no state, so the
 * confirmation form carries the sheet's bytes back in a hidden field (base64). The API
 * checks every row again when importing, so nothing here needs to be trusted.
 */

/** Sheets larger than this are not previewed: their table of every row would be a page of tens of MB. */
export const MAX_SHEET_BYTES = 4_000_000;

/** @example encodeSheet({ bytes: new TextEncoder().encode('a,b'), type: 'csv' }) // 'YSxi' */
export function encodeSheet(sheet: Sheet): string {
  return Buffer.from(sheet.bytes).toString('base64');
}

/**
 * The sheet posted back, or null when the field is not a sheet (not base64, empty, too large).
 * @example decodeSheet('YSxi')?.type // 'csv'
 */
export function decodeSheet(field: string): Sheet | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(field) || field.length > (MAX_SHEET_BYTES * 4) / 3 + 4) return null;
  const bytes = new Uint8Array(Buffer.from(field, 'base64'));
  if (bytes.length === 0) return null;
  return { bytes, type: sheetType(bytes) };
}
