import { Type, type Static } from 'typebox';
import { AccessView, EdtfDate, Id, LocalizedText, Multilingual, Status } from './common.ts';
import { SpeakerConsent } from './dictionary.ts';

/**
 * The heritage inventory (issue 15): what is known to exist, whether or not anything of it
 * is filmed yet. An inventory element is an item of kind `element` with an `element` block;
 * it shares the record's names (title, alternativeNames in the community's script),
 * ethnic groups, places (with their provinces), description, season (`recurrence`),
 * status, review, versions and access. Records say which elements they document in
 * their `elements` field. Codes never change once published.
 */

/**
 * Categories, after Vietnam's Law on Cultural Heritage (45/2024/QH15, art. 4 and 9) and the
 * provincial plans' wording: the intangible heritage types (language and script, folk
 * literature, performing arts, social customs and beliefs, traditional festivals,
 * traditional crafts, folk knowledge, of which cuisine), traditional products, and places.
 */
export const ELEMENT_CATEGORIES = ['festival', 'custom', 'ritual', 'belief', 'performing-art', 'craft', 'traditional-product', 'cuisine', 'folk-knowledge', 'folk-literature', 'language', 'place'] as const;
export type ElementCategory = (typeof ELEMENT_CATEGORIES)[number];

/** Official recognition: Vietnam's national list, a province's, or UNESCO's lists. */
export const RECOGNITION_LISTS = ['national-intangible', 'national-relic', 'special-national-relic', 'provincial-relic', 'unesco-representative', 'unesco-urgent-safeguarding', 'unesco-good-practice'] as const;
export type RecognitionList = (typeof RECOGNITION_LISTS)[number];

/** How alive the practice is, worst last (the scale the coverage gaps are ordered by). */
export const VIABILITY_LEVELS = ['thriving', 'stable', 'vulnerable', 'endangered', 'critically-endangered', 'dormant'] as const;
export type ViabilityLevel = (typeof VIABILITY_LEVELS)[number];

export const Recognition = Type.Object(
  {
    list: Type.Enum(RECOGNITION_LISTS),
    /** Decision number as issued, e.g. "3680/QĐ-BVHTTDL". */
    decision: Type.Optional(Type.String({ maxLength: 200 })),
    date: Type.Optional(Type.String({ format: 'date' })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type Recognition = Static<typeof Recognition>;

/** A person or group who carries the practice (an artisan, a pagoda's achar, a troupe), named with their consent. */
export const Bearer = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    role: Type.Optional(Type.String({ maxLength: 300 })),
    locality: Type.Optional(Type.String({ maxLength: 300 })),
    consent: SpeakerConsent,
  },
  { additionalProperties: false },
);
export type Bearer = Static<typeof Bearer>;

/** The inventory block of an item of kind `element`. */
export const InventoryElement = Type.Object(
  {
    category: Type.Enum(ELEMENT_CATEGORIES),
    /** The communities that carry it, as they name themselves ("Khmer of Vĩnh Châu"). */
    communities: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 50 })),
    bearers: Type.Optional(Type.Array(Bearer, { maxItems: 100 })),
    recognition: Type.Optional(Type.Array(Recognition, { maxItems: 10 })),
    viability: Type.Optional(Type.Enum(VIABILITY_LEVELS)),
    /** Why the viability is what it is: fewer bearers, a ban, a revival. */
    viabilityNote: Type.Optional(Multilingual),
    sources: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 30 })),
    /** The province's own inventory number, when the element comes from its list. */
    inventoryNumber: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type InventoryElement = Static<typeof InventoryElement>;

/** The element ids a record documents (a record's `elements` field). */
export const ElementLinks = Type.Array(Id, { maxItems: 50 });

/**
 * Why a record's element links were refused beyond its schema (the workspace checks them
 * against the catalog), at `/elements/<n>`: the API's error body lists them as `fields`.
 */
export const ELEMENT_LINK_PROBLEM_CODES = ['element-not-found', 'not-an-element'] as const;
export type ElementLinkProblemCode = (typeof ELEMENT_LINK_PROBLEM_CODES)[number];

/** A record on the other side of an element link, as the viewer may see it: enough for a line in a list. */
export const LinkedRecord = Type.Object(
  {
    id: Id,
    kind: Type.String(),
    title: Type.Array(LocalizedText),
    date: Type.Union([EdtfDate, Type.Null()]),
    status: Status,
    access: AccessView,
  },
  { additionalProperties: false },
);
export type LinkedRecord = Static<typeof LinkedRecord>;

/** GET /api/items/{id}/documented-by: the records documenting an element that the viewer may read, by id. */
export const DocumentedBy = Type.Object({ element: Id, records: Type.Array(LinkedRecord) }, { additionalProperties: false });
export type DocumentedBy = Static<typeof DocumentedBy>;
