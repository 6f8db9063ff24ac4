import { Collection, LinkSuggestions, Place, PlaceList, VersionConflictBody, StaffCollectionList, WorkspaceRecord, type SaveRecordBody } from '@disan/schemas';
import { Value } from 'typebox/value';
import { ApiRefusal } from './errors.ts';
import type { Transport } from './transport.ts';

/**
 * A save's outcome: the record as saved, or someone else's newer head (412): the editor
 * then shows both side by side.
 */
export type SaveOutcome = { saved: WorkspaceRecord } | { conflict: WorkspaceRecord };

/** The workspace routes the record and collection editors use (issue 12), as the visitor. */
export interface EditorClient {
  record(id: string): Promise<WorkspaceRecord>;
  /** Element links to suggest for the record (issue 15). */
  elementLinks(id: string): Promise<LinkSuggestions>;
  createRecord(body: SaveRecordBody): Promise<WorkspaceRecord>;
  /** PUT with `If-Match: "v<version>"`, the version the person started from. */
  saveRecord(id: string, version: number, body: SaveRecordBody): Promise<SaveOutcome>;
  /** The provinces of the catalog with their centres, to choose a place from. */
  places(): Promise<PlaceList>;
  createPlace(place: Place): Promise<Place>;
  collections(): Promise<StaffCollectionList>;
  createCollection(body: Collection): Promise<Collection>;
  updateCollection(id: string, body: Collection): Promise<Collection>;
  orderCollection(id: string, itemIds: string[]): Promise<Collection>;
  /** For a word, the records whose text holds it; for a record, the words its text holds (issue 14; the dict-api route). */
  wordLinks(id: string): Promise<LinkSuggestions>;
}

/**
 * @example etag(7) // '"v7"'
 */
export const etag = (version: number): string => `"v${version}"`;

/** The newer head a 412 carries, when the refusal is a version conflict of the expected shape. */
export function conflictOf(error: unknown): WorkspaceRecord | null {
  if (!(error instanceof ApiRefusal) || error.status !== 412 || typeof error.cause !== 'string') return null;
  try {
    const body: unknown = JSON.parse(error.cause);
    return Value.Check(VersionConflictBody, body) ? body.current : null;
  } catch {
    return null;
  }
}

/**
 * The API's own words for a refusal (its `message`, or its listed problems), to show under
 * the editor's own sentence; empty when the body says nothing more.
 */
export function refusalDetails(error: ApiRefusal): string[] {
  if (error.problems.length > 0) return [...error.problems];
  if (typeof error.cause !== 'string') return [];
  try {
    const body = JSON.parse(error.cause) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' && body.error.message !== '' ? [body.error.message] : [];
  } catch {
    return [];
  }
}

const segment = (value: string): string => encodeURIComponent(value);

export function editorClient({ get, send }: Transport): EditorClient {
  return {
    record: (id) => get(WorkspaceRecord, `/api/workspace/records/${segment(id)}`),
    elementLinks: (id) => get(LinkSuggestions, `/api/workspace/records/${segment(id)}/element-links`),
    createRecord: (body) => send('POST', '/api/workspace/records', body, WorkspaceRecord),
    saveRecord: async (id, version, body) => {
      try {
        return { saved: await send('PUT', `/api/workspace/records/${segment(id)}`, body, WorkspaceRecord, { ifMatch: etag(version) }) };
      } catch (error) {
        const current = conflictOf(error);
        if (current === null) throw error;
        return { conflict: current };
      }
    },
    places: () => get(PlaceList, '/api/places'),
    createPlace: (place) => send('POST', '/api/workspace/places', place, Place),
    collections: () => get(StaffCollectionList, '/api/workspace/collections'),
    createCollection: (body) => send('POST', '/api/workspace/collections', body, Collection),
    updateCollection: (id, body) => send('PUT', `/api/workspace/collections/${segment(id)}`, body, Collection),
    wordLinks: (id) => get(LinkSuggestions, `/api/workspace/records/${segment(id)}/word-links`),
    orderCollection: (id, itemIds) => send('PUT', `/api/workspace/collections/${segment(id)}/items`, { itemIds }, Collection),
  };
}
