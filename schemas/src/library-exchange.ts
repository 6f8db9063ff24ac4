import { Type, type Static } from 'typebox';
import { Id } from './common.ts';

/**
 * Exchange with other libraries' formats (issue 13): the MARC import's question and
 * answer, and the citation and export formats a record, a collection or a search is
 * downloaded in.
 */

/** `POST /workspace/library/marc?status=&collection=&name=`: the MARC file itself is the body. */
export const MarcImportQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(['draft', 'in-review'], { description: 'The state imported records are left in (draft by default)' })),
    collection: Type.Optional(Id),
    /** The file's name, the records' origin: importing the same file again finds the same records. */
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type MarcImportQuery = Static<typeof MarcImportQuery>;

export const MARC_IMPORT_OUTCOMES = ['created', 'updated', 'unchanged', 'refused'] as const;
export type MarcImportOutcome = (typeof MARC_IMPORT_OUTCOMES)[number];

export const MarcImportRecordReport = Type.Object(
  {
    /** 1-based position of the record in the file. */
    position: Type.Integer({ minimum: 1 }),
    controlNumber: Type.Optional(Type.String()),
    itemId: Type.Optional(Id),
    title: Type.Optional(Type.String()),
    outcome: Type.Enum(MARC_IMPORT_OUTCOMES),
    reason: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type MarcImportRecordReport = Static<typeof MarcImportRecordReport>;

export const MarcImportReport = Type.Object(
  {
    name: Type.String(),
    format: Type.Enum(['marcxml', 'iso2709']),
    created: Type.Integer({ minimum: 0 }),
    updated: Type.Integer({ minimum: 0 }),
    unchanged: Type.Integer({ minimum: 0 }),
    refused: Type.Integer({ minimum: 0 }),
    records: Type.Array(MarcImportRecordReport),
  },
  { additionalProperties: false },
);
export type MarcImportReport = Static<typeof MarcImportReport>;
