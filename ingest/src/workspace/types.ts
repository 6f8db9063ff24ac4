import type {
  FailedMedia,
  MediaDetailsBody,
  MyWork,
  RecordDraft,
  TombstoneBody,
  VersionComparison,
  VersionDetail,
  VersionList,
  WorkspaceRecord,
} from '@disan/schemas';
import type { Viewer } from '../access/index.ts';
import { DisanError } from '../errors.ts';
import type { SetRecording } from './recording.ts';

/**
 * The archivists' workspace as the API and the CLI use it: `archive.workspace`.
 * Every method takes the viewer and asks `access/` itself (canEditRecord, canPublish...),
 * throwing NotPermittedError when refused, so no door can forget. Every change writes a
 * version (item_versions, with action, note and a media snapshot) and an audit entry in
 * the same transaction, and re-indexes the record when its face changed.
 */
export interface Workspace {
  /** The head as the workspace edits it; null when there is no such record (or the viewer may not use the workspace). */
  get(viewer: Viewer, id: string): Promise<WorkspaceRecord | null>;
  /** A new record, as a draft, version 1. ConflictError when the id is taken. */
  create(viewer: Viewer, draft: RecordDraft, options?: { note?: string | undefined }): Promise<WorkspaceRecord>;
  /**
   * A new version of the head from `ifMatch` (the head version the editor started from):
   * VersionConflictError when the head moved. `changed: false` and no version when the
   * content is the same as the head's (canonical JSON), so a sheet imported twice writes nothing.
   */
  save(viewer: Viewer, id: string, draft: RecordDraft, options: SaveOptions): Promise<{ record: WorkspaceRecord; changed: boolean }>;

  versions(viewer: Viewer, id: string): Promise<VersionList | null>;
  version(viewer: Viewer, id: string, version: number): Promise<VersionDetail | null>;
  compare(viewer: Viewer, id: string, from: number, to: number): Promise<VersionComparison | null>;
  /** A new version with the fields (and media) of an old one; the workflow state stays. */
  restore(viewer: Viewer, id: string, version: number, options: SaveOptions): Promise<WorkspaceRecord>;

  submit(viewer: Viewer, id: string, options: SaveOptions): Promise<WorkspaceRecord>;
  publish(viewer: Viewer, id: string, options: SaveOptions): Promise<WorkspaceRecord>;
  sendBack(viewer: Viewer, id: string, options: { ifMatch: number; comment: string }): Promise<WorkspaceRecord>;
  withdraw(viewer: Viewer, id: string, options: { ifMatch: number; reason: string }): Promise<WorkspaceRecord>;

  /** The tombstone of a withdrawn record the viewer could once read (canSeeTombstone), else null. */
  tombstone(viewer: Viewer, id: string): Promise<TombstoneBody['tombstone'] | null>;
  myWork(viewer: Viewer): Promise<MyWork>;

  media: WorkspaceMediaOperations;
}

export interface SaveOptions {
  /** The head version the change was made from (the If-Match header). */
  ifMatch: number;
  note?: string | undefined;
}

export interface WorkspaceMediaOperations {
  /**
   * Puts a registered medium (registerOriginal) on the head of its record as a new
   * version (action `media`): an upload that finished. No If-Match: uploads land while
   * the archivist goes on editing. With `replaces`, the old medium leaves the head in the
   * same version and the new one takes its place (position, caption, cover); its original
   * stays stored and in history.
   */
  attach(viewer: Viewer, itemId: string, mediaId: string, options?: AttachOptions): Promise<WorkspaceRecord>;
  reorder(viewer: Viewer, itemId: string, mediaIds: readonly string[], options: SaveOptions): Promise<WorkspaceRecord>;
  setCover(viewer: Viewer, itemId: string, mediaId: string, options: SaveOptions): Promise<WorkspaceRecord>;
  describe(viewer: Viewer, itemId: string, mediaId: string, details: MediaDetailsBody, options: SaveOptions): Promise<WorkspaceRecord>;
  /** Off the head from a new version on; the row and the stored original stay (history, restore). */
  remove(viewer: Viewer, itemId: string, mediaId: string, options: SaveOptions): Promise<WorkspaceRecord>;
  /** Re-queues the first job of a medium whose processing failed (canRetryMedia). */
  retry(viewer: Viewer, mediaId: string): Promise<FailedMedia | null>;
  /** A recording's speaker, consent, locality and dialect, and the medium's own access rule (recording.ts): at once, audited. */
  setRecording: SetRecording;
}

export interface AttachOptions {
  replaces?: string | undefined;
  captionsFor?: string | undefined;
  caption?: string | undefined;
  captionLang?: string | undefined;
}

/** 412: the head is not the version the change was made from. Carries the head, for the side-by-side. */
export class VersionConflictError extends DisanError {
  override readonly status: number = 412;
  override readonly code: string = 'version_conflict';
  readonly current: WorkspaceRecord;
  constructor(current: WorkspaceRecord) {
    super(`Someone saved version ${current.version} of ${current.item.id} after you opened it: compare the two and choose`);
    this.current = current;
  }
}

/** 428: a change without If-Match, which could overwrite someone's work unseen. */
export class PreconditionRequiredError extends DisanError {
  override readonly status: number = 428;
  override readonly code: string = 'precondition_required';
}

/** 403: the access rules refuse this change to this record in its state (the record is visible to the viewer). */
export class NotPermittedError extends DisanError {
  override readonly status: number = 403;
  override readonly code: string = 'forbidden';
}
