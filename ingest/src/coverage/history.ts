import type { ElementCategory, ItemStatus, LocalizedText, RecurringDate, ViabilityLevel } from '@disan/schemas';
import { analyze } from '../analyzer/index.ts';
import type { Sql } from '../database/database.ts';

/** One version of an item, as coverage needs it: when it was written and what it said. */
export interface VersionFacts {
  version: number;
  /** Milliseconds since the epoch. */
  at: number;
  status: ItemStatus;
  /** Languages of its description (BCP 47 tags as written). */
  descriptionLangs: string[];
}

export interface RecordVersion extends VersionFacts {
  /** The elements it documents in this version. */
  elements: string[];
}

export interface ElementVersion extends VersionFacts {
  category: ElementCategory | undefined;
  ethnicGroups: string[];
  provinces: string[];
  /** The provinces as the shared analyzer folds them ("soc trang"), compared with the target's. */
  provinceKeys: string[];
  title: LocalizedText[];
  viability: ViabilityLevel | undefined;
  recurrence: RecurringDate[];
}

/** Files of one kind that joined a record in one version (and left in another, or not). */
export interface MediaGroup {
  kind: 'images' | 'audioVisual' | 'documents';
  count: number;
  /** When the last of them was registered (ms): none counts before. */
  at: number;
  addedIn: number;
  removedIn: number | null;
}

export interface ItemHistory<V> {
  id: string;
  kind: string;
  /** Versions in order. */
  versions: V[];
  /** When the item was deleted (ms), or null. */
  deletedAt: number | null;
  title: LocalizedText[];
  createdAt: number;
}

/** Everything coverage reads, loaded in three queries: elements, the records that ever named one, and their files. */
export interface CoverageHistory {
  elements: ItemHistory<ElementVersion>[];
  records: ItemHistory<RecordVersion>[];
  media: Map<string, MediaGroup[]>;
  /** The first moment anything in it happened (ms), or null when it is empty. */
  firstAt: number | null;
}

interface VersionRow {
  item_id: string;
  version: number;
  at: Date | string;
  kind: string;
  deleted_at: Date | string | null;
  status: ItemStatus;
  elements: string[] | null;
  langs: string[] | null;
  facts: { category?: ElementCategory; groups?: string[]; provinces?: string[]; title?: LocalizedText[]; viability?: ViabilityLevel; recurrence?: RecurringDate[] } | null;
}

/** A name as the shared analyzer folds it: "Sóc Trăng" and "soc trang" are one province. */
export const foldedName = (text: string): string => analyze(text).map((token) => token.key).join(' ');

const ms = (value: Date | string): number => (value instanceof Date ? value.getTime() : Date.parse(value));

/**
 * Brings coverage_facts up to date: the versions written since the last call, of every
 * element and of every record that names an element in that version or in one before it
 * (a record that stopped naming one must be seen to stop). Versions never change, so each is
 * read out of its JSON once; two processes doing this at once insert each row once.
 */
export async function syncCoverageFacts(sql: Sql): Promise<void> {
  await sql.query(
    `INSERT INTO coverage_facts (item_id, version, at, kind, status, elements, description_langs, facts)
     SELECT v.item_id, v.version, v.created_at, i.kind, v.data->>'status',
       COALESCE(ARRAY(SELECT jsonb_array_elements_text(v.data->'elements')), '{}'),
       COALESCE(ARRAY(SELECT jsonb_path_query(v.data, '$.description[*].lang') #>> '{}'), '{}'),
       CASE WHEN i.kind = 'element' THEN jsonb_build_object(
         'category', v.data->'element'->'category', 'groups', v.data->'ethnicGroups',
         'provinces', jsonb_path_query_array(v.data, '$.places[*].province'), 'title', v.data->'title',
         'viability', v.data->'element'->'viability', 'recurrence', v.data->'recurrence') END
     FROM item_versions v JOIN items i ON i.id = v.item_id
     WHERE (i.kind = 'element' OR v.data ? 'elements' OR v.item_id IN (SELECT item_id FROM coverage_facts))
       AND NOT EXISTS (SELECT 1 FROM coverage_facts f WHERE f.item_id = v.item_id AND f.version = v.version)
     ON CONFLICT (item_id, version) DO NOTHING`,
  );
}

/**
 * Reads the history: every version of every inventory element, every version of every record
 * that named an element (from coverage_facts, brought up to date first), and those records'
 * files grouped by kind and version. Only the fields coverage uses leave the database.
 */
export async function loadCoverageHistory(sql: Sql): Promise<CoverageHistory> {
  await syncCoverageFacts(sql);
  const rows = await sql.query<VersionRow & Record<string, unknown>>(
    `SELECT f.item_id, f.version, f.at, f.kind, i.deleted_at, f.status, f.elements, f.description_langs AS langs, f.facts
     FROM coverage_facts f JOIN items i ON i.id = f.item_id
     ORDER BY f.item_id, f.version`,
  );
  const elements: ItemHistory<ElementVersion>[] = [];
  const records: ItemHistory<RecordVersion>[] = [];
  let firstAt: number | null = null;
  let current: ItemHistory<ElementVersion> | ItemHistory<RecordVersion> | undefined;
  for (const row of rows) {
    const at = ms(row.at);
    if (firstAt === null || at < firstAt) firstAt = at;
    const base = { version: row.version, at, status: row.status, descriptionLangs: row.langs ?? [] };
    if (current?.id !== row.item_id) {
      const deletedAt = row.deleted_at === null ? null : ms(row.deleted_at);
      current = { id: row.item_id, kind: row.kind, versions: [], deletedAt, title: [], createdAt: at };
      (row.kind === 'element' ? elements : records).push(current as never);
    }
    if (row.kind === 'element') {
      const facts = row.facts ?? {};
      const version: ElementVersion = {
        ...base,
        category: facts.category,
        ethnicGroups: facts.groups ?? [],
        provinces: facts.provinces ?? [],
        provinceKeys: (facts.provinces ?? []).map(foldedName),
        title: facts.title ?? [],
        viability: facts.viability,
        recurrence: facts.recurrence ?? [],
      };
      (current as ItemHistory<ElementVersion>).versions.push(version);
      current.title = version.title;
    } else {
      (current as ItemHistory<RecordVersion>).versions.push({ ...base, elements: row.elements ?? [] });
    }
  }
  const media = await loadMediaGroups(sql, records.map((record) => record.id));
  return { elements, records, media, firstAt };
}

const MEDIA_KIND_GROUP: Record<string, MediaGroup['kind'] | undefined> = { image: 'images', video: 'audioVisual', audio: 'audioVisual', document: 'documents' };

/** Ready files of the records, by kind and version; failed and pending files never count. */
async function loadMediaGroups(sql: Sql, recordIds: string[]): Promise<Map<string, MediaGroup[]>> {
  const groups = new Map<string, MediaGroup[]>();
  if (recordIds.length === 0) return groups;
  const rows = await sql.query<{ item_id: string; kind: string; added: number; removed: number | null; n: number | string; at: Date | string }>(
    `SELECT item_id, kind, added_in_version AS added, removed_in_version AS removed, count(*) AS n, max(created_at) AS at
     FROM media WHERE item_id = ANY($1::text[]) AND status = 'ready' AND kind IN ('image', 'video', 'audio', 'document')
     GROUP BY item_id, kind, added_in_version, removed_in_version`,
    [recordIds],
  );
  for (const row of rows) {
    const kind = MEDIA_KIND_GROUP[row.kind];
    if (kind === undefined) continue;
    const list = groups.get(row.item_id) ?? [];
    list.push({ kind, count: Number(row.n), at: ms(row.at), addedIn: row.added, removedIn: row.removed });
    groups.set(row.item_id, list);
  }
  return groups;
}

/** The current titles of some items (the yearly report's additions). */
export async function titlesOf(sql: Sql, ids: readonly string[]): Promise<Map<string, LocalizedText[]>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; title: LocalizedText[] }>(`SELECT id, data->'title' AS title FROM items WHERE id = ANY($1::text[])`, [ids]);
  return new Map(rows.map((row) => [row.id, row.title]));
}
