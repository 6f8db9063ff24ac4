import { Type, type Static } from 'typebox';
import { ETHNIC_GROUP_CODES, ITEM_KINDS, MEDIA_KINDS, MEDIA_STATUSES } from './codes.ts';
import { AgentRef } from './agent.ts';
import { NextOccurrence } from './calendar.ts';
import { AccessView, EdtfDate, EthnicGroup, GeoPoint, Id, LanguageTag, LocalizedText, Multilingual, NameVariant, RecurringDate, RightsUri, Status } from './common.ts';
import { PlaceRef } from './place.ts';
import { LegalLink, LibraryDescription } from './library.ts';
import { InventoryElement, LinkedRecord } from './inventory.ts';
import { FACETS, SORTS } from './search.ts';
import { TextPassage } from './text.ts';

/**
 * The HTTP API's shapes: what `api/` answers and what `site/` reads. Every URL in
 * these bodies is a root-relative path on the API's origin (`/api/media/{mediaId}/{rendition}`),
 * never a storage key.
 */

/** Every error answer, whatever the status; `requestId` is also sent as the `x-request-id` header. */
/** One problem of a refused record, at its field (see ErrorBody). */
export const FieldProblem = Type.Object(
  {
    path: Type.String(),
    code: Type.String(),
    message: Type.String(),
  },
  { additionalProperties: false },
);
export type FieldProblem = Static<typeof FieldProblem>;

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      status: Type.Integer({ minimum: 400, maximum: 599 }),
      /** Stable, machine-readable: not_found, invalid, too_large, range_not_satisfiable, rate_limited, internal, unavailable... */
      code: Type.String(),
      /** For a person; 5xx answers always say "internal error" and log the real cause. */
      message: Type.String(),
      requestId: Type.String(),
      /** Each problem on its own, when there are several a person must fix (a password's, under the policy). */
      problems: Type.Optional(Type.Array(Type.String())),
      /**
       * A refused record's problems at their fields, for a form to show each beside its
       * input: `path` is a JSON Pointer into the body's record (/library/identifiers/0/value),
       * `code` one of LIBRARY_PROBLEM_CODES, or the JSON Schema keyword the value broke
       * (pattern, maxLength, required...), `message` the same in English.
       */
      fields: Type.Optional(Type.Array(FieldProblem)),
    }),
  },
  { additionalProperties: false },
);
export type ErrorBody = Static<typeof ErrorBody>;

const Point = Type.Union([Type.Object({ lat: Type.Number(), lon: Type.Number() }), Type.Null()]);

/** One item in a list (browse, related, collection page): enough for a card, a map pin and the badge saying who may read it. */
export const ItemSummary = Type.Object({
  id: Id,
  kind: Type.String(),
  ethnicGroups: Type.Array(Type.String()),
  title: Type.Array(LocalizedText),
  /** `/api/media/{mediaId}/thumb`, or null when the item has no picture the viewer may see. */
  thumbnail: Type.Union([Type.String(), Type.Null()]),
  geo: Point,
  status: Status,
  access: AccessView,
});
export type ItemSummary = Static<typeof ItemSummary>;

export const ItemPage = Type.Object({
  items: Type.Array(ItemSummary),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
});
export type ItemPage = Static<typeof ItemPage>;

/** A derived file the viewer may fetch. */
export const RenditionView = Type.Object({
  /** e.g. webp-480, avif-1024, thumb */
  name: Type.String(),
  /** `/api/media/{mediaId}/{name}` */
  url: Type.String(),
  mimeType: Type.String(),
  width: Type.Optional(Type.Integer()),
  height: Type.Optional(Type.Integer()),
  size: Type.Integer({ minimum: 0 }),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type RenditionView = Static<typeof RenditionView>;

/** A file of an item as a visitor sees it. Renditions and `original` are empty/null when the viewer may not read the media (metadata-only records). */
export const MediaView = Type.Object({
  id: Id,
  kind: Type.Enum(MEDIA_KINDS),
  mimeType: Type.String(),
  caption: Type.Union([Type.String(), Type.Null()]),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  durationSeconds: Type.Union([Type.Number(), Type.Null()]),
  pageCount: Type.Union([Type.Integer(), Type.Null()]),
  /** BCP 47 language of the medium's words when known (a caption file's language), else null. */
  language: Type.Union([Type.String({ maxLength: 35 }), Type.Null()]),
  /** For captions and transcripts: the media id of the recording they belong to, when known. */
  recordingId: Type.Union([Id, Type.Null()]),
  /** `/api/media/{mediaId}/original`, only when the viewer may read the media. */
  original: Type.Union([Type.String(), Type.Null()]),
  renditions: Type.Array(RenditionView),
  status: Type.Enum(MEDIA_STATUSES),
});
export type MediaView = Static<typeof MediaView>;

export const CollectionSummary = Type.Object({
  id: Id,
  title: Type.Array(LocalizedText),
  description: Type.Array(LocalizedText),
  ethnicGroups: Type.Array(Type.String()),
  /** Items of this collection the viewer may see. */
  itemCount: Type.Integer({ minimum: 0 }),
  /** The picture chosen for the collection (`/api/media/{mediaId}/{rendition}`), or null when there is none the viewer may see. */
  cover: Type.Union([Type.String(), Type.Null()]),
});
export type CollectionSummary = Static<typeof CollectionSummary>;

/** The public fields of an item: the archivist's description without provenance notes; a community record names its communities in `access` only (its readers are its members and staff). */
export const ItemView = Type.Object({
  id: Id,
  kind: Type.Enum(ITEM_KINDS),
  ethnicGroups: Type.Array(EthnicGroup),
  title: Type.Array(LocalizedText),
  description: Multilingual,
  subjects: Multilingual,
  alternativeNames: Type.Array(NameVariant),
  agents: Type.Array(AgentRef),
  date: Type.Union([EdtfDate, Type.Null()]),
  recurrence: Type.Array(RecurringDate),
  places: Type.Array(PlaceRef),
  languages: Type.Array(LanguageTag),
  rights: Type.Union([RightsUri, Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  access: AccessView,
  version: Type.Integer({ minimum: 1 }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  media: Type.Array(MediaView),
  /** Other items sharing the ethnic group, collection or kind that the viewer may see. */
  related: Type.Array(ItemSummary),
  collections: Type.Array(CollectionSummary),
  /**
   * A library record's bibliographic description; relation and periodical ids the viewer
   * may not read are left out (see `legalLinks` for the relations in words).
   */
  library: Type.Optional(LibraryDescription),
  /** A legal document's relations both ways (amends / amended by, implements / implemented by…). */
  legalLinks: Type.Optional(Type.Array(LegalLink)),
  /** With a `recurrence`: the festival's next days from today in Vietnam (one under way counts). */
  nextOccurrence: Type.Optional(NextOccurrence),
  /** An inventory element's block; a bearer is named only with their consent given. */
  element: Type.Optional(InventoryElement),
  /** The inventory elements this record documents that the viewer may read. */
  elements: Type.Optional(Type.Array(LinkedRecord)),
});
export type ItemView = Static<typeof ItemView>;

export const CollectionList = Type.Object({ collections: Type.Array(CollectionSummary) });
export type CollectionList = Static<typeof CollectionList>;

export const CollectionView = Type.Object({ collection: CollectionSummary, items: ItemPage });
export type CollectionView = Static<typeof CollectionView>;

/** A province as a browse entry point and a map marker: visible items and the centre of their points. */
export const PlaceView = Type.Object({
  province: Type.String(),
  count: Type.Integer({ minimum: 0 }),
  /** Mean of the visible items' points in the province; null when none has one. */
  geo: Type.Union([GeoPoint, Type.Null()]),
});
export type PlaceView = Static<typeof PlaceView>;
export const PlaceList = Type.Object({ places: Type.Array(PlaceView) });
export type PlaceList = Static<typeof PlaceList>;

export const EthnicGroupView = Type.Object({
  code: Type.Enum(ETHNIC_GROUP_CODES),
  label: Type.Object({ vi: Type.String(), en: Type.String() }),
  count: Type.Integer({ minimum: 0 }),
});
export type EthnicGroupView = Static<typeof EthnicGroupView>;
export const EthnicGroupList = Type.Object({ ethnicGroups: Type.Array(EthnicGroupView) });
export type EthnicGroupList = Static<typeof EthnicGroupList>;

export const Health = Type.Object({ status: Type.Literal('ok'), uptimeSeconds: Type.Number() });
export type Health = Static<typeof Health>;

const Check = Type.Object({ ok: Type.Boolean(), ms: Type.Number(), error: Type.Optional(Type.String()) });
/** 200 when every part answers, 503 otherwise; `failed` names the parts that did not. */
export const Readiness = Type.Object({
  status: Type.Enum(['ready', 'unavailable']),
  checks: Type.Object({ catalog: Check, storage: Check, search: Check }),
  failed: Type.Array(Type.String()),
});
export type Readiness = Static<typeof Readiness>;

export const JobView = Type.Object({
  id: Type.String(),
  type: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type JobView = Static<typeof JobView>;

/** Counts for everyone; the job list (ids and errors) only for operators, null otherwise. */
export const JobsView = Type.Object({
  counts: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
  jobs: Type.Union([Type.Array(JobView), Type.Null()]),
});
export type JobsView = Static<typeof JobsView>;

/* ---------- request shapes (query strings, params) ---------- */

/** A list filter: repeat the parameter (`kind=a&kind=b`) or separate values with commas (`kind=a,b`). */
const FilterValues = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 });

export const PagingQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 24 })),
};

const FilterQuery = {
  ethnicGroups: Type.Optional(FilterValues),
  kind: Type.Optional(FilterValues),
  collections: Type.Optional(FilterValues),
  province: Type.Optional(FilterValues),
  period: Type.Optional(FilterValues),
  languages: Type.Optional(FilterValues),
  mediaKinds: Type.Optional(FilterValues),
  documentType: Type.Optional(FilterValues),
  issuer: Type.Optional(FilterValues),
  legalStatus: Type.Optional(FilterValues),
  publisher: Type.Optional(FilterValues),
  subjectHeadings: Type.Optional(FilterValues),
};

/** GET /api/items */
export const ItemsQuery = Type.Object(
  {
    ...PagingQuery,
    sort: Type.Optional(Type.Enum(SORTS)),
    ...FilterQuery,
  },
  { additionalProperties: false },
);
export type ItemsQuery = Static<typeof ItemsQuery>;

/** GET /api/search */
export const SearchParams = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500, default: '' })),
    ...PagingQuery,
    sort: Type.Optional(Type.Enum(SORTS)),
    lang: Type.Optional(LanguageTag),
    ...FilterQuery,
    /** Staff only widen the scope with these; for the public they can only narrow it. */
    status: Type.Optional(FilterValues),
    access: Type.Optional(FilterValues),
    /** Facets to count (repeat or comma-separate); default all but status/access/communities. */
    facets: Type.Optional(Type.Array(Type.Enum(FACETS), { maxItems: FACETS.length })),
    /** `lat,lon,km`, e.g. `9.60,105.97,10` */
    near: Type.Optional(Type.String({ pattern: '^-?[0-9.]+,-?[0-9.]+,[0-9.]+$', maxLength: 60 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    /** Kilometres, with lat and lon. */
    radius: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 20_000 })),
  },
  { additionalProperties: false },
);
export type SearchParams = Static<typeof SearchParams>;

export const IdParams = Type.Object({ id: Id });
export type IdParams = Static<typeof IdParams>;

export const MediaParams = Type.Object({
  mediaId: Id,
  /** A rendition name, or `original`. */
  rendition: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
});
export type MediaParams = Static<typeof MediaParams>;

export const CollectionQuery = Type.Object({ ...PagingQuery, sort: Type.Optional(Type.Enum(SORTS)) }, { additionalProperties: false });
export type CollectionQuery = Static<typeof CollectionQuery>;

/** GET /api/jobs: which jobs to list (operators only; counts are always complete). */
export const JobsQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(['queued', 'running', 'done', 'failed'])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);
export type JobsQuery = Static<typeof JobsQuery>;

/** GET /api/media/{mediaId}/text: a window of the words found inside a medium, in reading order. */
export const MediaTextQuery = Type.Object(
  {
    /** Only this page's text (document pages, from the text layer or OCR). */
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type MediaTextQuery = Static<typeof MediaTextQuery>;

export const MediaTextParams = Type.Object({ mediaId: Id });
export type MediaTextParams = Static<typeof MediaTextParams>;

/** One page's or one caption cue's text, located as search passages are. */
export const MediaTextPassage = Type.Omit(TextPassage, ['mediaId', 'itemId']);
export type MediaTextPassage = Static<typeof MediaTextPassage>;

/**
 * The text inside a medium a reader may read: a document's pages or a recording's
 * caption cues. `total` counts every passage (of `page`, when asked), so a reader can page through.
 */
export const MediaText = Type.Object({
  mediaId: Id,
  total: Type.Integer({ minimum: 0 }),
  offset: Type.Integer({ minimum: 0 }),
  limit: Type.Integer({ minimum: 1 }),
  passages: Type.Array(MediaTextPassage),
});
export type MediaText = Static<typeof MediaText>;
