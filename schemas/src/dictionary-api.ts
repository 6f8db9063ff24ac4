import { Type, type Static } from 'typebox';
import { AccessView, Id, LanguageTag, LocalizedText, Status } from './common.ts';
import { ItemSummary } from './api.ts';
import { DictionaryEntry, MediaAccess, RecordingInfo } from './dictionary.ts';

/**
 * The dictionary's HTTP shapes (issue 14): what `/api/dictionary/*` answers and what the
 * site reads. Entries are items of kind `word`; every answer holds only what the viewer
 * may read (access decides per entry and per recording).
 */

/** A pronunciation as a listener gets it: the player's files and who speaks, where. */
export const RecordingView = Type.Object(
  {
    mediaId: Id,
    /** `/api/media/{mediaId}/audio-opus` and `/audio-mp3` (loudness-normalised), null while processing. */
    opus: Type.Union([Type.String(), Type.Null()]),
    mp3: Type.Union([Type.String(), Type.Null()]),
    /** `/api/media/{mediaId}/waveform-json`, null while processing. */
    waveform: Type.Union([Type.String(), Type.Null()]),
    durationSeconds: Type.Union([Type.Number(), Type.Null()]),
    caption: Type.Union([Type.String(), Type.Null()]),
    speaker: Type.Union([Type.String(), Type.Null()]),
    locality: Type.Union([Type.String(), Type.Null()]),
    dialect: Type.Union([Type.String(), Type.Null()]),
    /** Synthetic audio, said so on the page. */
    generated: Type.Boolean(),
    access: AccessView,
  },
  { additionalProperties: false },
);
export type RecordingView = Static<typeof RecordingView>;

/** One entry in a list of results, a browse page or a word list: enough for a row with a play button. */
export const EntrySummary = Type.Object(
  {
    id: Id,
    language: LanguageTag,
    /** Headwords in their scripts, main first. */
    headwords: DictionaryEntry.properties.headwords,
    romanisations: Type.Array(Type.String()),
    /** The first sense's glosses. */
    glosses: Type.Array(LocalizedText),
    partOfSpeech: Type.Union([Type.String(), Type.Null()]),
    /** The first recording the viewer may hear, or null. */
    recording: Type.Union([RecordingView, Type.Null()]),
    status: Status,
    access: AccessView,
  },
  { additionalProperties: false },
);
export type EntrySummary = Static<typeof EntrySummary>;

export const DictionarySearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    /** Only entries of these languages (DICTIONARY_LANGUAGES or any tag). */
    language: Type.Optional(Type.Array(LanguageTag, { maxItems: 10 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000, default: 0 })),
  },
  { additionalProperties: false },
);
export type DictionarySearchQuery = Static<typeof DictionarySearchQuery>;

/** `GET /api/dictionary/search`: exact headwords first, then by relevance. */
export const DictionarySearchResult = Type.Object(
  {
    q: Type.String(),
    total: Type.Integer({ minimum: 0 }),
    // A spread, not Type.Intersect: EntrySummary refuses additional properties, so no value could match an intersection adding one.
    hits: Type.Array(Type.Object({ ...EntrySummary.properties, exact: Type.Boolean() }, { additionalProperties: false })),
    tookMs: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type DictionarySearchResult = Static<typeof DictionarySearchResult>;

/** An entry another names, as a link: id when it is in the dictionary and readable, else just the headword. */
export const RelatedEntryView = Type.Object(
  {
    type: Type.String(),
    /** Stored forward ("compound-of") or seen from the other side ("compounds"). */
    direction: Type.Union([Type.Literal('forward'), Type.Literal('inverse')]),
    entryId: Type.Union([Id, Type.Null()]),
    headword: Type.String(),
  },
  { additionalProperties: false },
);
export type RelatedEntryView = Static<typeof RelatedEntryView>;

/** `GET /api/dictionary/entries/{id}`: an entry page's whole content. */
export const EntryView = Type.Object(
  {
    id: Id,
    title: Type.Array(LocalizedText),
    entry: DictionaryEntry,
    recordings: Type.Array(RecordingView),
    /** The heritage records it names that the viewer may read, as cards. */
    records: Type.Array(ItemSummary),
    related: Type.Array(RelatedEntryView),
    /** The word lists the viewer may see that hold it. */
    wordLists: Type.Array(Type.Object({ id: Id, title: Type.Array(LocalizedText) }, { additionalProperties: false })),
    status: Status,
    access: AccessView,
    version: Type.Integer({ minimum: 1 }),
    updatedAt: Type.String(),
  },
  { additionalProperties: false },
);
export type EntryView = Static<typeof EntryView>;

/** Browse orders: Khmer consonant order, pinyin, radical and stroke count, Cham order (Akhar Thrah, then Rumi), Vietnamese order of glosses. */
export const BROWSE_ORDERS = ['khmer', 'pinyin', 'radical', 'cham', 'vietnamese-gloss'] as const;
export type BrowseOrder = (typeof BROWSE_ORDERS)[number];

export const DictionaryBrowseQuery = Type.Object(
  {
    order: Type.Enum(BROWSE_ORDERS),
    /** Start at this letter or key (a Khmer consonant, a pinyin initial, a radical number, a Vietnamese letter). */
    from: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    /** Opaque cursor from the previous page's `next`. */
    after: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type DictionaryBrowseQuery = Static<typeof DictionaryBrowseQuery>;

/** `GET /api/dictionary/browse`: entries in a script's own order, with the letters to jump to. */
export const DictionaryBrowsePage = Type.Object(
  {
    order: Type.Enum(BROWSE_ORDERS),
    /** Section heads in order (Khmer consonants, pinyin initials, radicals, Cham letters, Vietnamese letters) with their entry counts. */
    sections: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer({ minimum: 0 }) }, { additionalProperties: false })),
    entries: Type.Array(Type.Object({ ...EntrySummary.properties, section: Type.String() }, { additionalProperties: false })),
    next: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type DictionaryBrowsePage = Static<typeof DictionaryBrowsePage>;

/** A word list in a list of them. */
export const WordListSummary = Type.Object(
  {
    id: Id,
    title: Type.Array(LocalizedText),
    description: Type.Array(LocalizedText),
    entryCount: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type WordListSummary = Static<typeof WordListSummary>;

/** `GET /api/dictionary/word-lists/{id}`: the list's entries in its curated order. */
export const WordListView = Type.Object(
  {
    ...WordListSummary.properties,
    entries: Type.Array(EntrySummary),
  },
  { additionalProperties: false },
);
export type WordListView = Static<typeof WordListView>;

/** `GET /api/dictionary/word-of-the-day?date=`: one published public entry a day, the same for everyone on that day (Vietnam's date). */
export const WordOfTheDay = Type.Object(
  {
    date: Type.String({ format: 'date' }),
    entry: Type.Union([EntrySummary, Type.Null()]),
  },
  { additionalProperties: false },
);
export type WordOfTheDay = Static<typeof WordOfTheDay>;

/** `GET /api/items/{id}/words`: the dictionary entries that name a record, for its page. */
export const RecordWords = Type.Object({ itemId: Id, entries: Type.Array(EntrySummary) }, { additionalProperties: false });
export type RecordWords = Static<typeof RecordWords>;

/**
 * `GET /api/workspace/records/{id}/word-links` (staff): for an entry, the records whose text
 * holds its headword or a romanisation; for a record, the entries whose forms its text holds.
 */
export const LinkSuggestion = Type.Object(
  {
    id: Id,
    kind: Type.String(),
    title: Type.Array(LocalizedText),
    /** The form found and a passage around it. */
    matched: Type.String(),
    excerpt: Type.String(),
    alreadyLinked: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type LinkSuggestion = Static<typeof LinkSuggestion>;
export const LinkSuggestions = Type.Object({ suggestions: Type.Array(LinkSuggestion) }, { additionalProperties: false });
export type LinkSuggestions = Static<typeof LinkSuggestions>;

/**
 * `PATCH /api/workspace/media/{mediaId}/recording` (staff with write access to the record):
 * a recording's speaker, consent, locality and dialect, and its own access rule; `null` clears one.
 */
export const MediaRecordingPatch = Type.Object(
  {
    recording: Type.Optional(Type.Union([RecordingInfo, Type.Null()])),
    access: Type.Optional(Type.Union([MediaAccess, Type.Null()])),
  },
  { additionalProperties: false },
);
export type MediaRecordingPatch = Static<typeof MediaRecordingPatch>;

