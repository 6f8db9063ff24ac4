import type { Collection, WordListSummary, WordListView, WordOfTheDay } from '@disan/schemas';
import { canReadCollection, PUBLIC, readFilter, type Viewer } from '@disan/ingest/access';
import { NotFoundError, type Archive } from '@disan/ingest';
import { entrySummaries } from '@disan/ingest/dictionary';

type Deps = Pick<Archive, 'catalog'>;

const isWordList = (c: Collection | null): c is Collection => c !== null && c.type === 'word-list';

/** The word lists the viewer may see, each with the number of its entries the viewer may read. */
export async function wordLists(deps: Deps, viewer: Viewer, now: Date = new Date()): Promise<WordListSummary[]> {
  const lists = (await deps.catalog.collections.list()).filter((c) => canReadCollection(viewer, c, now) && isWordList(c));
  const counts = await deps.catalog.dictionary.countEntriesIn(lists.map((c) => c.id), readFilter(viewer), { now });
  return lists.map((c) => toSummary(c, counts.get(c.id) ?? 0));
}

/**
 * One word list with its entries in the curated order (itemOrder); entries the order does
 * not name follow, by id. Only entries the viewer may read, whatever the order names.
 */
export async function wordListView(deps: Deps, viewer: Viewer, id: string, now: Date = new Date()): Promise<WordListView> {
  const list = await deps.catalog.collections.get(id);
  if (!list || !canReadCollection(viewer, list, now) || !isWordList(list)) throw new NotFoundError(`Word list ${id} not found`);
  const members = await deps.catalog.dictionary.entriesIn(id, readFilter(viewer), { now });
  const order = list.itemOrder ?? [];
  const rank = new Map(order.map((entryId, index) => [entryId, index]));
  const ordered = [...members].sort((a, b) => (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length));
  const entries = await entrySummaries(deps, viewer, ordered, now);
  return { ...toSummary(list, entries.length), entries };
}

function toSummary(c: Collection, entryCount: number): WordListSummary {
  return { id: c.id, title: c.title, description: c.description ?? [], entryCount };
}

/**
 * The word of a day: among entries the public may read, those with a recording first, the
 * one whose md5(date || id) comes first; the first whose recording the public may hear
 * wins, else the first. The same for everyone (the public's view, whoever asks).
 */
export async function wordOfTheDay(deps: Deps, date: string, now: Date = new Date()): Promise<WordOfTheDay> {
  const candidates = await deps.catalog.dictionary.dailyCandidates(date, readFilter(PUBLIC), { now });
  const summaries = await entrySummaries(deps, PUBLIC, candidates, now);
  const entry = summaries.find((s) => s.recording !== null) ?? summaries[0] ?? null;
  return { date, entry };
}
