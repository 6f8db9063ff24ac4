import { Type, type Static } from 'typebox';
import { Id } from './common.ts';

/**
 * Where a box sits on its page, as fractions of the page's width and height (0..1)
 * from the top left corner, so it applies at any zoom and to any rendering of the page.
 */
export const PageBox = Type.Object(
  {
    x: Type.Number({ minimum: 0, maximum: 1 }),
    y: Type.Number({ minimum: 0, maximum: 1 }),
    w: Type.Number({ minimum: 0, maximum: 1 }),
    h: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);
export type PageBox = Static<typeof PageBox>;

/** One word OCR read on a scanned page, and where it is. */
export const WordBox = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 1000 }), ...PageBox.properties },
  { additionalProperties: false },
);
export type WordBox = Static<typeof WordBox>;

/** The words OCR read on one page, in reading order; `line` groups the words of one printed line. */
export const PageWords = Type.Object(
  {
    page: Type.Integer({ minimum: 1 }),
    lines: Type.Array(Type.Array(WordBox)),
  },
  { additionalProperties: false },
);
export type PageWords = Static<typeof PageWords>;

/** The `words` derivative of a scanned document: its pages' OCR words with their boxes. */
export const DocumentWords = Type.Object(
  { pages: Type.Array(PageWords) },
  { additionalProperties: false },
);
export type DocumentWords = Static<typeof DocumentWords>;

export const MediaWordsQuery = Type.Object(
  {
    /** Only this page's words; every page's when left out. */
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type MediaWordsQuery = Static<typeof MediaWordsQuery>;

/** `GET /api/media/{id}/words`: the OCR words of a medium's scanned pages (none when it has none). */
export const MediaWords = Type.Object({ mediaId: Id, pages: Type.Array(PageWords) }, { additionalProperties: false });
export type MediaWords = Static<typeof MediaWords>;

export const MediaFindQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type MediaFindQuery = Static<typeof MediaFindQuery>;

/**
 * One page of a document that holds the words searched for: the words as the page
 * spells them (with its tones and case, to highlight in the text layer), and for a
 * scanned page the boxes of the OCR words that matched.
 */
export const FoundPage = Type.Object(
  {
    page: Type.Integer({ minimum: 1 }),
    source: Type.Union([Type.Literal('pdf-text'), Type.Literal('ocr')]),
    /** Distinct spellings found on the page, e.g. "Lễ" for the query "le". */
    terms: Type.Array(Type.String()),
    /** Matches on the page. */
    hits: Type.Integer({ minimum: 1 }),
    /** Boxes of matched OCR words (scanned pages only). */
    boxes: Type.Array(PageBox),
  },
  { additionalProperties: false },
);
export type FoundPage = Static<typeof FoundPage>;

/** `GET /api/media/{id}/find?q=`: the pages of a document that hold the words, in page order. */
export const MediaFind = Type.Object(
  { mediaId: Id, q: Type.String(), hits: Type.Integer({ minimum: 0 }), pages: Type.Array(FoundPage) },
  { additionalProperties: false },
);
export type MediaFind = Static<typeof MediaFind>;
