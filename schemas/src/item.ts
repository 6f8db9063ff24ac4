import { Type, type Static } from 'typebox';
import { ITEM_KINDS } from './codes.ts';
import {
  Access,
  EdtfDate,
  EthnicGroup,
  Id,
  LanguageTag,
  LocalizedText,
  Multilingual,
  NameVariant,
  Provenance,
  RecurringDate,
  RightsUri,
  Status,
} from './common.ts';
import { AgentRef } from './agent.ts';
import { PlaceRef } from './place.ts';
import { LibraryDescription } from './library.ts';
import { DictionaryEntry, MediaAccess, RecordingInfo } from './dictionary.ts';
import { ElementLinks, InventoryElement } from './inventory.ts';

export const ItemKind = Type.Enum(ITEM_KINDS);
export type ItemKind = Static<typeof ItemKind>;

/**
 * The fields an archivist writes. Dublin Core terms (title, description, subject,
 * creator, contributor, date, coverage, language, rights, source) plus what a
 * heritage archive of minority peoples needs.
 */
export const ItemFields = {
  id: Id,
  kind: ItemKind,
  ethnicGroups: Type.Array(EthnicGroup, { maxItems: 20 }),
  title: Type.Array(LocalizedText, { minItems: 1, maxItems: 64 }),
  description: Type.Optional(Multilingual),
  subjects: Type.Optional(Multilingual),
  alternativeNames: Type.Optional(Type.Array(NameVariant, { maxItems: 100 })),
  agents: Type.Optional(Type.Array(AgentRef, { maxItems: 100 })),
  date: Type.Optional(EdtfDate),
  recurrence: Type.Optional(Type.Array(RecurringDate, { maxItems: 10 })),
  places: Type.Optional(Type.Array(PlaceRef, { maxItems: 50 })),
  /** Languages of the content itself (what is spoken, sung or written). */
  languages: Type.Optional(Type.Array(LanguageTag, { maxItems: 20 })),
  collections: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  rights: Type.Optional(RightsUri),
  source: Type.Optional(Type.String({ maxLength: 1000 })),
  status: Status,
  access: Access,
  provenance: Type.Optional(Provenance),
  /** The bibliographic description of a library record (books, reports, legal documents…); see library.ts. */
  library: Type.Optional(LibraryDescription),
  /** The dictionary block of a `word` (issue 14); see dictionary.ts. */
  entry: Type.Optional(DictionaryEntry),
  /** The inventory block of an `element` (issue 15); see inventory.ts. */
  element: Type.Optional(InventoryElement),
  /** The inventory elements this record documents (ids of `element` items). */
  elements: Type.Optional(ElementLinks),
};

/** What `disan import` and the API accept: an item description, media optional. */
export const ItemInput = Type.Object(ItemFields, { additionalProperties: false });
export type ItemInput = Static<typeof ItemInput>;

/** An item as stored: the input plus what the catalog keeps. */
export const Item = Type.Object(
  {
    ...ItemFields,
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type Item = Static<typeof Item>;

/**
 * A file to attach to an imported record, relative to the JSON Lines file; a pronunciation
 * recording brings its speaker, consent, locality and dialect, and may carry its own access rule.
 */
export const ImportMediaRef = Type.Object(
  {
    file: Type.String({ minLength: 1, maxLength: 1024 }),
    caption: Type.Optional(Type.String({ maxLength: 5000 })),
    recording: Type.Optional(RecordingInfo),
    access: Type.Optional(MediaAccess),
  },
  { additionalProperties: false },
);
export type ImportMediaRef = Static<typeof ImportMediaRef>;

/** One line of `disan import`: an item, optionally with the files to attach to it. */
export const ImportLine = Type.Object({ ...ItemFields, media: Type.Optional(Type.Array(ImportMediaRef, { maxItems: 500 })) }, { additionalProperties: false });
export type ImportLine = Static<typeof ImportLine>;
