import type { BrowseOrder, DictionaryBrowsePage, DictionaryBrowseQuery } from '@disan/schemas';
import { readFilter, type Viewer } from '../access/index.ts';
import type { DictionaryRepository } from '../catalog/dictionary.ts';
import { ValidationError } from '../errors.ts';
import { browseRows, ORDER_COMPARE } from './browse-orders.ts';
import { entrySummaries, type DictionaryDeps } from './entries.ts';
import { loadHanRadicals, type HanRadicals } from './script/han-radicals.ts';

/**
 * Browsing the dictionary in a script's own order. ICU's collators live in this process,
 * not in SQL, so each order's ranks are a derived table (dictionary_browse), rebuilt when
 * the word entries changed since it was built (their count and newest change, read from a
 * partial index): a page is then a keyset read on (rank, id) through the viewer's read
 * filter, never a sort of the whole dictionary per request. The first page after a change
 * pays for the rebuild (measured in BENCH=dictionary-browse).
 */

let radicals: Promise<HanRadicals> | undefined;
/** Unihan is read once per process (~0.5 s), and only when the radical order is built. */
const hanRadicals = (): Promise<HanRadicals> => (radicals ??= loadHanRadicals());

/**
 * Section counts per order, build and read filter (the public's is one filter for everyone),
 * and day (an embargo ends at midnight): counting groups every entry of the order, so it
 * is done once per change of the dictionary, not per page. Only the latest build is kept.
 */
const sectionCache = new Map<string, { key: string; sections: Sections }>();

async function sectionsOf(repository: DictionaryRepository, order: BrowseOrder, stamp: string, filter: ReturnType<typeof readFilter>, now: Date): Promise<Sections> {
  const key = `${stamp}\u0000${now.toISOString().slice(0, 10)}`;
  const slot = `${order}\u0000${JSON.stringify(filter)}`;
  const cached = sectionCache.get(slot);
  if (cached?.key === key) return cached.sections;
  const sections = await repository.browseSections(order, filter, { now });
  // Bounded: one slot per order and filter, and filters are per community set, not per person.
  if (sectionCache.size > 1000) sectionCache.clear();
  sectionCache.set(slot, { key, sections });
  return sections;
}

/** Rebuilds in flight, so two readers of a stale order wait for one rebuild. */
const building = new Map<string, Promise<string>>();

/** Makes one order current and answers the stamp it was built for. */
export async function ensureBrowseOrder(repository: DictionaryRepository, order: BrowseOrder): Promise<string> {
  const stamp = await repository.wordsStamp();
  if ((await repository.browseStamp(order)) === stamp) return stamp;
  const key = `${order}\u0000${stamp}`;
  let pending = building.get(key);
  if (!pending) {
    pending = rebuild(repository, order, stamp).finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

async function rebuild(repository: DictionaryRepository, order: BrowseOrder, stamp: string): Promise<string> {
  const sources = await repository.browseSources();
  const rows = browseRows(order, sources, order === 'radical' ? await hanRadicals() : undefined);
  await repository.replaceBrowse(order, rows, stamp);
  return stamp;
}

interface Cursor {
  order: BrowseOrder;
  rank: number;
  id: string;
  stamp: string;
}

/** Opaque to clients: where the previous page ended, and which build of the order it was read from. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.rank, cursor.id, cursor.stamp])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 4) {
      const [order, rank, id, stamp] = value as unknown[];
      if (typeof order === 'string' && order in ORDER_COMPARE && Number.isInteger(rank) && typeof id === 'string' && typeof stamp === 'string') {
        return { order: order as BrowseOrder, rank: rank as number, id, stamp };
      }
    }
  } catch {
    // Falls through to the error below: the cursor was not one of ours.
  }
  throw new ValidationError('The cursor `after` is not one this API gave: pass the `next` of the previous page unchanged');
}

/** A page of the dictionary in one order, with the sections (letters) and how many entries each holds for the viewer. */
export async function browseDictionary(deps: DictionaryDeps, viewer: Viewer, query: DictionaryBrowseQuery, now: Date = new Date()): Promise<DictionaryBrowsePage> {
  const repository = deps.catalog.dictionary;
  const { order } = query;
  const limit = query.limit ?? 50;
  const stamp = await ensureBrowseOrder(repository, order);
  const filter = readFilter(viewer);
  const sections = await sectionsOf(repository, order, stamp, filter, now);
  const start = await startOf(repository, order, stamp, query, sections);
  const rows = await repository.browsePage(order, filter, { ...start, limit: limit + 1, now });
  const page = rows.slice(0, limit);
  const summaries = new Map((await entrySummaries(deps, viewer, page.map((row) => row.itemId), now)).map((s) => [s.id, s]));
  const last = page.at(-1);
  return {
    order,
    sections: sections.map((s) => ({ key: s.section, label: s.label, count: s.count })),
    entries: page.flatMap((row) => {
      const summary = summaries.get(row.itemId);
      return summary ? [{ ...summary, section: row.section }] : [];
    }),
    next: rows.length > limit && last ? encodeCursor({ order, rank: last.rank, id: last.itemId, stamp }) : null,
  };
}

type Sections = Awaited<ReturnType<DictionaryRepository['browseSections']>>;

/** Where a page starts: after the cursor's entry (found again if the order was rebuilt since), at a section, or at the top. */
async function startOf(repository: DictionaryRepository, order: BrowseOrder, stamp: string, query: DictionaryBrowseQuery, sections: Sections): Promise<{ afterRank: number; afterId: string }> {
  if (query.after !== undefined) {
    const cursor = decodeCursor(query.after);
    if (cursor.order !== order) throw new ValidationError(`The cursor \`after\` belongs to the ${cursor.order} order, not ${order}`);
    const rank = cursor.stamp === stamp ? cursor.rank : ((await repository.rankOf(order, cursor.id)) ?? cursor.rank);
    return { afterRank: rank, afterId: cursor.id };
  }
  if (query.from !== undefined) {
    const from = query.from.normalize('NFC');
    const compare = ORDER_COMPARE[order];
    // The section named, or the first one that sorts at or after it ("ខ" when no word begins with it).
    const section = sections.find((s) => s.section === from || s.label === from) ?? sections.find((s) => compare(s.label, from) >= 0);
    return section ? { afterRank: section.firstRank - 1, afterId: '' } : { afterRank: 2_147_483_647, afterId: '' };
  }
  return { afterRank: 0, afterId: '' };
}
