import { Type, type Static } from 'typebox';
import { EthnicGroup, Id, LocalizedText } from './common.ts';
import { ELEMENT_CATEGORIES, VIABILITY_LEVELS } from './inventory.ts';

/**
 * Digitisation coverage against the provinces' targets (issue 15). An element's state is
 * computed from the catalog's history, never typed, under the rule its target sets, so a
 * figure means the same thing every year and a rule change restates every year alike.
 *
 * - `not-documented`: no record the archive keeps documents it (names it in `elements`).
 * - `described`: at least one kept record documents it, but the rule is not met.
 * - `digitised`: the rule is met by what the archive keeps (drafts and restricted records count:
 *   the plans ask what is kept, not what is shown).
 * - `published`: the rule is met by published records alone, and the element is published.
 * A record kept is one that exists and is not withdrawn or deleted; a withdrawn record no
 * longer counts from its withdrawal on, and its element falls back.
 */
export const COVERAGE_STATES = ['not-documented', 'described', 'digitised', 'published'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

/**
 * What counts as digitised, as named conditions over an element and the records that
 * document it. Every condition given must hold; an absent one is not asked.
 */
export const DigitisationRule = Type.Object(
  {
    /** At least this many records document it (1 when absent). */
    minRecords: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /**
     * Descriptions needed, on the element or its records: `vi` (Vietnamese) and/or `group`
     * (the language of each of the element's ethnic groups: Khmer km, Hoa zh/yue/nan/hak/cmn, Cham cjm).
     */
    descriptionIn: Type.Optional(Type.Array(Type.Enum(['vi', 'en', 'group']), { maxItems: 3, uniqueItems: true })),
    /** Photographs (image media ready to show) across its records. */
    minImages: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
    /** Films or sound recordings (video or audio media ready to play) across its records. */
    minAudioVisual: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
    /** Documents (scans, PDFs) across its records. */
    minDocuments: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export type DigitisationRule = Static<typeof DigitisationRule>;

/** Which elements a target counts: every list given must match (an absent or empty list matches all). */
export const TargetScope = Type.Object(
  {
    /** Province names as the elements' places write them ("Sóc Trăng"), compared without case and tones. */
    provinces: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 70 }),
    ethnicGroups: Type.Array(EthnicGroup, { maxItems: 54 }),
    categories: Type.Array(Type.Enum(ELEMENT_CATEGORIES), { maxItems: ELEMENT_CATEGORIES.length }),
  },
  { additionalProperties: false },
);
export type TargetScope = Static<typeof TargetScope>;

/** What an admin writes: a provincial plan's figure. */
export const CoverageTargetInput = Type.Object(
  {
    id: Id,
    name: Type.Array(LocalizedText, { minItems: 1, maxItems: 8 }),
    scope: TargetScope,
    /** The share of elements in scope to have digitised, 1..100. */
    percentage: Type.Number({ minimum: 1, maximum: 100 }),
    deadline: Type.String({ format: 'date' }),
    rule: DigitisationRule,
    /** Shown on the public coverage page. */
    public: Type.Boolean(),
    /** The plan or decision that set it ("Kế hoạch 123/KH-UBND"). */
    basis: Type.Optional(Type.String({ maxLength: 500 })),
    /** The day of the year the report to the province is due ("12-05" for 5 December). */
    reportDue: Type.Optional(Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' })),
  },
  { additionalProperties: false },
);
export type CoverageTargetInput = Static<typeof CoverageTargetInput>;

export const CoverageTarget = Type.Object(
  {
    ...CoverageTargetInput.properties,
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { additionalProperties: false },
);
export type CoverageTarget = Static<typeof CoverageTarget>;

/** Elements in scope by state at one moment; `percentage` is digitised (published included) over total. */
export const CoverageFigure = Type.Object(
  {
    /** The moment it describes: the end of a year (31 December, Vietnam's time), or now. */
    at: Type.String(),
    year: Type.Integer(),
    total: Type.Integer({ minimum: 0 }),
    notDocumented: Type.Integer({ minimum: 0 }),
    described: Type.Integer({ minimum: 0 }),
    digitised: Type.Integer({ minimum: 0 }),
    published: Type.Integer({ minimum: 0 }),
    /** (digitised + published) / total x 100, one decimal; 0 when nothing is in scope. */
    percentage: Type.Number({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type CoverageFigure = Static<typeof CoverageFigure>;

/** Whether the target is being met in time: points per month needed from now, and the pace of the last twelve months. */
export const CoveragePace = Type.Object(
  {
    monthsLeft: Type.Number(),
    /** Percentage points per month still needed; 0 when met, null when the deadline has passed unmet. */
    neededPerMonth: Type.Union([Type.Number(), Type.Null()]),
    /** Percentage points per month gained over the last twelve months. */
    lastYearPerMonth: Type.Number(),
    status: Type.Enum(['met', 'on-track', 'behind', 'missed']),
  },
  { additionalProperties: false },
);
export type CoveragePace = Static<typeof CoveragePace>;

/** What an element still lacks under the rule, as counts, for the gaps list to say in the reader's language. */
export const CoverageShortfall = Type.Object(
  {
    records: Type.Integer({ minimum: 0 }),
    images: Type.Integer({ minimum: 0 }),
    audioVisual: Type.Integer({ minimum: 0 }),
    documents: Type.Integer({ minimum: 0 }),
    /** Description languages missing: vi, en, or the group's language tags. */
    descriptionIn: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type CoverageShortfall = Static<typeof CoverageShortfall>;

/** An element in scope not yet digitised, worst risk first, then the soonest season. */
export const CoverageGap = Type.Object(
  {
    elementId: Id,
    title: Type.Array(LocalizedText),
    category: Type.Enum(ELEMENT_CATEGORIES),
    state: Type.Enum(['not-documented', 'described']),
    viability: Type.Union([Type.Enum(VIABILITY_LEVELS), Type.Null()]),
    /** The next day it is celebrated (YYYY-MM-DD, Vietnam's date) and how many days away, or null without a season. */
    nextDate: Type.Union([Type.String(), Type.Null()]),
    daysUntil: Type.Union([Type.Integer(), Type.Null()]),
    /** Records documenting it (0 when not documented). */
    records: Type.Integer({ minimum: 0 }),
    missing: CoverageShortfall,
  },
  { additionalProperties: false },
);
export type CoverageGap = Static<typeof CoverageGap>;

/** An element or record added to the archive in the report's year (first version that year). */
export const CoverageAddition = Type.Object(
  {
    id: Id,
    kind: Type.String(),
    title: Type.Array(LocalizedText),
    addedAt: Type.String(),
  },
  { additionalProperties: false },
);
export type CoverageAddition = Static<typeof CoverageAddition>;

/** `GET /api/coverage/targets/{id}`: a target's figures today and at the end of every year, pace and gaps. */
export const CoverageReport = Type.Object(
  {
    target: CoverageTarget,
    now: CoverageFigure,
    years: Type.Array(CoverageFigure),
    pace: CoveragePace,
    gaps: Type.Array(CoverageGap),
    /** Gaps the viewer may not read are counted, never named. */
    hiddenGaps: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type CoverageReport = Static<typeof CoverageReport>;

/** The yearly report to the province: the figures, and what was added in the year. */
export const CoverageYearReport = Type.Object(
  {
    ...CoverageReport.properties,
    year: Type.Integer(),
    added: Type.Array(CoverageAddition),
  },
  { additionalProperties: false },
);
export type CoverageYearReport = Static<typeof CoverageYearReport>;

export const CoverageTargetList = Type.Object(
  { targets: Type.Array(Type.Object({ target: CoverageTarget, now: CoverageFigure }, { additionalProperties: false })) },
  { additionalProperties: false },
);
export type CoverageTargetList = Static<typeof CoverageTargetList>;

export const CoverageReportQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })) },
  { additionalProperties: false },
);
export type CoverageReportQuery = Static<typeof CoverageReportQuery>;

export const CoverageTargetParams = Type.Object({ id: Id }, { additionalProperties: false });
export type CoverageTargetParams = Static<typeof CoverageTargetParams>;

/** `GET /api/coverage/public`: the public targets' figures, for everyone. */
export const PublicCoverage = Type.Object({ reports: Type.Array(CoverageReport) }, { additionalProperties: false });
export type PublicCoverage = Static<typeof PublicCoverage>;
