import { MyWork, TombstoneBody, VersionComparison, VersionConflictBody, VersionList, WorkspaceRecord, type ItemView } from '@disan/schemas';
import { Value } from 'typebox/value';
import type { ApiClient } from './client.ts';
import { ApiRefusal } from './errors.ts';
import type { Transport } from './transport.ts';

export type Tombstone = TombstoneBody['tombstone'];

/** The review steps a record's page posts: each names the version it was taken on (If-Match). */
export type ReviewStep =
  | { step: 'submit'; note?: string | undefined }
  | { step: 'publish'; note?: string | undefined }
  | { step: 'send-back'; comment: string }
  | { step: 'withdraw'; reason: string };

/**
 * The workspace's review, history and "my work" routes (issue 12), called as the visitor.
 * Changes answer nothing the pages need (they go back to the record with 303), so their
 * bodies are not read.
 */
export interface ReviewClient {
  myWork(): Promise<MyWork>;
  record(id: string): Promise<WorkspaceRecord>;
  versions(id: string): Promise<VersionList>;
  compare(id: string, from: number, to: number): Promise<VersionComparison>;
  /** A review step taken on `version` (the head the person saw). */
  review(id: string, version: number, step: ReviewStep): Promise<void>;
  /** Restores `version` as a new version; `head` is the version the person saw. */
  restore(id: string, version: number, head: number, note?: string): Promise<void>;
  retryMedia(mediaId: string): Promise<void>;
}

const segment = (value: string): string => encodeURIComponent(value);

/**
 * The If-Match value of a workspace version.
 * @example versionTag(3) // '"v3"'
 */
export const versionTag = (version: number): string => `"v${version}"`;

function stepBody(step: ReviewStep): Record<string, string> {
  switch (step.step) {
    case 'submit':
    case 'publish':
      return step.note ? { note: step.note } : {};
    case 'send-back':
      return { comment: step.comment };
    case 'withdraw':
      return { reason: step.reason };
  }
}

export function reviewClient({ get, send }: Transport): ReviewClient {
  const record = (id: string) => `/api/workspace/records/${segment(id)}`;
  return {
    myWork: () => get(MyWork, '/api/workspace/my-work'),
    record: (id) => get(WorkspaceRecord, record(id)),
    versions: (id) => get(VersionList, `${record(id)}/versions`),
    compare: (id, from, to) => get(VersionComparison, `${record(id)}/compare`, { from, to }),
    review: (id, version, step) => send('POST', `${record(id)}/${step.step}`, stepBody(step), null, { ifMatch: versionTag(version) }),
    restore: (id, version, head, note) => send('POST', `${record(id)}/versions/${version}/restore`, note ? { note } : {}, null, { ifMatch: versionTag(head) }),
    retryMedia: (mediaId) => send('POST', `/api/workspace/media/${segment(mediaId)}/retry`, {}, null),
  };
}

/** The API's body of a refusal, as JSON, when it is one. */
function refusalBody(error: unknown, status: number): unknown {
  if (!(error instanceof ApiRefusal) || error.status !== status || typeof error.cause !== 'string') return null;
  try {
    return JSON.parse(error.cause) as unknown;
  } catch {
    return null;
  }
}

/**
 * The head someone else saved first, from a 412 refusal; null for any other error.
 * @example conflictOf(new Error('x')) // null
 */
export function conflictOf(error: unknown): WorkspaceRecord | null {
  const body = refusalBody(error, 412);
  return Value.Check(VersionConflictBody, body) ? body.current : null;
}

/** The tombstone of a withdrawn record, from the API's 410 answer; null for any other error. */
export function tombstoneOf(error: unknown): Tombstone | null {
  const body = refusalBody(error, 410);
  return Value.Check(TombstoneBody, body) ? body.tombstone : null;
}

/** An item page's record, or the tombstone the API answers (410) once it was withdrawn. */
export async function itemOrTombstone(api: ApiClient, id: string): Promise<{ item: ItemView; tombstone: null } | { item: null; tombstone: Tombstone }> {
  try {
    return { item: await api.item(id), tombstone: null };
  } catch (error) {
    const tombstone = tombstoneOf(error);
    if (tombstone === null) throw error;
    return { item: null, tombstone };
  }
}
