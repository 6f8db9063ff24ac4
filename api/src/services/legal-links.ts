import type { Item, ItemView, LegalLink, LibraryDescription } from '@disan/schemas';
import { canReadRecord, readFilter, type Viewer } from '@disan/ingest/access';
import type { BrowseDeps } from './browse.ts';

type LibraryFields = Pick<ItemView, 'library' | 'legalLinks'>;

/**
 * A library record's description as the viewer may see it, with its legal relations both
 * ways. The inverse relations (amended by, implemented by…) are read from the catalog
 * through the viewer's read filter, and a forward relation to a record the viewer may not
 * read keeps only what this record itself says (number, title), never the other's id:
 * a hidden record is never named, not even by its id.
 */
export async function libraryFields(deps: BrowseDeps, viewer: Viewer, item: Item): Promise<LibraryFields> {
  const library = item.library;
  if (!library) return {};
  const now = new Date();
  const targetIds = [...(library.legal?.relations ?? []).flatMap((relation) => (relation.itemId ? [relation.itemId] : [])), ...(library.issue?.periodicalId ? [library.issue.periodicalId] : [])];
  const [targets, referencing] = await Promise.all([
    deps.catalog.items.getMany([...new Set(targetIds)]),
    deps.catalog.items.referencingLegal(readFilter(viewer), { id: item.id, documentNumber: library.legal?.documentNumber }, { now }),
  ]);
  const readable = new Map(targets.filter((target) => canReadRecord(viewer, target, now)).map((target) => [target.id, target]));
  const view: LibraryDescription = withoutHiddenIds(library, readable);
  const links = [...forwardLinks(library, readable), ...inverseLinks(item, referencing)];
  return links.length > 0 ? { library: view, legalLinks: links } : { library: view };
}

function withoutHiddenIds(library: LibraryDescription, readable: ReadonlyMap<string, Item>): LibraryDescription {
  const { legal, issue } = library;
  const view: LibraryDescription = { ...library };
  if (legal?.relations) {
    view.legal = {
      ...legal,
      relations: legal.relations.map(({ itemId, ...rest }) => (itemId !== undefined && readable.has(itemId) ? { ...rest, itemId } : rest)),
    };
  }
  if (issue?.periodicalId !== undefined && !readable.has(issue.periodicalId)) {
    const { periodicalId: _hidden, ...rest } = issue;
    view.issue = rest;
  }
  return view;
}

function forwardLinks(library: LibraryDescription, readable: ReadonlyMap<string, Item>): LegalLink[] {
  return (library.legal?.relations ?? []).map((relation) => {
    const target = relation.itemId === undefined ? undefined : readable.get(relation.itemId);
    const documentNumber = relation.documentNumber ?? target?.library?.legal?.documentNumber;
    const link: LegalLink = { type: relation.type, direction: 'forward' };
    if (target) Object.assign(link, { itemId: target.id, title: target.title });
    else if (relation.title) link.title = [{ lang: 'und', value: relation.title }];
    if (documentNumber !== undefined) link.documentNumber = documentNumber;
    return link;
  });
}

/** Each relation of a readable record that points to this one, by id or by this record's number. */
function inverseLinks(item: Item, referencing: readonly Item[]): LegalLink[] {
  const number = item.library?.legal?.documentNumber;
  return referencing.flatMap((other) =>
    (other.library?.legal?.relations ?? [])
      .filter((relation) => relation.itemId === item.id || (number !== undefined && relation.documentNumber === number))
      .map((relation): LegalLink => {
        const link: LegalLink = { type: relation.type, direction: 'inverse', itemId: other.id, title: other.title };
        const otherNumber = other.library?.legal?.documentNumber;
        if (otherNumber !== undefined) link.documentNumber = otherNumber;
        return link;
      }));
}
