import { Type, type Static } from 'typebox';
import { Access, EthnicGroup, Id, LocalizedText, Multilingual, Status } from './common.ts';

export const Collection = Type.Object(
  {
    id: Id,
    title: Type.Array(LocalizedText, { minItems: 1, maxItems: 64 }),
    description: Type.Optional(Multilingual),
    ethnicGroups: Type.Optional(Type.Array(EthnicGroup, { maxItems: 20 })),
    status: Status,
    access: Access,
  },
  { additionalProperties: false },
);
export type Collection = Static<typeof Collection>;
