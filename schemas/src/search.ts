import { Type, type Static } from 'typebox';
import { ITEM_KINDS, MEDIA_KINDS } from './codes.ts';
import { AccessView, EthnicGroup, Id, LocalizedText, Status } from './common.ts';
import { TEXT_SOURCES } from './text.ts';

/**
 * Library facets (issue 13): a legal document's type code, its issuing body, its legal
 * status code; a library record's publisher and subject heading labels, as catalogued.
 */
export const LIBRARY_FACETS = ['documentType', 'issuer', 'legalStatus', 'publisher', 'subjectHeadings'] as const;

/** Facets a visitor may filter by in a query string: communities are matched by the viewer's access, never asked for. */
export const FILTER_FACETS = [
  'ethnicGroups',
  'kind',
  'collections',
  'province',
  'period',
  'languages',
  'mediaKinds',
  'status',
  'access',
  ...LIBRARY_FACETS,
] as const;

/** Attributes a search can be narrowed and counted by. */
/** `communities` is here so that cultural access protocols can filter on it; counts only ever cover what the caller may see. */
export const FACETS = [...FILTER_FACETS, 'communities'] as const;
export type Facet = (typeof FACETS)[number];

/** Facets counted when a query names none: what a visitor browses by. */
export const DEFAULT_FACETS = ['ethnicGroups', 'kind', 'collections', 'province', 'period', 'languages', 'mediaKinds'] as const satisfies readonly Facet[];

export const SORTS = ['relevance', 'title', 'date:asc', 'date:desc', 'updated:desc'] as const;
export type Sort = (typeof SORTS)[number];

export const SearchFilters = Type.Partial(
  Type.Object({
    ethnicGroups: Type.Array(Type.String(), { maxItems: 50 }),
    kind: Type.Array(Type.String(), { maxItems: 50 }),
    collections: Type.Array(Type.String(), { maxItems: 50 }),
    province: Type.Array(Type.String(), { maxItems: 50 }),
    period: Type.Array(Type.String(), { maxItems: 50 }),
    languages: Type.Array(Type.String(), { maxItems: 50 }),
    mediaKinds: Type.Array(Type.String(), { maxItems: 50 }),
    status: Type.Array(Type.String(), { maxItems: 10 }),
    access: Type.Array(Type.String(), { maxItems: 10 }),
    /** Cultural access protocols: community codes a viewer belongs to. */
    communities: Type.Array(Type.String(), { maxItems: 50 }),
    documentType: Type.Array(Type.String(), { maxItems: 50 }),
    issuer: Type.Array(Type.String(), { maxItems: 50 }),
    legalStatus: Type.Array(Type.String(), { maxItems: 50 }),
    publisher: Type.Array(Type.String(), { maxItems: 50 }),
    subjectHeadings: Type.Array(Type.String(), { maxItems: 50 }),
  }),
  { additionalProperties: false },
);
export type SearchFilters = Static<typeof SearchFilters>;

export const GeoRadius = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    radiusMeters: Type.Number({ minimum: 1, maximum: 20_000_000 }),
  },
  { additionalProperties: false },
);

export const SearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: 500 }),
    filters: Type.Optional(SearchFilters),
    geo: Type.Optional(GeoRadius),
    sort: Type.Optional(Type.Enum(SORTS)),
    facets: Type.Optional(Type.Array(Type.Enum(FACETS))),
    /** Language the caller reads; snippets and titles prefer it. */
    lang: Type.Optional(Type.String()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

/**
 * The flat document both engines index. Text fields hold the raw text; the
 * engines run it through the one shared analyzer before indexing.
 */
export const SearchDocument = Type.Object({
  id: Id,
  kind: Type.Enum(ITEM_KINDS),
  ethnicGroups: Type.Array(EthnicGroup),
  title: Type.Array(LocalizedText),
  alternativeNames: Type.Array(Type.String()),
  description: Type.Array(LocalizedText),
  subjects: Type.Array(Type.String()),
  places: Type.Array(Type.String()),
  /** Text found inside media (document pages, captions); empty until documents arrive. */
  fullText: Type.Array(Type.String()),
  collections: Type.Array(Type.String()),
  province: Type.Array(Type.String()),
  /** Century buckets derived from the EDTF date, e.g. "1900s", "2000s". */
  period: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  mediaKinds: Type.Array(Type.Enum(MEDIA_KINDS)),
  status: Type.String(),
  access: Type.String(),
  communities: Type.Array(Type.String()),
  /** Sortable: earliest year of the date, or null. */
  year: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.String(),
  geo: Type.Union([Type.Object({ lat: Type.Number(), lon: Type.Number() }), Type.Null()]),
  thumbnail: Type.Union([Type.String(), Type.Null()]),
  /**
   * A library record's catalogued text (subtitle, publisher, series, subject headings,
   * table of contents, notes, issuing body, signer, document number, identifiers).
   * Optional so documents of other records need not carry the library fields.
   */
  library: Type.Optional(Type.Array(Type.String())),
  /**
   * Document numbers and identifiers (ISBN, ISSN, DOI, …) as identifier keys (see the
   * analyzer's identifierKey): a query whose key equals one finds the record first.
   */
  identifierKeys: Type.Optional(Type.Array(Type.String())),
  /**
   * A dictionary entry's search keys (entrySearchKeys: headwords with their Khmer parts,
   * pinyin, romanisations without tones, glosses), indexed with the names. Only on words.
   */
  entryKeys: Type.Optional(Type.Array(Type.String())),
  /**
   * A dictionary entry's headwords and romanisations as exact keys (see the analyzer's
   * exactKey): a query whose exact key equals one ranks the entry above the others.
   */
  headwordKeys: Type.Optional(Type.Array(Type.String())),
  documentType: Type.Optional(Type.Array(Type.String())),
  issuer: Type.Optional(Type.Array(Type.String())),
  legalStatus: Type.Optional(Type.Array(Type.String())),
  publisher: Type.Optional(Type.Array(Type.String())),
  subjectHeadings: Type.Optional(Type.Array(Type.String())),
});
export type SearchDocument = Static<typeof SearchDocument>;

/**
 * Where in a medium a hit's words were found: a document page or a caption cue. The
 * reader can be sent to that page or time code.
 */
export const HitPassage = Type.Object(
  {
    mediaId: Id,
    source: Type.Enum(TEXT_SOURCES),
    /** 1-based page, for document text (pdf-text, ocr). */
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Cue start and end in seconds, for captions and transcripts. */
    startSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    endSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    /** For a caption cue: the media id of the recording it belongs to, to play from `startSeconds`. */
    recordingId: Type.Optional(Id),
    /** The passage cropped around its matches, HTML-escaped, matches wrapped in <mark>. */
    html: Type.String(),
  },
  { additionalProperties: false },
);
export type HitPassage = Static<typeof HitPassage>;

export const SearchHit = Type.Object({
  id: Id,
  kind: Type.String(),
  ethnicGroups: Type.Array(Type.String()),
  title: Type.Array(LocalizedText),
  thumbnail: Type.Union([Type.String(), Type.Null()]),
  geo: Type.Union([Type.Object({ lat: Type.Number(), lon: Type.Number() }), Type.Null()]),
  /** The record's state and who may read it today, for the badge signed-in viewers see (as in ItemSummary). */
  status: Status,
  access: AccessView,
  /**
   * Best matching passage, HTML-escaped, matches wrapped in <mark>. `field` names where it
   * is: title, alternativeNames, description, subjects, places, library (catalogued text), or fullText when the best
   * match is text inside a medium (then it is the first of `passages`, when there is one).
   */
  snippet: Type.Union([Type.Object({ field: Type.String(), lang: Type.Optional(Type.String()), html: Type.String() }), Type.Null()]),
  /**
   * Up to 3 places inside the item's media (pages, caption cues) holding the query words,
   * best first (most query words, then reading order). Empty when the words are only in
   * the record's description, when there is no query text, or when the viewer may not
   * read the item's media (metadata-only records).
   */
  passages: Type.Array(HitPassage, { maxItems: 3 }),
});
export type SearchHit = Static<typeof SearchHit>;
export const SearchResult = Type.Object({
  query: Type.String(),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hits: Type.Array(SearchHit),
  facets: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
  engine: Type.String(),
  tookMs: Type.Number(),
});
export type SearchResult = Static<typeof SearchResult>;
