import type { EntrySummary, Item } from '@disan/schemas';
import { canReadRecord, type Viewer } from '../access/index.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { toEntrySummary } from './summary.ts';

/** What the dictionary's reads need of the archive. */
export type DictionaryDeps = { catalog: Catalog };

/**
 * Entries by id as the viewer may see them, in the order of `ids`: one read of the items and
 * one of their files, whatever the number. An id that is not a readable entry is left out
 * (the SQL filter already chose; this checks again with the rule itself).
 */
export async function entrySummaries(deps: DictionaryDeps, viewer: Viewer, ids: readonly string[], now: Date = new Date()): Promise<EntrySummary[]> {
  const items = await readableEntries(deps, viewer, ids, now);
  const media = await deps.catalog.media.listForItems(items.map((item) => item.id), 'face');
  return items.map((item) => toEntrySummary(item, media.get(item.id) ?? [], viewer, now));
}

/** The readable word entries among `ids`, in that order. */
export async function readableEntries(deps: DictionaryDeps, viewer: Viewer, ids: readonly string[], now: Date = new Date()): Promise<Item[]> {
  const byId = new Map((await deps.catalog.items.getMany(ids)).map((item) => [item.id, item]));
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item && isEntry(item) && canReadRecord(viewer, item, now) ? [item] : [];
  });
}

export const isEntry = (item: Item): boolean => item.kind === 'word' && item.entry !== undefined;
