import { Type, type Static } from 'typebox';
import { ITEM_STATUSES, MEDIA_KINDS, MEDIA_STATUSES } from './codes.ts';
import { Id, LanguageTag, LocalizedText, Status } from './common.ts';
import { ItemFields } from './item.ts';
import { Media } from './media.ts';
import { Collection } from './collection.ts';

/**
 * The archivists' workspace (issue 12): records described, versioned, reviewed and
 * published in the browser. Routes under /api/workspace; staff only (canUseWorkspace).
 *
 * A record has a FACE (what the public reads: items, search, media, OAI-PMH) and a HEAD
 * (the newest version, what the workspace edits). They are the same until a published
 * record is edited: the edits are then a revision, reviewed on its own, and the public
 * keeps reading the face until the revision is published.
 */

/** What made a version. */
export const VERSION_ACTIONS = ['create', 'edit', 'restore', 'submit', 'publish', 'send-back', 'withdraw', 'media'] as const;
export type VersionAction = (typeof VERSION_ACTIONS)[number];

/**
 * What an editor sends: every field of an item but its workflow state, which only the
 * review steps (submit, publish, send back, withdraw) change.
 */
const { status: _status, ...DraftFields } = ItemFields;
export const RecordDraft = Type.Object(DraftFields, { additionalProperties: false });
export type RecordDraft = Static<typeof RecordDraft>;

/** POST /workspace/records (201, the record as a draft) and PUT /workspace/records/{id} (If-Match: the head's ETag). */
export const SaveRecordBody = Type.Object(
  {
    item: RecordDraft,
    /** The optional change note of this version ("corrected the Khmer title"). */
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SaveRecordBody = Static<typeof SaveRecordBody>;

/** A person as a version, a comment or a list names them: the actor and a name to show. */
export const ActorView = Type.Object(
  {
    /** `user:<id>`, or `import`, `system`, `operator` for changes made outside the workspace. */
    actor: Type.String(),
    /** The account's display name, or the actor itself when there is no account. */
    name: Type.String(),
  },
  { additionalProperties: false },
);
export type ActorView = Static<typeof ActorView>;

/** A comment on a record: a reviewer's reason for sending it back, a withdrawal's reason. */
export const RecordComment = Type.Object(
  {
    id: Type.String(),
    kind: Type.Enum(['send-back', 'withdraw', 'note']),
    body: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    author: ActorView,
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type RecordComment = Static<typeof RecordComment>;

/** A file of a record as a version keeps it, for history and comparison. */
export const MediaSnapshot = Type.Object(
  {
    id: Id,
    kind: Type.Enum(MEDIA_KINDS),
    originalName: Type.String(),
    sha256: Type.String(),
    position: Type.Integer({ minimum: 0 }),
    caption: Type.Optional(Type.String()),
    captionLang: Type.Optional(LanguageTag),
    cover: Type.Optional(Type.Boolean()),
    /** For a caption file: the recording it belongs to. */
    captionsFor: Type.Optional(Id),
    /** The medium this one replaced. */
    replaces: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type MediaSnapshot = Static<typeof MediaSnapshot>;

/** A file of the record in the workspace: the catalog's medium plus what the workspace edits. */
export const WorkspaceMedia = Type.Object(
  {
    ...Media.properties,
    captionLang: Type.Optional(LanguageTag),
    cover: Type.Boolean(),
    captionsFor: Type.Optional(Id),
    replaces: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type WorkspaceMedia = Static<typeof WorkspaceMedia>;

/** What the viewer may do to this record now, from the access rules (the buttons the workspace shows). */
export const RecordPermissions = Type.Object(
  {
    edit: Type.Boolean(),
    upload: Type.Boolean(),
    submit: Type.Boolean(),
    publish: Type.Boolean(),
    sendBack: Type.Boolean(),
    withdraw: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type RecordPermissions = Static<typeof RecordPermissions>;

/**
 * GET /workspace/records/{id}: the head, with an ETag `"v<version>"` that a save sends back
 * as If-Match.
 */
export const WorkspaceRecord = Type.Object(
  {
    /** The head's fields; `item.status` is the workflow state (the revision's, while there is one). */
    item: Type.Object({ ...ItemFields }, { additionalProperties: false }),
    /** The head's version number. */
    version: Type.Integer({ minimum: 1 }),
    /** The state the public sees (the face's): a record in revision reads `published` here and `draft` in item.status. */
    faceStatus: Status,
    /** The version the public reads, when the face is published; null otherwise. */
    publishedVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    /** A published record being edited: the head is a revision the public does not see yet. */
    inRevision: Type.Boolean(),
    /** The withdrawal, when the face is withdrawn. */
    withdrawal: Type.Optional(Type.Object({ at: Type.String({ format: 'date-time' }), reason: Type.String() }, { additionalProperties: false })),
    comments: Type.Array(RecordComment),
    media: Type.Array(WorkspaceMedia),
    /**
     * The record's recordings whose speaker has not given consent: published or not, only
     * staff read them (access canReadMedia). Said beside every answer, a publication's
     * included, so that the reviewer knows which voices stayed behind. Absent when none.
     */
    withheldMedia: Type.Optional(Type.Array(Id)),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    updatedBy: ActorView,
    permissions: RecordPermissions,
  },
  { additionalProperties: false },
);
export type WorkspaceRecord = Static<typeof WorkspaceRecord>;

/**
 * 412 answer to a save, a restore, a media change or a review step whose If-Match is not
 * the head: someone else saved first. `current` is their version, for the side-by-side.
 * (428 when If-Match is missing.)
 */
export const VersionConflictBody = Type.Object(
  {
    error: Type.Object({
      status: Type.Literal(412),
      code: Type.Literal('version_conflict'),
      message: Type.String(),
      requestId: Type.String(),
    }),
    current: WorkspaceRecord,
  },
  { additionalProperties: false },
);
export type VersionConflictBody = Static<typeof VersionConflictBody>;

export const VersionSummary = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    action: Type.Enum(VERSION_ACTIONS),
    status: Status,
    author: ActorView,
    createdAt: Type.String({ format: 'date-time' }),
    note: Type.Optional(Type.String()),
    /** The files this version added and removed against the one before it, by name (a replacement is both); absent when neither has a file snapshot. */
    files: Type.Optional(Type.Object({ added: Type.Array(Type.String()), removed: Type.Array(Type.String()) }, { additionalProperties: false })),
    /** The face (what the public reads) is this version. */
    published: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type VersionSummary = Static<typeof VersionSummary>;

/** GET /workspace/records/{id}/versions: newest first. */
export const VersionList = Type.Object(
  {
    id: Id,
    head: Type.Integer({ minimum: 1 }),
    publishedVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    versions: Type.Array(VersionSummary),
  },
  { additionalProperties: false },
);
export type VersionList = Static<typeof VersionList>;

/** GET /workspace/records/{id}/versions/{version}. `media` is null for versions older than the workspace. */
export const VersionDetail = Type.Object(
  {
    ...VersionSummary.properties,
    item: Type.Object({ ...ItemFields }, { additionalProperties: false }),
    media: Type.Union([Type.Array(MediaSnapshot), Type.Null()]),
  },
  { additionalProperties: false },
);
export type VersionDetail = Static<typeof VersionDetail>;

/**
 * One difference between two versions, field by field and language by language:
 * `field` is the item field (title, description, places...) or `media`; `lang` is set for
 * multilingual values; `label` tells the value apart inside a list (a place's name, a
 * file's name).
 */
export const FieldChange = Type.Object(
  {
    field: Type.String(),
    lang: Type.Optional(Type.String()),
    label: Type.Optional(Type.String()),
    change: Type.Enum(['added', 'removed', 'changed', 'moved']),
    before: Type.Optional(Type.Unknown()),
    after: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);
export type FieldChange = Static<typeof FieldChange>;

/** GET /workspace/records/{id}/compare?from=&to= */
export const VersionComparison = Type.Object(
  {
    from: VersionSummary,
    to: VersionSummary,
    changes: Type.Array(FieldChange),
    /** The jsondiffpatch delta of {item, media} from `from` to `to`, for tools. */
    delta: Type.Unknown(),
  },
  { additionalProperties: false },
);
export type VersionComparison = Static<typeof VersionComparison>;

/** POST /workspace/records/{id}/{submit|publish} (If-Match) */
export const ReviewStepBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
/** POST /workspace/records/{id}/send-back (If-Match): the comment the archivist reads on the record. */
export const SendBackBody = Type.Object({ comment: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
/** POST /workspace/records/{id}/withdraw (If-Match): the reason, shown to the public on the tombstone as written. */
export const WithdrawBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
/** POST /workspace/records/{id}/versions/{version}/restore (If-Match) */
export const RestoreBody = ReviewStepBody;

/** GET /api/items/{id} of a withdrawn record the viewer could once read: 410 with this body. */
export const TombstoneBody = Type.Object(
  {
    error: Type.Object({
      status: Type.Literal(410),
      code: Type.Literal('withdrawn'),
      message: Type.String(),
      requestId: Type.String(),
    }),
    tombstone: Type.Object(
      {
        id: Id,
        title: Type.Array(LocalizedText),
        withdrawnAt: Type.String({ format: 'date-time' }),
        reason: Type.String(),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type TombstoneBody = Static<typeof TombstoneBody>;

/** A record in a workspace list. */
export const WorkItem = Type.Object(
  {
    id: Id,
    kind: Type.String(),
    title: Type.Array(LocalizedText),
    /** Workflow state of the head. */
    status: Type.Enum(ITEM_STATUSES),
    inRevision: Type.Boolean(),
    version: Type.Integer({ minimum: 1 }),
    updatedAt: Type.String({ format: 'date-time' }),
    updatedBy: ActorView,
    /** The latest send-back comment, on records sent back. */
    comment: Type.Optional(RecordComment),
  },
  { additionalProperties: false },
);
export type WorkItem = Static<typeof WorkItem>;

export const FailedMedia = Type.Object(
  {
    mediaId: Id,
    itemId: Id,
    itemTitle: Type.Array(LocalizedText),
    originalName: Type.String(),
    kind: Type.Enum(MEDIA_KINDS),
    status: Type.Enum(MEDIA_STATUSES),
    error: Type.String(),
    failedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type FailedMedia = Static<typeof FailedMedia>;

/**
 * GET /workspace/my-work: drafts I last changed, records sent back to me (a send-back on a
 * record I changed), records waiting for review (reviewers), recent changes by others
 * (the last 50), and media whose processing failed on records I may edit.
 */
export const MyWork = Type.Object(
  {
    drafts: Type.Array(WorkItem),
    sentBack: Type.Array(WorkItem),
    toReview: Type.Array(WorkItem),
    recentByOthers: Type.Array(WorkItem),
    failedMedia: Type.Array(FailedMedia),
  },
  { additionalProperties: false },
);
export type MyWork = Static<typeof MyWork>;

/** PUT /workspace/records/{id}/media/order (If-Match): every current medium's id, in the new order. */
export const MediaOrderBody = Type.Object({ mediaIds: Type.Array(Id, { maxItems: 2000 }) }, { additionalProperties: false });
/** PUT /workspace/records/{id}/cover (If-Match) */
export const CoverBody = Type.Object({ mediaId: Id }, { additionalProperties: false });
/** PATCH /workspace/records/{id}/media/{mediaId} (If-Match); null clears. */
export const MediaDetailsBody = Type.Object(
  {
    caption: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
    captionLang: Type.Optional(Type.Union([LanguageTag, Type.Null()])),
    captionsFor: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);
export type MediaDetailsBody = Static<typeof MediaDetailsBody>;

/** tus Upload-Metadata keys a browser sends when it creates an upload (POST /api/uploads). */
export const UPLOAD_METADATA_KEYS = ['filename', 'record', 'replaces', 'captionsFor', 'caption', 'captionLang', 'filetype'] as const;

export const UPLOAD_STATES = ['receiving', 'registering', 'done', 'failed', 'expired'] as const;
export type UploadState = (typeof UPLOAD_STATES)[number];

/**
 * Why a file was refused, as a code the uploader words in the reader's language (the
 * `reason` beside it keeps the command line's English detail).
 */
export const UPLOAD_REFUSALS = [
  'empty',
  'not-media',
  'unrecognised',
  'unsupported-format',
  'too-large',
  'unreadable',
  'failed-before',
  'bytes-gone',
  'account-gone',
  'not-allowed',
  'cancelled',
  'other',
] as const;
export type UploadRefusal = (typeof UPLOAD_REFUSALS)[number];

/** GET /api/uploads/{id}/outcome: how an upload ended, or how far it is. */
export const UploadOutcome = Type.Object(
  {
    id: Type.String(),
    record: Id,
    name: Type.String(),
    size: Type.Integer({ minimum: 0 }),
    state: Type.Enum(UPLOAD_STATES),
    /** Bytes received so far. */
    offset: Type.Integer({ minimum: 0 }),
    mediaId: Type.Optional(Id),
    /** For a failed upload: why, for a person (the same words the command line uses). */
    reason: Type.Optional(Type.String()),
    /** For a failed upload: the kind of refusal, to word it in the reader's language. */
    reasonCode: Type.Optional(Type.Enum(UPLOAD_REFUSALS)),
    /** The file was already on the record: nothing new was stored. */
    duplicate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UploadOutcome = Static<typeof UploadOutcome>;

/** GET /api/uploads/quota */
export const UploadQuota = Type.Object(
  {
    usedBytes: Type.Integer({ minimum: 0 }),
    /** null: no quota. */
    quotaBytes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    maxFileBytes: Type.Integer({ minimum: 0 }),
    /** The size of the first chunk the browser sends, suited to a weak mobile link; later chunks follow the link (site/src/uploads/chunk-size.ts). */
    chunkBytes: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UploadQuota = Static<typeof UploadQuota>;

/** One row of a sheet as the preview shows it, before anything is written. */
export const SheetPreviewRow = Type.Object(
  {
    /** The row number a person finds in their spreadsheet program. */
    line: Type.Integer({ minimum: 1 }),
    file: Type.Optional(Type.String()),
    itemId: Type.Optional(Id),
    /** new, changed or unchanged against the catalog; invalid when errors is not empty. */
    outcome: Type.Enum(['new', 'changed', 'unchanged', 'invalid']),
    errors: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type SheetPreviewRow = Static<typeof SheetPreviewRow>;

/**
 * POST /workspace/sheets/preview and /workspace/sheets/import (body: the CSV or XLSX file
 * itself, Content-Type text/csv or the XLSX type). Import writes the valid records (as
 * drafts, or a new version) and answers the same shape with `written` set, plus the files
 * the browser is to upload, matched by name.
 */
export const SheetPreview = Type.Object(
  {
    rows: Type.Array(SheetPreviewRow),
    records: Type.Integer({ minimum: 0 }),
    invalid: Type.Integer({ minimum: 0 }),
    written: Type.Optional(Type.Integer({ minimum: 0 })),
    files: Type.Array(
      Type.Object(
        { file: Type.String(), record: Id, caption: Type.Optional(Type.String()), line: Type.Integer({ minimum: 1 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SheetPreview = Static<typeof SheetPreview>;

/** POST /workspace/collections and PUT /workspace/collections/{id}: a collection with its order and cover. */
export const CollectionBody = Collection;

/** PUT /workspace/collections/{id}/items: the collection's items in the order readers see them. */
export const CollectionOrderBody = Type.Object({ itemIds: Type.Array(Id, { maxItems: 10000 }) }, { additionalProperties: false });
