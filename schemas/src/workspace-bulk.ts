import { Type, type Static } from 'typebox';
import { SORTS, SearchFilters } from './search.ts';
import { Collection } from './collection.ts';
import { Id } from './common.ts';

/**
 * Bulk work and collections in the workspace (issue 12): the query of an export, the
 * import's options and the staff list of collections. The sheet's answer is SheetPreview
 * and the collection bodies CollectionBody/CollectionOrderBody (workspace.ts).
 */

/** The search's filters an export takes (communities are matched by access, never asked for). */
const { communities: _communities, ...FILTERS } = SearchFilters.properties;

/**
 * GET /workspace/export.csv and /workspace/export.xlsx: one collection's records, or a
 * search's (q and the search's filters), or, with neither, every record.
 */
export const ExportQuery = Type.Object(
  {
    collection: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 500 })),
    sort: Type.Optional(Type.Enum(SORTS)),
    ...FILTERS,
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

/** POST /workspace/sheets/import?note=: the note every version the import writes carries. */
export const SheetImportQuery = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type SheetImportQuery = Static<typeof SheetImportQuery>;

/** A collection as staff see it in the workspace: every field, and how many records name it. */
export const StaffCollection = Type.Object({ ...Collection.properties, itemCount: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export type StaffCollection = Static<typeof StaffCollection>;

/** GET /workspace/collections: every collection, drafts and restricted ones included. */
export const StaffCollectionList = Type.Object({ collections: Type.Array(StaffCollection) }, { additionalProperties: false });
export type StaffCollectionList = Static<typeof StaffCollectionList>;
