import { Type, type Static } from 'typebox';
import { Id } from './common.ts';

/** Where a passage's text came from. */
export const TEXT_SOURCES = ['pdf-text', 'ocr', 'captions'] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];

/**
 * One located piece of text found inside a medium: a document page (pdfjs text layer
 * or OCR) or a caption/transcript cue. Search hits point back at passages, so a
 * reader is told "page 7" or "00:01:30".
 */
export const TextPassage = Type.Object(
  {
    mediaId: Id,
    itemId: Id,
    /** Order inside the medium, from 0. */
    seq: Type.Integer({ minimum: 0 }),
    source: Type.Enum(TEXT_SOURCES),
    /** 1-based page number, for document text. */
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Cue start and end, for captions and transcripts. */
    startSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    endSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    /** The recording a caption file belongs to (its media id), when known. */
    recordingId: Type.Optional(Id),
    /** BCP 47 language of the text, when known. */
    lang: Type.Optional(Type.String({ maxLength: 35 })),
    text: Type.String({ maxLength: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type TextPassage = Static<typeof TextPassage>;
