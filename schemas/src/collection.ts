import { Type, type Static } from 'typebox';
import { Access, EthnicGroup, Id, LocalizedText, Multilingual, Status } from './common.ts';

export const Collection = Type.Object(
  {
    id: Id,
    title: Type.Array(LocalizedText, { minItems: 1, maxItems: 64 }),
    description: Type.Optional(Multilingual),
    ethnicGroups: Type.Optional(Type.Array(EthnicGroup, { maxItems: 20 })),
    /** A plain collection, or a dictionary word list (issue 14): then its items are `word` entries, in `itemOrder`. */
    type: Type.Optional(Type.Enum(['collection', 'word-list'])),
    status: Status,
    access: Access,
    /** The picture that stands for the collection: an item's cover, or one of its files. */
    cover: Type.Optional(Type.Object({ itemId: Id, mediaId: Type.Optional(Id) }, { additionalProperties: false })),
    /** The order readers see the items in; items not listed follow, by title. */
    itemOrder: Type.Optional(Type.Array(Id, { maxItems: 10000 })),
  },
  { additionalProperties: false },
);
export type Collection = Static<typeof Collection>;
