import { Type, type Static } from 'typebox';
import { ACCESS_LEVELS, CALENDARS, ETHNIC_GROUP_CODES, ITEM_STATUSES } from './codes.ts';
import { ID_PATTERN } from './patterns.ts';

/** Stable record id: lower-case ASCII, digits and dashes, safe in URLs, keys and OAI identifiers. */
export const Id = Type.String({ pattern: ID_PATTERN, description: 'Stable id (a-z, 0-9, -)' });
export type Id = Static<typeof Id>;

/** BCP 47 language tag, e.g. vi, en, km, zh-Hans, zh-Hant, cjm, km-Latn. */
export const LanguageTag = Type.String({
  pattern: '^[a-zA-Z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-[a-zA-Z0-9]{5,8})*$',
  description: 'BCP 47 language tag',
});

/** One value in one language. A multilingual field is a list of these. */
export const LocalizedText = Type.Object(
  {
    lang: LanguageTag,
    value: Type.String({ minLength: 1, maxLength: 20000 }),
  },
  { additionalProperties: false },
);
export type LocalizedText = Static<typeof LocalizedText>;
export const Multilingual = Type.Array(LocalizedText, { maxItems: 64 });

/** An alternative name in any script: native spelling, romanisation, translation or variant. */
export const NameVariant = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 500 }),
    lang: LanguageTag,
    type: Type.Enum(['native', 'romanisation', 'translation', 'variant']),
  },
  { additionalProperties: false },
);
export type NameVariant = Static<typeof NameVariant>;

export const EthnicGroup = Type.Enum(ETHNIC_GROUP_CODES, { description: 'Ethnic group code (see codes.ts)' });

/**
 * Extended Date/Time Format (ISO 8601-2) levels 0-1: 1930, 1930-04, 1930-04-13,
 * uncertain 1930?, approximate 1930~, both 1930%, unspecified 19XX, intervals 1920/1930, open 1920/..
 */
export const EdtfDate = Type.String({
  pattern:
    '^(\\.\\.|(-?[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[?~%]?))(/(\\.\\.|(-?[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[?~%]?)))?$',
  description: 'EDTF date (uncertain ?, approximate ~, unspecified X, intervals a/b)',
});

/** A yearly date in a traditional calendar; converting it to Gregorian dates comes later. */
export const RecurringDate = Type.Object(
  {
    calendar: Type.Enum(CALENDARS),
    month: Type.Integer({ minimum: 1, maximum: 13 }),
    day: Type.Integer({ minimum: 1, maximum: 31 }),
    /** Khmer reckoning counts days of the waxing (keut) or waning (roaoch) moon. */
    phase: Type.Optional(Type.Enum(['waxing', 'waning'])),
    leapMonth: Type.Optional(Type.Boolean()),
    durationDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  },
  { additionalProperties: false },
);
export type RecurringDate = Static<typeof RecurringDate>;

export const GeoPoint = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);
export type GeoPoint = Static<typeof GeoPoint>;

/** rightsstatements.org or Creative Commons URI. */
export const RightsUri = Type.String({
  pattern: '^https?://(rightsstatements\\.org/vocab/[A-Za-z-]+/1\\.0/|creativecommons\\.org/(licenses|publicdomain)/[a-z0-9.-]+(/[0-9.]+)?(/[a-z]{2})?/)$',
  description: 'rightsstatements.org or creativecommons.org URI',
});

export const Status = Type.Enum(ITEM_STATUSES);

export const Access = Type.Object(
  {
    level: Type.Enum(ACCESS_LEVELS),
    /** Community codes allowed to see a `community` record (cultural access protocol). */
    communities: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
    /** For `embargo`: public from this date (YYYY-MM-DD) on. */
    embargoUntil: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type Access = Static<typeof Access>;

/**
 * Who may read a record today, as answers show it: the level that applies (an ended
 * embargo reads `public`), the embargo's end while it lasts, and for a `community` record
 * the communities whose members may. Only ever sent with a record the viewer may read,
 * so the communities reach staff and the members themselves, never the public.
 */
export const AccessView = Type.Object(
  {
    level: Access.properties.level,
    embargoUntil: Type.Optional(Type.String()),
    communities: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
export type AccessView = Static<typeof AccessView>;

export const Provenance = Type.Object(
  {
    contributor: Type.Optional(Type.String({ maxLength: 300 })),
    contributedAt: Type.Optional(Type.String({ format: 'date-time' })),
    source: Type.Optional(Type.String({ maxLength: 1000 })),
    method: Type.Optional(Type.Enum(['fieldwork', 'donation', 'digitisation', 'import', 'generated'])),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type Provenance = Static<typeof Provenance>;
