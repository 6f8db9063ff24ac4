import type { EntryView, Item, RecordWords, RelatedEntryView } from '@disan/schemas';
import { accessView, canReadCollection, canReadRecord, readFilter, type Viewer } from '@disan/ingest/access';
import { NotFoundError, type Archive } from '@disan/ingest';
import { isEntry, readableEntries, entrySummaries, recordingsFor } from '@disan/ingest/dictionary';
import { recordCards } from './records.ts';

type Deps = Pick<Archive, 'catalog'>;

const headwordOf = (item: Item): string => item.entry?.headwords[0]?.value ?? item.title[0]?.value ?? item.id;

/** An entry's page as the viewer may see it, or NotFoundError: a hidden entry and a missing one answer alike, as items do. */
export async function entryView(deps: Deps, viewer: Viewer, id: string, now: Date = new Date()): Promise<EntryView> {
  const item = await deps.catalog.items.get(id);
  if (!item || !canReadRecord(viewer, item, now) || !isEntry(item)) throw new NotFoundError(`Dictionary entry ${id} not found`);
  const entry = item.entry!;
  const [media, records, related, wordLists] = await Promise.all([
    deps.catalog.media.listForItem(id, 'face'),
    recordCards(deps, viewer, entry.records ?? [], now),
    relatedEntries(deps, viewer, item, now),
    wordListsOf(deps, viewer, item, now),
  ]);
  return {
    id: item.id,
    title: item.title,
    entry,
    recordings: recordingsFor(viewer, item, media, now),
    records,
    related,
    wordLists,
    status: item.status,
    access: accessView(item.access, now),
    version: item.version,
    updatedAt: item.updatedAt,
  };
}

/**
 * The entry's relations both ways: those it stores (a target the viewer may not read shows
 * only the headword the relation itself wrote, never the hidden entry's), and those other
 * readable entries store towards it, found by jsonb containment (items_entry_relations_idx).
 */
async function relatedEntries(deps: Deps, viewer: Viewer, item: Item, now: Date): Promise<RelatedEntryView[]> {
  const relations = item.entry?.relations ?? [];
  const targets = new Map((await readableEntries(deps, viewer, relations.flatMap((r) => (r.entryId ? [r.entryId] : [])), now)).map((t) => [t.id, t]));
  const forward = relations.flatMap((relation): RelatedEntryView[] => {
    const target = relation.entryId ? targets.get(relation.entryId) : undefined;
    if (target) return [{ type: relation.type, direction: 'forward', entryId: target.id, headword: headwordOf(target) }];
    return relation.headword ? [{ type: relation.type, direction: 'forward', entryId: null, headword: relation.headword }] : [];
  });
  const inverseIds = await deps.catalog.dictionary.entriesRelatingTo(item.id, readFilter(viewer), { now });
  const inverse = (await readableEntries(deps, viewer, inverseIds, now)).flatMap((other) =>
    (other.entry?.relations ?? [])
      .filter((relation) => relation.entryId === item.id)
      .map((relation): RelatedEntryView => ({ type: relation.type, direction: 'inverse', entryId: other.id, headword: headwordOf(other) })),
  );
  return [...forward, ...inverse];
}

/** The word lists the viewer may see that hold the entry. */
async function wordListsOf(deps: Deps, viewer: Viewer, item: Item, now: Date): Promise<EntryView['wordLists']> {
  const collections = await Promise.all((item.collections ?? []).map((id) => deps.catalog.collections.get(id)));
  return collections.flatMap((c) => (c && c.type === 'word-list' && canReadCollection(viewer, c, now) ? [{ id: c.id, title: c.title }] : []));
}

/**
 * A record's words: the entries whose entry.records names it (items_entry_records_idx),
 * those the viewer may read. The record itself must be readable: else 404, as its page.
 */
export async function recordWords(deps: Deps, viewer: Viewer, recordId: string, now: Date = new Date()): Promise<RecordWords> {
  const record = await deps.catalog.items.get(recordId);
  if (!record || !canReadRecord(viewer, record, now)) throw new NotFoundError(`Item ${recordId} not found`);
  const ids = await deps.catalog.dictionary.entriesNaming(recordId, readFilter(viewer), { now });
  return { itemId: recordId, entries: await entrySummaries(deps, viewer, ids, now) };
}
