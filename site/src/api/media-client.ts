import { SheetPreview, StaffCollectionList, UploadQuota, WorkspaceRecord, type MediaDetailsBody, type StaffCollection } from '@disan/schemas';
import { ApiNotFoundError, ApiRefusal } from './errors.ts';
import { RawBody, type Transport } from './transport.ts';

/**
 * The workspace routes behind a record's files and the sheets (issue 12), called as the
 * visitor. Every change carries the record's version as `If-Match` (`"v<n>"`): a change
 * made on a page someone else has changed since is refused (412), never applied blind.
 */
export interface MediaClient {
  record(id: string): Promise<WorkspaceRecord>;
  order(id: string, version: number, mediaIds: readonly string[]): Promise<void>;
  cover(id: string, version: number, mediaId: string): Promise<void>;
  details(id: string, version: number, mediaId: string, body: MediaDetailsBody): Promise<void>;
  remove(id: string, version: number, mediaId: string): Promise<void>;
  /** Queues a file whose processing failed again (no version: the record does not change). */
  retry(mediaId: string): Promise<void>;
  quota(): Promise<UploadQuota>;
  /** The sheet's rows and their errors; nothing is written. */
  previewSheet(sheet: Sheet): Promise<SheetPreview>;
  /** Writes the valid rows; answers the files to upload. */
  importSheet(sheet: Sheet): Promise<SheetPreview>;
  /** Every collection, drafts included, for the export form. */
  collections(): Promise<StaffCollection[]>;
}

/** A sheet as a person chose it. */
export interface Sheet {
  bytes: Uint8Array<ArrayBuffer>;
  type: SheetType;
}

export const SHEET_TYPES = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
export type SheetType = keyof typeof SHEET_TYPES;

/**
 * What a chosen sheet is, from its first bytes (an XLSX is a ZIP: `PK\x03\x04`), not its name.
 * @example sheetType(new TextEncoder().encode('file,title\n')) // 'csv'
 */
export function sheetType(bytes: Uint8Array): SheetType {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

/** @example versionTag(7) // '"v7"' */
export const versionTag = (version: number): string => `"v${version}"`;

const segment = (value: string): string => encodeURIComponent(value);

export function mediaClient({ get, send }: Transport): MediaClient {
  const record = (id: string) => `/api/workspace/records/${segment(id)}`;
  const sheet = (path: string, { bytes, type }: Sheet) => send('POST', path, new RawBody(bytes, SHEET_TYPES[type]), SheetPreview);
  return {
    // Someone who may not use the workspace gets the 404 page, as on the other staff pages.
    record: (id) =>
      get(WorkspaceRecord, record(id)).catch((error: unknown) => {
        throw error instanceof ApiRefusal && (error.status === 403 || error.status === 401) ? new ApiNotFoundError(record(id), { cause: error }) : error;
      }),
    order: (id, version, mediaIds) => send('PUT', `${record(id)}/media/order`, { mediaIds }, null, { ifMatch: versionTag(version) }),
    cover: (id, version, mediaId) => send('PUT', `${record(id)}/cover`, { mediaId }, null, { ifMatch: versionTag(version) }),
    details: (id, version, mediaId, body) => send('PATCH', `${record(id)}/media/${segment(mediaId)}`, body, null, { ifMatch: versionTag(version) }),
    remove: (id, version, mediaId) => send('DELETE', `${record(id)}/media/${segment(mediaId)}`, undefined, null, { ifMatch: versionTag(version) }),
    retry: (mediaId) => send('POST', `/api/workspace/media/${segment(mediaId)}/retry`, undefined, null),
    quota: () => get(UploadQuota, '/api/uploads/quota'),
    previewSheet: (input) => sheet('/api/workspace/sheets/preview', input),
    importSheet: (input) => sheet('/api/workspace/sheets/import', input),
    collections: async () => (await get(StaffCollectionList, '/api/workspace/collections')).collections,
  };
}

/**
 * The order after moving one file a step up or down (the no-JavaScript buttons); unchanged at either end.
 * @example moveStep(['a', 'b', 'c'], 'c', -1) // ['a', 'c', 'b']
 */
export function moveStep(ids: readonly string[], id: string, step: -1 | 1): string[] {
  const order = [...ids];
  const at = order.indexOf(id);
  const to = at + step;
  if (at < 0 || to < 0 || to >= order.length) return order;
  [order[at], order[to]] = [order[to] as string, order[at] as string];
  return order;
}
