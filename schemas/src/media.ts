import { Type, type Static } from 'typebox';
import { MEDIA_KINDS, MEDIA_STATUSES } from './codes.ts';
import { GeoPoint, Id } from './common.ts';
import { MediaAccess, RecordingInfo } from './dictionary.ts';

export const Sha256 = Type.String({ pattern: '^[a-f0-9]{64}$' });

/** One derived file: a size or format of a medium, made by the pipeline. */
export const Rendition = Type.Object(
  {
    /** e.g. webp-1280, avif-800, thumb-jpeg */
    name: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
    key: Type.String({ minLength: 1, maxLength: 1024 }),
    mimeType: Type.String(),
    size: Type.Integer({ minimum: 0 }),
    width: Type.Optional(Type.Integer({ minimum: 1 })),
    height: Type.Optional(Type.Integer({ minimum: 1 })),
    /** For page images of a document: the 1-based page. */
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    durationSeconds: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type Rendition = Static<typeof Rendition>;

/** One file of an item. The original is stored once, by content, and never modified. */
export const Media = Type.Object(
  {
    id: Id,
    itemId: Id,
    sha256: Sha256,
    /** Detected from the bytes, never from the file name. */
    mimeType: Type.String(),
    kind: Type.Enum(MEDIA_KINDS),
    size: Type.Integer({ minimum: 0 }),
    originalName: Type.String({ maxLength: 1024 }),
    originalKey: Type.String(),
    width: Type.Optional(Type.Integer({ minimum: 1 })),
    height: Type.Optional(Type.Integer({ minimum: 1 })),
    durationSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    /** Pages of a document. */
    pageCount: Type.Optional(Type.Integer({ minimum: 0 })),
    /** What probing found (codecs, rotation, streams, PDF metadata...), flat and small. */
    technical: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean()]))),
    /** From EXIF when the camera recorded it. */
    capturedAt: Type.Optional(Type.String()),
    geo: Type.Optional(GeoPoint),
    caption: Type.Optional(Type.String({ maxLength: 5000 })),
    position: Type.Integer({ minimum: 0 }),
    /** The file chosen in the workspace to stand for its record (its picture in lists and search). */
    cover: Type.Optional(Type.Boolean()),
    /** A pronunciation or oral recording's speaker (with consent), locality and dialect (issue 14). */
    recording: Type.Optional(RecordingInfo),
    /** The medium's own access rule, narrower than its record's; absent: the record's rule alone. */
    access: Type.Optional(MediaAccess),
    status: Type.Enum(MEDIA_STATUSES),
    error: Type.Optional(Type.String()),
    derivatives: Type.Array(Rendition),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type Media = Static<typeof Media>;
