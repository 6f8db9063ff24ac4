import { Type, type Static } from 'typebox';
import { Access, Id, LanguageTag, LocalizedText, Multilingual } from './common.ts';

/**
 * The dictionary (issue 14). An entry is an item of kind `word` with an `entry` block:
 * it shares the record's status, review, versions, access and files (its recordings are
 * the item's audio media), and the item's `title` holds its main headword so every list
 * of records names it. Codes never change once published; labels are in the dictionaries.
 */

/**
 * Languages the dictionary knows out of the box, by ISO 639-3 / BCP 47 tag: Khmer, Eastern
 * Cham, and the Chinese the Hoa speak (Cantonese, Teochew and other Southern Min, Hakka,
 * Mandarin). Any other BCP 47 tag is accepted in data ("more languages by configuration").
 */
export const DICTIONARY_LANGUAGES = ['km', 'cjm', 'yue', 'nan', 'hak', 'cmn'] as const;
export type DictionaryLanguage = (typeof DICTIONARY_LANGUAGES)[number];

/**
 * Scripts a headword is written in (ISO 15924): Khmer; Han traditional and simplified;
 * Cham (Akhar Thrah, Unicode's Cham block); Latin (Cham Rumi, or a Latin-only word).
 */
export const HEADWORD_SCRIPTS = ['Khmr', 'Hant', 'Hans', 'Cham', 'Latn'] as const;
export type HeadwordScript = (typeof HEADWORD_SCRIPTS)[number];

/**
 * Romanisation systems: UNGEGN and ALA-LC for Khmer; Hanyu Pinyin, Jyutping, Teochew
 * Peng'im and Pha̍k-fa-sṳ (Hakka) for Chinese; Rumi for Cham; `other` names the rest.
 */
export const ROMANISATION_SYSTEMS = ['ungegn', 'ala-lc', 'pinyin', 'jyutping', 'pengim', 'pfs', 'rumi', 'other'] as const;
export type RomanisationSystem = (typeof ROMANISATION_SYSTEMS)[number];

/** Parts of speech, the names LIFT's and FieldWorks' default grammatical-info list uses (lower-cased). */
export const PARTS_OF_SPEECH = ['noun', 'proper-noun', 'verb', 'adjective', 'adverb', 'pronoun', 'numeral', 'classifier', 'particle', 'preposition', 'conjunction', 'interjection', 'phrase', 'expression', 'other'] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

/** Domains of meaning a sense belongs to (semantic domains the archive's subjects need). */
export const SENSE_DOMAINS = ['festival', 'ritual', 'religion', 'food', 'craft', 'kinship', 'music', 'dance', 'clothing', 'architecture', 'agriculture', 'boat', 'nature', 'calendar', 'body', 'everyday', 'other'] as const;
export type SenseDomain = (typeof SENSE_DOMAINS)[number];

/** How two entries stand to each other; stored forward, shown both ways. */
export const ENTRY_RELATIONS = ['synonym', 'variant', 'compound-of', 'see-also'] as const;
export type EntryRelationType = (typeof ENTRY_RELATIONS)[number];

export const Headword = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 300 }),
    script: Type.Enum(HEADWORD_SCRIPTS),
  },
  { additionalProperties: false },
);
export type Headword = Static<typeof Headword>;

export const Romanisation = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 300 }),
    system: Type.Enum(ROMANISATION_SYSTEMS),
  },
  { additionalProperties: false },
);
export type Romanisation = Static<typeof Romanisation>;

/** An example sentence in the entry's language, with its translations. */
export const EntryExample = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 2000 }),
    /** The example romanised, when it helps a reader who does not read the script. */
    romanisation: Type.Optional(Type.String({ maxLength: 2000 })),
    translations: Type.Optional(Multilingual),
    source: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type EntryExample = Static<typeof EntryExample>;

/** One meaning: short glosses and a definition in Vietnamese and English (or more), examples, domains. */
export const EntrySense = Type.Object(
  {
    glosses: Type.Array(LocalizedText, { minItems: 1, maxItems: 32 }),
    definition: Type.Optional(Multilingual),
    examples: Type.Optional(Type.Array(EntryExample, { maxItems: 50 })),
    domains: Type.Optional(Type.Array(Type.Enum(SENSE_DOMAINS), { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type EntrySense = Static<typeof EntrySense>;

/** A relation to another entry: by id when it is in the dictionary, by its headword when not (yet). */
export const EntryRelation = Type.Object(
  {
    type: Type.Enum(ENTRY_RELATIONS),
    entryId: Type.Optional(Id),
    headword: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type EntryRelation = Static<typeof EntryRelation>;

/** The dictionary block of an item of kind `word`. */
export const DictionaryEntry = Type.Object(
  {
    /** The entry's language (DICTIONARY_LANGUAGES, or any BCP 47 tag). */
    language: LanguageTag,
    /** Dialect or local variety as people name it: "Sóc Trăng", "Teochew of Bạc Liêu", "Cham Ninh Thuận". */
    dialect: Type.Optional(Type.String({ maxLength: 200 })),
    /** In its own scripts; the first is the main headword (the item's title holds it too). */
    headwords: Type.Array(Headword, { minItems: 1, maxItems: 10 }),
    romanisations: Type.Optional(Type.Array(Romanisation, { maxItems: 20 })),
    /** IPA transcriptions, without slashes or brackets. */
    ipa: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 10 })),
    partOfSpeech: Type.Optional(Type.Enum(PARTS_OF_SPEECH)),
    senses: Type.Array(EntrySense, { minItems: 1, maxItems: 50 }),
    relations: Type.Optional(Type.Array(EntryRelation, { maxItems: 50 })),
    etymology: Type.Optional(Multilingual),
    usageNotes: Type.Optional(Multilingual),
    /** Where each fact comes from: a dictionary, a speaker, a fieldwork notebook. */
    sources: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 30 })),
    /** The heritage records that show this word (the boat ghe ngo, on the boat race). */
    records: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type DictionaryEntry = Static<typeof DictionaryEntry>;

/**
 * A speaker's consent to the recording of their voice: whether it was given, when, how
 * (written form, oral on the recording…), and what it allows. A recording without
 * consent given is never published.
 */
export const SpeakerConsent = Type.Object(
  {
    given: Type.Boolean(),
    date: Type.Optional(Type.String({ format: 'date' })),
    method: Type.Optional(Type.Enum(['written', 'oral-recorded', 'oral-witnessed', 'guardian'])),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SpeakerConsent = Static<typeof SpeakerConsent>;

/**
 * What a pronunciation recording says about itself: who speaks (with consent), where and in
 * which dialect. Kept on the medium; `generated` marks synthetic audio (it says so in its caption).
 */
export const RecordingInfo = Type.Object(
  {
    speaker: Type.String({ minLength: 1, maxLength: 300 }),
    consent: SpeakerConsent,
    locality: Type.Optional(Type.String({ maxLength: 300 })),
    dialect: Type.Optional(Type.String({ maxLength: 200 })),
    recordedOn: Type.Optional(Type.String({ format: 'date' })),
    generated: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RecordingInfo = Static<typeof RecordingInfo>;

/**
 * A medium's own access rule, narrower than its record's: a community may share a word and
 * keep one speaker's voice to itself. A medium is readable when its record is and this allows.
 */
export const MediaAccess = Access;
export type MediaAccess = Static<typeof MediaAccess>;
