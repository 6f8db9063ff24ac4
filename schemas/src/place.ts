import { Type, type Static } from 'typebox';
import { GeoPoint, Id, Multilingual } from './common.ts';

/** A place: a pagoda, an assembly hall, a village, a river reach. */
export const Place = Type.Object(
  {
    id: Id,
    names: Multilingual,
    geo: Type.Optional(GeoPoint),
    /** Province / district / commune as written locally, e.g. "Sóc Trăng". */
    province: Type.Optional(Type.String({ maxLength: 200 })),
    district: Type.Optional(Type.String({ maxLength: 200 })),
    /** GeoNames or Wikidata URI, when known. */
    sameAs: Type.Optional(Type.Array(Type.String({ format: 'uri' }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type Place = Static<typeof Place>;

/** How an item names a place: a reference plus the label to show and a point to map. */
export const PlaceRef = Type.Object(
  {
    placeId: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    geo: Type.Optional(GeoPoint),
    province: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PlaceRef = Static<typeof PlaceRef>;
