import type { DocumentedBy, InventoryElement, Item, ItemView, LinkedRecord, LinkSuggestions } from '@disan/schemas';
import { accessView, canReadRecord, readFilter, type Viewer } from '@disan/ingest/access';
import { NotFoundError, type Archive } from '@disan/ingest';
import { createInventoryCatalog, suggestElementsFor, suggestRecordsFor } from '@disan/ingest/inventory';
import type { BrowseDeps } from './browse.ts';

/** A record as a line of a list of linked records. */
export const linkedRecord = (item: Item, now = new Date()): LinkedRecord => ({ id: item.id, kind: item.kind, title: item.title, date: item.date ?? null, status: item.status, access: accessView(item.access, now) });

/** The element block as the public reads it: a bearer who has not given consent is not named at all. */
export const publicElement = (element: InventoryElement): InventoryElement => {
  const { bearers, ...rest } = element;
  const consenting = (bearers ?? []).filter((bearer) => bearer.consent.given);
  return consenting.length > 0 ? { ...rest, bearers: consenting } : rest;
};

/**
 * The inventory's part of an item page: an element's block (bearers with consent only), and
 * for a record, the elements it documents that the viewer may read. A link to an element the
 * viewer may not read is left out whole, id and all.
 */
export async function elementFields(deps: BrowseDeps, viewer: Viewer, item: Item): Promise<Pick<ItemView, 'element' | 'elements'>> {
  const fields: Pick<ItemView, 'element' | 'elements'> = {};
  if (item.element) fields.element = publicElement(item.element);
  const ids = item.elements ?? [];
  if (ids.length > 0) {
    const now = new Date();
    const found = new Map((await deps.catalog.items.getMany(ids)).map((element) => [element.id, element]));
    fields.elements = ids.flatMap((id) => {
      const element = found.get(id);
      return element && canReadRecord(viewer, element, now) ? [linkedRecord(element, now)] : [];
    });
  }
  return fields;
}

/** The records documenting an element the viewer may read (404 as GET /items/{id} for any other), through the viewer's read filter. */
export async function documentedBy(archive: Pick<Archive, 'catalog' | 'db'>, viewer: Viewer, id: string): Promise<DocumentedBy> {
  const element = await archive.catalog.items.get(id);
  if (!element || !canReadRecord(viewer, element)) throw new NotFoundError(`Item ${id} not found`);
  const now = new Date();
  const records = await createInventoryCatalog(archive.db).documenting(readFilter(viewer), id, { now });
  // The filter already holds: checked once more per record, as every door does.
  return { element: id, records: records.filter((record) => canReadRecord(viewer, record, now)).map((record) => linkedRecord(record, now)) };
}

/**
 * Link suggestions for the record being edited (its head): for an element, the records whose
 * text names it; for any other record, the elements its text names. Both sides are read
 * through the viewer's read filter, so no suggestion names a record the viewer may not read.
 */
export async function elementLinkSuggestions(archive: Pick<Archive, 'workspace' | 'db'>, viewer: Viewer, id: string): Promise<LinkSuggestions> {
  const head = await archive.workspace.get(viewer, id);
  if (!head) throw new NotFoundError(`Record ${id} not found`);
  const record = head.item;
  if (record.kind === 'word') return { suggestions: [] };
  const inventory = createInventoryCatalog(archive.db);
  const filter = readFilter(viewer);
  const suggestions = record.kind === 'element' ? suggestRecordsFor(record, await inventory.ofKind(filter, 'documentary')) : suggestElementsFor(record, await inventory.ofKind(filter, 'element'));
  return { suggestions };
}
