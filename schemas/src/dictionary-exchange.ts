import { Type, type Static } from 'typebox';
import { Id } from './common.ts';

/** The formats the dictionary goes out and comes in as (issue 14, Exchange). */
export const DICTIONARY_FORMATS = ['lift', 'csv', 'xlsx'] as const;
export type DictionaryFormat = (typeof DICTIONARY_FORMATS)[number];

/** What an import does, or did, to one entry of the file. */
export const DICTIONARY_IMPORT_OUTCOMES = ['new', 'changed', 'unchanged', 'invalid', 'skipped'] as const;

/** One audio file an entry names, and what became of it. */
export const DictionaryImportAudio = Type.Object(
  {
    file: Type.String(),
    outcome: Type.Enum(['to-register', 'registered', 'already', 'missing', 'failed']),
    reason: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type DictionaryImportAudio = Static<typeof DictionaryImportAudio>;

/** One entry of the file: where it was (LIFT: its position; CSV/XLSX: its row), its outcome, why. */
export const DictionaryImportRow = Type.Object(
  {
    line: Type.Integer({ minimum: 1 }),
    entryId: Type.Optional(Id),
    headword: Type.Optional(Type.String()),
    outcome: Type.Enum(DICTIONARY_IMPORT_OUTCOMES),
    errors: Type.Array(Type.String()),
    warnings: Type.Array(Type.String()),
    audio: Type.Array(DictionaryImportAudio),
  },
  { additionalProperties: false },
);
export type DictionaryImportRow = Static<typeof DictionaryImportRow>;

/** POST /api/workspace/dictionary/import: the preview (dryRun) or what was written. */
export const DictionaryImportReport = Type.Object(
  {
    format: Type.Enum(DICTIONARY_FORMATS),
    dryRun: Type.Boolean(),
    entries: Type.Integer({ minimum: 0 }),
    invalid: Type.Integer({ minimum: 0 }),
    /** Entries written (new or changed); 0 in a preview. */
    written: Type.Integer({ minimum: 0 }),
    rows: Type.Array(DictionaryImportRow),
  },
  { additionalProperties: false },
);
export type DictionaryImportReport = Static<typeof DictionaryImportReport>;

/** POST /api/workspace/dictionary/import: the file itself is the body (.lift, a .zip of it with audio/, .csv or .xlsx). */
export const DictionaryImportQuery = Type.Object(
  {
    /** The file's name: its extension says what it is. */
    name: Type.String({ minLength: 1, maxLength: 300 }),
    /** The state new entries are left in (draft by default); publishing asks for the right to publish. */
    status: Type.Optional(Type.Enum(['draft', 'in-review', 'published'])),
    /** true: the preview, nothing written. */
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DictionaryImportQuery = Static<typeof DictionaryImportQuery>;

/** GET /api/workspace/dictionary/export: LIFT (a zip with its audio), CSV or XLSX. */
export const DictionaryExportQuery = Type.Object({ format: Type.Optional(Type.Enum(DICTIONARY_FORMATS, { description: 'lift (the default), csv or xlsx' })) }, { additionalProperties: false });
export type DictionaryExportQuery = Static<typeof DictionaryExportQuery>;
