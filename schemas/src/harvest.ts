import { Type, type Static } from 'typebox';

/**
 * OAI-PMH harvest sources (issue 13): what an admin schedules, and what each run did.
 * The API answers these shapes; the site's admin page shows them.
 */
export const HARVEST_PREFIXES = ['oai_dc', 'marc21'] as const;
export type HarvestPrefix = (typeof HARVEST_PREFIXES)[number];

/** What harvested records become: a trusted library's are usually published at once; `draft` waits for a reviewer. */
export const HARVEST_RECORD_STATUSES = ['published', 'draft'] as const;
export const HARVEST_TRIGGERS = ['schedule', 'manual', 'command'] as const;
export const HARVEST_RUN_STATUSES = ['running', 'done', 'failed'] as const;

export const HarvestSourceId = Type.String({ pattern: '^[0-9a-f-]{36}$', description: 'A harvest source id (UUID)' });

/** An http(s) base URL with no query string: the protocol adds its own. */
export const HarvestBaseUrl = Type.String({ minLength: 8, maxLength: 1000, pattern: '^https?://[^?#\\s]+$', description: 'OAI-PMH base URL' });

/** Set specs are colon-separated lists of URL-safe words (OAI-PMH 2.0, section 2.7.1). */
export const HarvestSetSpec = Type.String({ minLength: 1, maxLength: 200, pattern: "^[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*$" });

export const HarvestSourceInput = Type.Object(
  {
    baseUrl: HarvestBaseUrl,
    metadataPrefix: Type.Enum(HARVEST_PREFIXES, { default: 'oai_dc' }),
    set: Type.Optional(HarvestSetSpec),
    intervalHours: Type.Integer({ minimum: 1, maximum: 8760, default: 24 }),
    enabled: Type.Boolean({ default: true }),
    recordStatus: Type.Enum(HARVEST_RECORD_STATUSES, { default: 'published' }),
  },
  { additionalProperties: false },
);
export type HarvestSourceInput = Static<typeof HarvestSourceInput>;

/** PATCH: any of the fields; `set: null` removes the set. */
export const HarvestSourceChanges = Type.Object(
  {
    baseUrl: Type.Optional(HarvestBaseUrl),
    metadataPrefix: Type.Optional(Type.Enum(HARVEST_PREFIXES)),
    set: Type.Optional(Type.Union([HarvestSetSpec, Type.Null()])),
    intervalHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 8760 })),
    enabled: Type.Optional(Type.Boolean()),
    recordStatus: Type.Optional(Type.Enum(HARVEST_RECORD_STATUSES)),
  },
  { additionalProperties: false },
);
export type HarvestSourceChanges = Static<typeof HarvestSourceChanges>;

export const HarvestCounts = Type.Object(
  {
    pages: Type.Integer({ minimum: 0 }),
    created: Type.Integer({ minimum: 0 }),
    updated: Type.Integer({ minimum: 0 }),
    unchanged: Type.Integer({ minimum: 0 }),
    deleted: Type.Integer({ minimum: 0 }),
    refused: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type HarvestCounts = Static<typeof HarvestCounts>;

export const HarvestRefusal = Type.Object({ identifier: Type.String(), reason: Type.String() }, { additionalProperties: false });
export type HarvestRefusal = Static<typeof HarvestRefusal>;

export const HarvestRun = Type.Object(
  {
    id: Type.String(),
    sourceId: HarvestSourceId,
    trigger: Type.Enum(HARVEST_TRIGGERS),
    status: Type.Enum(HARVEST_RUN_STATUSES),
    startedAt: Type.String({ format: 'date-time' }),
    finishedAt: Type.Optional(Type.String({ format: 'date-time' })),
    from: Type.Optional(Type.String()),
    counts: HarvestCounts,
    refusals: Type.Array(HarvestRefusal),
    error: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type HarvestRun = Static<typeof HarvestRun>;

export const HarvestSource = Type.Object(
  {
    id: HarvestSourceId,
    baseUrl: Type.String(),
    metadataPrefix: Type.Enum(HARVEST_PREFIXES),
    set: Type.Optional(Type.String()),
    intervalHours: Type.Integer(),
    enabled: Type.Boolean(),
    recordStatus: Type.Enum(HARVEST_RECORD_STATUSES),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    lastRunAt: Type.Optional(Type.String({ format: 'date-time' })),
    lastSuccessAt: Type.Optional(Type.String({ format: 'date-time' })),
    lastDatestamp: Type.Optional(Type.String()),
    lastError: Type.Optional(Type.String()),
    /** Records this source brought in (deleted ones included). */
    records: Type.Integer({ minimum: 0 }),
    running: Type.Boolean(),
    lastRun: Type.Optional(HarvestRun),
  },
  { additionalProperties: false },
);
export type HarvestSource = Static<typeof HarvestSource>;

export const HarvestSourceList = Type.Object({ sources: Type.Array(HarvestSource) }, { additionalProperties: false });
export const HarvestRunList = Type.Object({ runs: Type.Array(HarvestRun) }, { additionalProperties: false });
export const HarvestSourceParams = Type.Object({ id: HarvestSourceId });
/** 202: the run is queued; `created: false` when one was already waiting. */
export const HarvestRunQueued = Type.Object({ jobId: Type.String(), created: Type.Boolean() }, { additionalProperties: false });
export type HarvestRunQueued = Static<typeof HarvestRunQueued>;
